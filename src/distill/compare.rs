//! Stage 3 as a whole: the chosen methods, one after another, on the same student, data subset, budget
//! and seed, each with its cost (teacher time + distillation time).

use burn::prelude::*;
use rand::RngCore;
use web_time::Instant;

use super::losses::{smoothing_table, tfkd_table};
use super::showcase_outputs::student_outputs;
use super::targets::{Rename, bank_rows, class_mean_table, per_image_targets, table_tensor};
use super::train::{TrainSpec, Trained, train_net};
use super::{DistillConfig, TargetSource, TeacherInput};
use crate::data::{
    ImageSet, Target, noise::flip_labels, rng::Stream, synth::NumeralDrawer,
    target::first_per_class,
};
use crate::model::{Arch, LeNet5, LeNet5Config, SeededInit, WeightsInfo, export, parameter_count};
use crate::protocol::{
    Cancelled, Event, Host, Method, MethodResult, Stage, Stop, showcase::showcase_indices,
};

/// The lightweight teacher of stages 1–2, ready to teach.
pub struct LightTeacher<'a> {
    /// Frozen, on the device the students train on.
    pub model: &'a LeNet5,
    pub classes: usize,
    /// The training digits the synthesizer draws from (fresh draws per sample).
    pub digits: &'a ImageSet,
    pub max_shift: u32,
    /// Synthesis + teacher training time: LW-KD's teacher cost.
    pub cost_s: f32,
    /// The seed it was trained for.
    pub seed: u64,
}

/// Where `method`'s soft targets come from, and its teacher's cost. `untrained`: the untrained
/// control's random teacher (made for that method only).
#[allow(clippy::too_many_arguments)]
pub fn targets_for<'t>(
    method: Method,
    k: usize,
    train: &ImageSet,
    heavy: Option<&Trained>,
    light: Option<&'t LightTeacher<'t>>,
    untrained: Option<&'t LeNet5>,
    cfg: &DistillConfig,
    device: &Device,
) -> Result<(TargetSource<'t>, f32), Stop> {
    let table = |values| TargetSource::Table(table_tensor(values, k, device));
    Ok(match method {
        Method::Ce => (TargetSource::None, 0.0),
        Method::LabelSmoothing => (table(smoothing_table(k, cfg.smoothing)), 0.0),
        Method::TfKdReg => (table(tfkd_table(k, cfg.tfkd_a, cfg.tfkd_temperature)), 0.0),
        // Every class 1/K: label smoothing's table at ε = 1.
        Method::LwKdUniform => (table(smoothing_table(k, 1.0)), 0.0),
        Method::VanillaKd => {
            let h = heavy.ok_or_else(|| missing("its heavy teacher"))?;
            // Labelling the student's images is part of the teacher's cost.
            let start = Instant::now();
            let rows = per_image_targets(&h.model, train, cfg.kd_temperature, device);
            (
                TargetSource::PerImage(rows),
                h.train_s + start.elapsed().as_secs_f32(),
            )
        }
        Method::LwKd | Method::LwKdNoAdv | Method::LwKdShuffled | Method::LwKdUntrained => {
            let l = light.ok_or_else(|| missing("the lightweight teacher"))?;
            // The untrained control costs nothing to train; its bank is labelled all the same.
            let (teacher, trained_s) = match untrained {
                Some(random) => (random, 0.0),
                None => (l.model, l.cost_s),
            };
            let rename = (method == Method::LwKdShuffled)
                .then(|| Rename::random(k, &mut Stream::ClassShuffle.rng(cfg.seed)));
            let start = Instant::now();
            let source = light_targets(l, teacher, rename, cfg, device);
            (source, trained_s + start.elapsed().as_secs_f32())
        }
    })
}

/// LW-KD's soft targets from `teacher` (the trained one, or a control's), as `cfg.teacher_input` asks:
/// a bank labelled once, fresh numerals per sample, or one row per class.
fn light_targets<'t>(
    l: &'t LightTeacher<'t>,
    teacher: &'t LeNet5,
    rename: Option<Rename>,
    cfg: &DistillConfig,
    device: &Device,
) -> TargetSource<'t> {
    let k = l.classes;
    let drawer = NumeralDrawer::new(l.digits, k, l.max_shift)
        .expect("the digit source was checked when the set was synthesized");
    let (t, per_class) = (cfg.temperature, cfg.bank_per_class);
    let renamed = |rows, per_class| match &rename {
        Some(r) => r.table(rows, per_class),
        None => rows,
    };
    match cfg.teacher_input {
        TeacherInput::Bank => {
            let mut draws = Stream::TeacherDraws.rng(cfg.seed);
            let rows = bank_rows(teacher, &drawer, k, per_class, t, &mut draws, device);
            TargetSource::Bank {
                rows: renamed(rows, per_class),
                per_class,
                rng: Stream::BankDraws.rng(cfg.seed),
            }
        }
        TeacherInput::PerInstance => TargetSource::LightTeacher {
            teacher,
            drawer,
            rng: Stream::TeacherDraws.rng(cfg.seed),
            temperature: t,
            rename,
        },
        TeacherInput::ClassMean => {
            let mut draws = Stream::ClassMean.rng(cfg.seed);
            let draws_per_class = cfg.class_mean_draws;
            let rows =
                class_mean_table(teacher, &drawer, k, draws_per_class, t, &mut draws, device);
            TargetSource::Table(renamed(rows, 1))
        }
    }
}

/// The untrained control's teacher: LeNet-5 for `light`'s numerals with seeded random weights.
fn untrained_teacher(light: &LightTeacher<'_>, seed: u64, device: &Device) -> Option<LeNet5> {
    let cols = NumeralDrawer::new(light.digits, light.classes, light.max_shift)
        .ok()?
        .cols();
    let init = SeededInit::new(Stream::UntrainedTeacher.rng(seed).next_u64(), device);
    Some(init.make(|d| LeNet5Config::new(light.classes).with_width(cols).init(d)))
}

/// A method started without what its plan promised (the planner refuses such a comparison).
fn missing(what: &str) -> Stop {
    Stop::Failed(format!(
        "The comparison started without {what}; run it again."
    ))
}

/// Vanilla KD's heavy teacher: CE on every training image the app has (as heavy teachers are), not
/// the student's subset, with the same rate of label noise.
pub async fn train_heavy(
    target: &Target,
    cfg: &DistillConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<Trained, Cancelled> {
    let k = target.classes();
    let all = flip_labels(&target.train, k, cfg.label_noise, cfg.seed);
    let spec = TrainSpec {
        arch: Arch::Heavy,
        method: Method::Ce,
        stage: Stage::HeavyTeacher,
        train: &all,
        test: &target.test,
        classes: k,
        epochs: cfg.heavy_epochs,
    };
    train_net(spec, TargetSource::None, cfg, device, host).await
}

/// Runs `methods` in order on `cfg.seed` and returns their results (also emitted as
/// [`Event::MethodDone`] as each finishes, so a cancelled comparison keeps what it finished). The
/// caller's plan checked that the methods can run. `ready`: a heavy teacher already trained by
/// [`train_heavy`] for this target and `cfg` (during stage 2), used instead of a new one.
pub async fn compare(
    methods: &[Method],
    target: &Target,
    light: Option<&LightTeacher<'_>>,
    ready: Option<&Trained>,
    cfg: &DistillConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<Vec<MethodResult>, Stop> {
    let k = target.classes();
    // The student's subset is chosen by the true labels, then noise (if asked) flips some of them.
    let train = flip_labels(
        &first_per_class(&target.train, k, cfg.train_per_class),
        k,
        cfg.label_noise,
        cfg.seed,
    );
    let mut trained: Option<Trained> = None;
    let mut results = Vec::new();
    for &method in methods {
        if method.uses_heavy_teacher() && ready.is_none() && trained.is_none() {
            trained = Some(train_heavy(target, cfg, device, host).await?);
        }
        let heavy = ready.or(trained.as_ref());
        let untrained = match (method, light) {
            (Method::LwKdUntrained, Some(l)) => untrained_teacher(l, cfg.seed, device),
            _ => None,
        };
        let (targets, teacher_s) = targets_for(
            method,
            k,
            &train,
            heavy,
            light,
            untrained.as_ref(),
            cfg,
            device,
        )?;
        let result = train_student(
            method, &train, target, targets, teacher_s, cfg, device, host,
        );
        let mut result = result.await?;
        if method.uses_heavy_teacher() {
            result.heavy_acc = heavy.map(|h| h.eval_acc);
            result.heavy_ahead = ready.is_some();
        }
        if method.uses_light_teacher() {
            result.teacher_seed = light.map(|l| l.seed);
        }
        host.emit(Event::MethodDone(Box::new(result.clone())));
        results.push(result);
    }
    Ok(results)
}

/// One method's student, trained and exported.
#[allow(clippy::too_many_arguments)]
async fn train_student(
    method: Method,
    train: &ImageSet,
    target: &Target,
    targets: TargetSource<'_>,
    teacher_s: f32,
    cfg: &DistillConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<MethodResult, Cancelled> {
    let arch = Arch::Student(cfg.student);
    let k = target.classes();
    let spec = TrainSpec {
        arch,
        method,
        stage: Stage::Student(method),
        train,
        test: &target.test,
        classes: k,
        epochs: cfg.epochs,
    };
    let trained = train_net(spec, targets, cfg, device, host).await?;
    let info = WeightsInfo {
        arch,
        class_names: target.class_names.clone(),
        target: target.kind.label().to_string(),
        method: method.label().to_string(),
        test_acc: trained.eval_acc,
    };
    // A failed export costs only the download button, not the run.
    let weights = export(&trained.model, &info).await.unwrap_or_default();
    let show = showcase_indices(&target.test, k);
    Ok(MethodResult {
        method,
        student: cfg.student,
        params: parameter_count(arch, k),
        test_acc: trained.eval_acc,
        train_acc: trained.train_acc,
        teacher_s,
        heavy_acc: None,
        heavy_ahead: false,
        teacher_seed: None,
        distill_s: trained.train_s,
        steps: trained.steps,
        total_s: teacher_s + trained.train_s,
        seed: cfg.seed,
        showcase_logits: student_outputs(&trained.model, &target.test, &show, device).await,
        curve: trained.curve,
        test_predictions: trained.predictions,
        weights,
    })
}
