//! `lwkd synth` and `lwkd teacher`: stages 1 and 2 from a terminal.

use std::path::PathBuf;

use lwkd::data::local::load_digits;
use lwkd::pipeline::{Config, Session};
use lwkd::protocol::CallbackHost;

use super::backend::Backend;
use super::error::CliError;
use super::knob_args::KnobArgs;
use super::report::print_event;

/// Where `scripts/prepare-data.mjs` puts the data.
pub const DATA_DIR: &str = "public/data";

#[derive(clap::Args)]
pub struct SynthArgs {
    #[command(flatten)]
    knobs: KnobArgs<1>,
    /// Folder with manifest.json and the .bin files made by scripts/prepare-data.mjs.
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
}

#[derive(clap::Args)]
pub struct TeacherArgs {
    #[command(flatten)]
    knobs: KnobArgs<2>,
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    /// Print machine-readable JSON at the end.
    #[arg(long)]
    json: bool,
    /// Folder with manifest.json and the .bin files made by scripts/prepare-data.mjs.
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
}

pub fn synth(a: &SynthArgs) -> Result<(), CliError> {
    let cfg = a.knobs.apply(Config::default()).map_err(CliError::Usage)?;
    let digits = load_digits(&a.data_dir)?;
    let mut host = CallbackHost(print_event);
    let (set, synth_s) =
        Session::new().synthesize(cfg.synth(), (&digits.0, &digits.1), &mut host)?;
    println!(
        "synth_seconds={synth_s:.3} fingerprint={}",
        set.fingerprint()
    );
    Ok(())
}

pub fn teacher(a: &TeacherArgs) -> Result<(), CliError> {
    let cfg = a.knobs.apply(Config::default()).map_err(CliError::Usage)?;
    let digits = load_digits(&a.data_dir)?;
    let mut host = CallbackHost(print_event);
    let mut session = Session::new();
    let (set, synth_s) = session.synthesize(cfg.synth(), (&digits.0, &digits.1), &mut host)?;
    println!(
        "synth_seconds={synth_s:.3} fingerprint={}",
        set.fingerprint()
    );
    let device = a.backend.device()?;
    let t = futures::executor::block_on(session.train_teacher(
        &set,
        &cfg.teacher(),
        synth_s,
        device,
        &mut host,
    ))?;
    println!(
        "teacher: validation accuracy {:.2}%, wall time {:.2} s, first step {:.3} s, {:.2} ms/step at batch {}",
        t.val_acc * 100.0,
        t.seconds,
        t.first_step_s,
        t.ms_per_step,
        cfg.batch_size
    );
    if a.json {
        println!(
            "{}",
            serde_json::json!({
                "backend": a.backend.key(),
                "classes": cfg.classes, "per_class": cfg.per_class, "epochs": cfg.teacher_epochs,
                "batch_size": cfg.batch_size, "synth_seconds": synth_s,
                "val_acc": t.val_acc, "train_acc": t.train_acc, "teacher_seconds": t.seconds,
                "first_step_seconds": t.first_step_s, "ms_per_step": t.ms_per_step, "steps": t.steps,
                "fingerprint": set.fingerprint(),
            })
        );
    }
    Ok(())
}
