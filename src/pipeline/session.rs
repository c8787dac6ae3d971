//! One pipeline — synthesize → lightweight teacher → compare, each stage through a [`Host`] — that the
//! CLI and the browser's training worker both drive as thin transports. The session keeps the trained
//! teacher, on the device it trained on, to teach in stage 3, and a heavy teacher trained ahead of it.

use std::sync::Arc;

use burn::prelude::*;

use super::plan::by_seed;
use super::{Unit, stages};
use crate::data::{ImageSet, SynthConfig, SynthSet, Target};
use crate::distill::{
    DistillConfig, LightTeacher, Trained, compare, showcase_outputs::showcase, train_heavy,
};
use crate::model::LeNet5;
use crate::protocol::{Event, Host, MethodResult, Stop};
use crate::train::{TeacherConfig, TrainedTeacher, train_teacher};

struct HeldTeacher {
    model: LeNet5,
    device: Device,
    classes: usize,
}

/// Vanilla KD's heavy teacher, trained ahead of stage 3 for one target and one set of stage-3 settings.
struct HeldHeavy {
    /// Held, so that its address names it while it is kept.
    target: Arc<Target>,
    cfg: DistillConfig,
    device: Device,
    net: Trained,
}

/// What the teacher needs besides its weights to teach: the digits its numerals are drawn from and
/// what it cost (synthesis + training).
#[derive(Clone, Copy)]
pub struct Taught<'a> {
    pub digits: &'a ImageSet,
    pub max_shift: u32,
    pub cost_s: f32,
}

/// One comparison: students of a [`super::Plan`] (all of it, or a worker's share), on a target.
pub struct CompareJob<'a> {
    /// In run order; each runs with `cfg` on its own seed. The held teacher is the same for all.
    pub units: &'a [Unit],
    pub target: &'a Target,
    pub cfg: &'a DistillConfig,
    /// None: run without the held teacher (the plan has no method that needs it).
    pub teacher: Option<Taught<'a>>,
    /// Emit the soft-target picture ([`Event::Showcase`]) first.
    pub showcase: bool,
}

#[derive(Default)]
pub struct Session {
    teacher: Option<HeldTeacher>,
    heavy: Option<HeldHeavy>,
}

impl Session {
    pub fn new() -> Self {
        Self::default()
    }

    /// Stage 1: the synthesized set and its time (`Failed` is emitted as well as returned).
    pub fn synthesize(
        &self,
        cfg: SynthConfig,
        digits: (&ImageSet, &ImageSet),
        host: &mut impl Host,
    ) -> Result<(SynthSet, f32), Stop> {
        stages::synthesize(cfg, digits.0, digits.1, host)
            .ok_or_else(|| Stop::Failed("the numerals could not be synthesized".into()))
    }

    /// Stage 2: trains the lightweight teacher on `device` and keeps it. A new teacher replaces the
    /// old one even if this run stops early.
    pub async fn train_teacher(
        &mut self,
        set: &SynthSet,
        cfg: &TeacherConfig,
        device: Device,
        host: &mut impl Host,
    ) -> Result<TrainedTeacher, Stop> {
        drop(self.teacher.take());
        let t = train_teacher(set, cfg, &device, host).await?;
        self.hold_teacher(t.model.clone(), device, set.config.classes);
        Ok(t)
    }

    /// Holds `model`, trained elsewhere (another worker), as the teacher for stage 3.
    pub fn hold_teacher(&mut self, model: LeNet5, device: Device, classes: usize) {
        self.teacher = Some(HeldTeacher {
            model,
            device,
            classes,
        });
    }

    /// Where the held teacher lives (the students train there too).
    pub fn teacher_device(&self) -> Option<Device> {
        self.teacher.as_ref().map(|t| t.device.clone())
    }

    /// Gives up the held teacher (a lost device: the caller decides whether its tensors may drop).
    pub fn take_teacher(&mut self) -> Option<(LeNet5, Device)> {
        self.teacher.take().map(|t| (t.model, t.device))
    }

    /// Trains vanilla KD's heavy teacher for `target` and `cfg` ahead of the comparison that needs it
    /// (the page does while stage 2 trains), and keeps it, replacing the one held before. A comparison
    /// with this target, these settings (its first seed) and this device uses it instead of training one.
    pub async fn train_heavy(
        &mut self,
        target: Arc<Target>,
        cfg: &DistillConfig,
        device: Device,
        host: &mut impl Host,
    ) -> Result<(), Stop> {
        drop(self.heavy.take());
        let net = train_heavy(&target, cfg, &device, host).await?;
        self.heavy = Some(HeldHeavy {
            target,
            cfg: *cfg,
            device,
            net,
        });
        Ok(())
    }

    /// The held heavy teacher, if it was trained for exactly this comparison.
    fn heavy_for(&self, target: &Target, cfg: &DistillConfig, device: &Device) -> Option<&Trained> {
        self.heavy
            .as_ref()
            .filter(|h| std::ptr::eq(&*h.target, target) && h.cfg == *cfg && h.device == *device)
            .map(|h| &h.net)
    }

    /// The held teacher as the job's methods see it (None when the job brings no teacher inputs).
    fn light<'a>(&'a self, job: &CompareJob<'a>) -> Option<LightTeacher<'a>> {
        match (&self.teacher, job.teacher) {
            (Some(t), Some(taught)) => Some(LightTeacher {
                model: &t.model,
                classes: t.classes,
                digits: taught.digits,
                max_shift: taught.max_shift,
                cost_s: taught.cost_s,
            }),
            _ => None,
        }
    }

    /// Stage 3: the job's students one after another on `device`, each result also emitted as
    /// [`Event::MethodDone`] as it finishes. The job's plan was checked when it was made.
    pub async fn compare(
        &self,
        job: CompareJob<'_>,
        device: &Device,
        host: &mut impl Host,
    ) -> Result<Vec<MethodResult>, Stop> {
        let light = self.light(&job);
        if job.showcase {
            let picture = showcase(job.target, light.as_ref(), job.cfg).await;
            host.emit(Event::Showcase(Box::new(picture)));
        }
        let mut results = Vec::new();
        for run in by_seed(job.units) {
            let cfg = DistillConfig {
                seed: run[0].seed,
                ..*job.cfg
            };
            let methods: Vec<_> = run.iter().map(|u| u.method).collect();
            let ready = self.heavy_for(job.target, &cfg, device);
            let light = light.as_ref();
            results.extend(compare(&methods, job.target, light, ready, &cfg, device, host).await?);
        }
        Ok(results)
    }
}
