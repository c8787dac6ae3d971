//! `lwkd compare`: the whole pipeline per seed through one [`Session`], and the comparison table.

use std::path::{Path, PathBuf};

use lwkd::data::{
    ImageSet, Target,
    local::{load_digits, load_target},
};
use lwkd::distill::{DistillConfig, TfKdStudent};
use lwkd::pipeline::{
    CompareJob, Config, Plan, Session, Taught, Unit,
    plan::by_seed,
    scenarios::{SCENARIOS, scenario},
};
use lwkd::protocol::{CallbackHost, MethodResult};

use super::backend::Backend;
use super::error::CliError;
use super::knob_args::KnobArgs;
use super::report::print_event;
use super::stages::DATA_DIR;
use super::table::print_table;

#[derive(clap::Args)]
pub struct CompareArgs {
    #[command(flatten)]
    knobs: KnobArgs<3>,
    /// Start from a named scenario's settings (the page's scenario links); other flags override them.
    #[arg(long, value_name = "ID", value_parser = |s: &str| scenario(s).map(|x| x.id).ok_or(scenario_ids()))]
    scenario: Option<&'static str>,
    /// Your own images instead of --target: a folder (or .zip) with one sub-folder of images per class.
    #[arg(long)]
    own: Option<PathBuf>,
    /// Write each method's student (last seed) to DIR/<method>.bpk (Burn's burnpack format).
    #[arg(long, value_name = "DIR")]
    save_weights: Option<PathBuf>,
    /// Tf-KD_reg's student side: `softened` (the Tf-KD paper's T² · KL at T, the app's) or `plain`
    /// (its authors' code: the unsoftened student, no T²).
    #[arg(long, default_value = "softened", value_parser = |s: &str| TfKdStudent::from_key(s).ok_or("softened or plain"))]
    tfkd_student: TfKdStudent,
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
    /// Print every run as JSON at the end.
    #[arg(long)]
    json: bool,
}

fn scenario_ids() -> String {
    let ids: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
    format!("one of: {}", ids.join(", "))
}

fn save_weights(dir: &Path, results: &[MethodResult]) -> Result<(), CliError> {
    let io = |e: std::io::Error| CliError::Other(format!("{}: {e}", dir.display()));
    std::fs::create_dir_all(dir).map_err(io)?;
    for r in results {
        let path = dir.join(format!("{}.bpk", r.method.key()));
        std::fs::write(&path, &r.weights).map_err(io)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn load_own(path: &Path) -> Result<Target, CliError> {
    let (t, notes) = lwkd::data::own::decode::load(path)
        .map_err(|e| CliError::Other(format!("{}: {e}", path.display())))?;
    for n in notes {
        eprintln!("note: {n}");
    }
    eprintln!(
        "your images: {} classes ({}), {} training and {} test images",
        t.classes(),
        t.class_names.join(", "),
        t.train.len(),
        t.test.len()
    );
    Ok(t)
}

/// One seed's students (`units`): synthesis and teacher on that seed (only when a method needs them),
/// then every method.
fn run_seed(
    cfg: &Config,
    units: &[Unit],
    tfkd_student: TfKdStudent,
    target: &Target,
    digits: &(ImageSet, ImageSet),
    device: &burn::prelude::Device,
) -> Result<Vec<MethodResult>, CliError> {
    let mut host = CallbackHost(print_event);
    let mut session = Session::new();
    let mut cost_s = 0.0;
    if units.iter().any(|u| u.method.uses_light_teacher()) {
        let (set, synth_s) = session.synthesize(cfg.synth(), (&digits.0, &digits.1), &mut host)?;
        let t = futures::executor::block_on(session.train_teacher(
            &set,
            &cfg.teacher(),
            device.clone(),
            &mut host,
        ))?;
        cost_s = synth_s + t.seconds;
    }
    let distill = DistillConfig {
        tfkd_student,
        ..cfg.distill()
    };
    let job = CompareJob {
        units,
        target,
        cfg: &distill,
        teacher: Some(Taught {
            digits: &digits.0,
            max_shift: cfg.synth().max_shift,
            cost_s,
        }),
        showcase: false,
    };
    Ok(futures::executor::block_on(
        session.compare(job, device, &mut host),
    )?)
}

pub fn run(a: &CompareArgs) -> Result<(), CliError> {
    let start = a
        .scenario
        .and_then(scenario)
        .map_or_else(Config::default, |s| s.config());
    let base = a.knobs.apply(start).map_err(CliError::Usage)?;
    let device = a.backend.device()?;
    let digits = load_digits(&a.data_dir)?;
    let target = match &a.own {
        Some(path) => load_own(path)?,
        None => load_target(&a.data_dir, base.target)?,
    };
    // K follows the target unless asked otherwise (a different K is refused for LW-KD, as in the page).
    let classes = match a.knobs.given("classes") {
        true => base.classes,
        false => target.classes(),
    };
    let base = Config { classes, ..base };
    if let Some(e) = base.validate().first() {
        let flag = e.field.replace('_', "-");
        return Err(CliError::Usage(vec![format!("--{flag}: {e}")]));
    }
    // Each seed trains its own lightweight teacher (on its own numerals) before its students.
    let plan = Plan::new(
        &base.methods,
        base.seeds,
        base.seed,
        &target,
        Some(base.classes),
    )?;
    let mut runs = Vec::new();
    for units in by_seed(&plan.units) {
        let seed = units[0].seed;
        let cfg = Config {
            seed,
            ..base.clone()
        };
        eprintln!("== seed {seed}");
        runs.push(run_seed(
            &cfg,
            units,
            a.tfkd_student,
            &target,
            &digits,
            &device,
        )?);
    }
    println!(
        "\n{} · student: {} ({} weights) · {} seed(s) from {} · {} images/class × {} epoch(s) · T = {}, α = {}, β = {}, teacher input: {}",
        target.kind.label(),
        base.student.label(),
        runs[0].first().map_or(0, |r| r.params),
        base.seeds,
        base.seed,
        base.train_per_class,
        base.distill_epochs,
        base.temperature,
        base.alpha,
        base.beta,
        base.teacher_input.key()
    );
    print_table(&runs);
    if let Some(dir) = &a.save_weights {
        save_weights(dir, runs.last().expect("one run per seed"))?;
    }
    if a.json {
        let slim: Vec<_> = runs
            .iter()
            .flatten()
            .map(|r| {
                serde_json::json!({"method": r.method.key(), "seed": r.seed, "test_acc": r.test_acc, "train_acc": r.train_acc,
                "teacher_s": r.teacher_s, "distill_s": r.distill_s, "total_s": r.total_s, "curve": r.curve})
            })
            .collect();
        println!("{}", serde_json::to_string(&slim).unwrap_or_default());
    }
    Ok(())
}
