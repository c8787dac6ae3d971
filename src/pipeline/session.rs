//! One pipeline — synthesize → lightweight teacher → compare, each stage through a [`Host`] — that the
//! CLI and the browser's training worker both drive as thin transports. The session keeps the trained
//! teacher, on the device it trained on, to teach in stage 3; the teachers it trained for other seeds;
//! and a heavy teacher trained ahead of stage 3.

use std::sync::Arc;

use burn::prelude::*;
use web_time::Instant;

use super::plan::by_seed;
use super::{Unit, stages};
use crate::data::{ImageSet, SynthConfig, SynthSet, Target};
use crate::distill::{
    DistillConfig, LightTeacher, Trained, compare, showcase_outputs::showcase, train_heavy,
};
use crate::model::LeNet5;
use crate::protocol::{Event, Host, MethodResult, Stage, Stop};
use crate::train::{TeacherConfig, TrainedTeacher, fit_teacher, train_teacher};

/// A lightweight teacher, on its device, with what it cost (synthesis + training).
struct HeldTeacher {
    model: LeNet5,
    device: Device,
    classes: usize,
    cost_s: f32,
}

impl HeldTeacher {
    /// As the methods see it, teaching `seed`'s students from `teaching`'s digits.
    fn light<'a>(&'a self, teaching: &Teaching<'a>, seed: u64) -> LightTeacher<'a> {
        LightTeacher {
            model: &self.model,
            classes: self.classes,
            digits: teaching.digits.0,
            max_shift: teaching.max_shift,
            cost_s: self.cost_s,
            seed,
        }
    }
}

/// A teacher the session trained for one seed of a comparison, and the settings it was trained with.
struct SeedTeacher {
    synth: SynthConfig,
    teacher: TeacherConfig,
    held: HeldTeacher,
}

/// Vanilla KD's heavy teacher, trained ahead of stage 3 for one target and one set of stage-3 settings.
struct HeldHeavy {
    /// Held, so that its address names it while it is kept.
    target: Arc<Target>,
    cfg: DistillConfig,
    device: Device,
    net: Trained,
}

/// A seed's own numerals and lightweight teacher (reported as [`Stage::SeedTeacher`]), and what they
/// cost: synthesis + training.
pub async fn seed_teacher(
    synth: SynthConfig,
    teacher: TeacherConfig,
    digits: (&ImageSet, &ImageSet),
    device: &Device,
    host: &mut impl Host,
) -> Result<(LeNet5, f32), Stop> {
    let start = Instant::now();
    let set = SynthSet::generate(synth, digits.0, digits.1)
        .map_err(|e| Stop::Failed(format!("The numerals could not be synthesized: {e}.")))?;
    let synth_s = start.elapsed().as_secs_f32();
    let t = fit_teacher(&set, &teacher, Stage::SeedTeacher, device, host).await?;
    Ok((t.model, synth_s + t.seconds))
}

/// Where a comparison's lightweight teachers come from.
#[derive(Clone, Copy)]
pub struct Teaching<'a> {
    /// The training and held-out digits numerals are drawn from.
    pub digits: (&'a ImageSet, &'a ImageSet),
    pub max_shift: u32,
    /// The seed the held teacher (stage 2's) was trained for; None: the session holds none.
    pub held_seed: Option<u64>,
    /// Each seed's own teacher: numerals and teacher with these settings on that seed, trained on
    /// demand and kept (the held teacher serves its own seed). None: the held teacher teaches all.
    pub per_seed: Option<(SynthConfig, TeacherConfig)>,
}

/// One comparison: students of a [`super::Plan`] (all of it, or a worker's share), on a target.
pub struct CompareJob<'a> {
    /// In run order; each runs with `cfg` on its own seed.
    pub units: &'a [Unit],
    pub target: &'a Target,
    pub cfg: &'a DistillConfig,
    /// None: no lightweight teacher (the plan has no method that needs one).
    pub teaching: Option<Teaching<'a>>,
    /// Emit the soft-target picture ([`Event::Showcase`]) first.
    pub showcase: bool,
}

#[derive(Default)]
pub struct Session {
    teacher: Option<HeldTeacher>,
    seeded: Vec<SeedTeacher>,
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

    /// Stage 2: trains the lightweight teacher on `device` and keeps it; `synth_s` is what its numerals
    /// took to make (it counts in the teacher's cost). A new teacher replaces the old one even if this
    /// run stops early.
    pub async fn train_teacher(
        &mut self,
        set: &SynthSet,
        cfg: &TeacherConfig,
        synth_s: f32,
        device: Device,
        host: &mut impl Host,
    ) -> Result<TrainedTeacher, Stop> {
        drop(self.teacher.take());
        let t = train_teacher(set, cfg, &device, host).await?;
        self.hold_teacher(
            t.model.clone(),
            device,
            set.config.classes,
            synth_s + t.seconds,
        );
        Ok(t)
    }

    /// Holds `model`, trained elsewhere (another worker) at `cost_s`, as the teacher for stage 3.
    pub fn hold_teacher(&mut self, model: LeNet5, device: Device, classes: usize, cost_s: f32) {
        self.teacher = Some(HeldTeacher {
            model,
            device,
            classes,
            cost_s,
        });
    }

    /// Where the held teacher lives (the students train there too).
    pub fn teacher_device(&self) -> Option<Device> {
        self.teacher.as_ref().map(|t| t.device.clone())
    }

    /// Whether it holds trained work that its weights on the page could not rebuild at once: a
    /// teacher on a GPU, a heavy teacher trained ahead, teachers trained for the other seeds.
    pub fn keeps_trained_work(&self) -> bool {
        self.heavy.is_some()
            || !self.seeded.is_empty()
            || self
                .teacher
                .as_ref()
                .is_some_and(|t| t.device != Device::flex())
    }

    /// Gives up the held teacher and those trained for other seeds (a lost device: the caller
    /// decides whether the held one's tensors may drop).
    pub fn take_teacher(&mut self) -> Option<(LeNet5, Device)> {
        self.seeded.clear();
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

    /// The settings `seed`'s own teacher is trained with, where it is not the held one.
    fn own_settings(teaching: &Teaching<'_>, seed: u64) -> Option<(SynthConfig, TeacherConfig)> {
        let (synth, teacher) = teaching.per_seed?;
        (teaching.held_seed != Some(seed)).then_some((
            SynthConfig { seed, ..synth },
            TeacherConfig { seed, ..teacher },
        ))
    }

    /// Makes sure `seed` has its teacher: trains (quietly but for checkpoints and its progress, as
    /// [`Stage::SeedTeacher`]) and keeps the one it needs unless held already.
    async fn prepare_teacher(
        &mut self,
        teaching: &Teaching<'_>,
        seed: u64,
        device: &Device,
        host: &mut impl Host,
    ) -> Result<(), Stop> {
        let Some((synth, teacher)) = Self::own_settings(teaching, seed) else {
            return Ok(());
        };
        if self
            .seeded
            .iter()
            .any(|s| s.synth == synth && s.teacher == teacher)
        {
            return Ok(());
        }
        // A comparison with other teacher settings: the teachers of the last one go.
        self.seeded.retain(|s| {
            SynthConfig { seed, ..s.synth } == synth
                && TeacherConfig { seed, ..s.teacher } == teacher
        });
        let (model, cost_s) = seed_teacher(synth, teacher, teaching.digits, device, host).await?;
        self.seeded.push(SeedTeacher {
            synth,
            teacher,
            held: HeldTeacher {
                model,
                device: device.clone(),
                classes: synth.classes,
                cost_s,
            },
        });
        Ok(())
    }

    /// The teacher of `seed` as the methods see it.
    fn light_for<'a>(&'a self, teaching: &Teaching<'a>, seed: u64) -> Option<LightTeacher<'a>> {
        match Self::own_settings(teaching, seed) {
            // The held teacher, trained for its own seed (stage 2's; 0 when unknown).
            None => {
                let held_seed = teaching.held_seed.unwrap_or(0);
                Some(self.teacher.as_ref()?.light(teaching, held_seed))
            }
            Some((synth, teacher)) => self
                .seeded
                .iter()
                .find(|s| s.synth == synth && s.teacher == teacher)
                .map(|s| s.held.light(teaching, seed)),
        }
    }

    /// Stage 3: the job's students one after another on `device`, each result also emitted as
    /// [`Event::MethodDone`] as it finishes. Each seed's teacher is the held one or, where the job asks
    /// for one per seed, that seed's own (trained first, if the session has not yet). The job's plan
    /// was checked when it was made.
    pub async fn compare(
        &mut self,
        job: CompareJob<'_>,
        device: &Device,
        host: &mut impl Host,
    ) -> Result<Vec<MethodResult>, Stop> {
        if job.showcase {
            if let Some(t) = &job.teaching {
                self.prepare_teacher(t, job.cfg.seed, device, host).await?;
            }
            let light = job.teaching.and_then(|t| self.light_for(&t, job.cfg.seed));
            let picture = showcase(job.target, light.as_ref(), job.cfg).await;
            host.emit(Event::Showcase(Box::new(picture)));
        }
        let mut results = Vec::new();
        for run in by_seed(job.units) {
            let cfg = DistillConfig {
                seed: run[0].seed,
                ..*job.cfg
            };
            let needs_teacher = run.iter().any(|u| u.method.uses_light_teacher());
            let teaching = job.teaching.filter(|_| needs_teacher);
            if let Some(t) = &teaching {
                self.prepare_teacher(t, cfg.seed, device, host).await?;
            }
            let light = teaching.and_then(|t| self.light_for(&t, cfg.seed));
            let methods: Vec<_> = run.iter().map(|u| u.method).collect();
            let ready = self.heavy_for(job.target, &cfg, device);
            let light = light.as_ref();
            results.extend(compare(&methods, job.target, light, ready, &cfg, device, host).await?);
        }
        Ok(results)
    }
}
