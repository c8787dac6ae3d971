//! A whole comparison from its settings, as the CLI runs it (and the tuner, and the tests that stand
//! for it): the plan, each seed's lightweight teacher — or stage 2's for all — and every student.

use burn::prelude::Device;

use super::plan::Teachers;
use super::session::{CompareJob, Session, Teaching};
use super::{Config, Plan};
use crate::data::{ImageSet, Target};
use crate::distill::DistillConfig;
use crate::protocol::{Host, MethodResult, Stop};

/// Every student `cfg` asks for on `target`, trained with `distill` (`cfg.distill()`, or a variant
/// of it), on `device`. Each seed trains its own teacher unless `cfg.teachers` keeps one for all.
pub async fn run_comparison(
    cfg: &Config,
    distill: &DistillConfig,
    target: &Target,
    digits: &(ImageSet, ImageSet),
    device: &Device,
    host: &mut impl Host,
) -> Result<Vec<MethodResult>, Stop> {
    let plan = Plan::new(&cfg.methods, cfg.seeds, cfg.seed, target, Some(cfg.classes))?;
    let needs_teacher = plan.units.iter().any(|u| u.method.uses_light_teacher());
    let mut session = Session::new();
    let mut held_seed = None;
    if needs_teacher && cfg.teachers == Teachers::One {
        // Stage 2's teacher, as the page trains it, for every seed.
        let (set, synth_s) = session.synthesize(cfg.synth(), (&digits.0, &digits.1), host)?;
        let teacher = cfg.teacher();
        session
            .train_teacher(&set, &teacher, synth_s, device.clone(), host)
            .await?;
        held_seed = Some(cfg.seed);
    }
    let teaching = Teaching {
        digits: (&digits.0, &digits.1),
        max_shift: cfg.synth().max_shift,
        held_seed,
        per_seed: (cfg.teachers == Teachers::PerSeed).then(|| (cfg.synth(), cfg.teacher())),
    };
    let job = CompareJob {
        units: &plan.units,
        target,
        cfg: distill,
        teaching: needs_teacher.then_some(teaching),
        showcase: false,
    };
    session.compare(job, device, host).await
}
