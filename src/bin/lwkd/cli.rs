//! Argument parsing and the commands.

use std::path::PathBuf;

use burn::prelude::*;
use clap::{Parser, Subcommand, ValueEnum};
use lwkd::data::local::load_digits;
use lwkd::pipeline::host::CallbackHost;
use lwkd::pipeline::{Config, Event, Stage, stages};
use lwkd::train::train_teacher;

#[derive(Parser)]
#[command(
    name = "lwkd",
    about = "LW-KD from the terminal: synthesize a numeral dataset, train the lightweight teacher"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Backend {
    /// Burn's Flex backend on the CPU.
    Flex,
    /// Burn's wgpu backend (Vulkan/Metal/DX12; lavapipe on a machine without a GPU).
    Wgpu,
}

#[derive(clap::Args)]
pub struct Common {
    /// K, the number of classes (2..=100).
    #[arg(long, default_value_t = Config::default().classes)]
    pub classes: usize,
    /// Training images per class.
    #[arg(long, default_value_t = Config::default().per_class)]
    pub per_class: usize,
    /// Validation images per class (from held-out digits).
    #[arg(long, default_value_t = Config::default().val_per_class)]
    pub val_per_class: usize,
    #[arg(long, default_value_t = Config::default().seed)]
    pub seed: u64,
    /// Folder with manifest.json and the .bin files made by scripts/prepare-data.mjs.
    #[arg(long, default_value = "public/data")]
    pub data_dir: PathBuf,
}

#[derive(Subcommand)]
enum Command {
    /// Stage 1: generate the synthesized dataset and print its size, time and fingerprint.
    Synth {
        #[command(flatten)]
        common: Common,
    },
    /// Stages 1 and 2: synthesize, then train the LeNet-5 teacher.
    Teacher {
        #[command(flatten)]
        common: Common,
        #[arg(long, default_value_t = Config::default().teacher_epochs)]
        epochs: usize,
        #[arg(long, default_value_t = Config::default().batch_size)]
        batch_size: usize,
        #[arg(long, default_value_t = Config::default().lr)]
        lr: f64,
        #[arg(long, value_enum, default_value_t = Backend::Flex)]
        backend: Backend,
        /// Print machine-readable JSON at the end.
        #[arg(long)]
        json: bool,
    },
    /// Stages 1–3 for each seed: synthesize, train the teacher, then distill a student with every
    /// method on the target dataset; prints the comparison table (mean ± std over seeds).
    Compare(super::compare::CompareArgs),
    /// Chooses LW-KD's T, α and β: a grid scored on validation images carved from the training split.
    Sweep(super::sweep::SweepArgs),
    /// Evaluates a saved student (a .bpk from the app's “Download weights” or `compare --save-weights`)
    /// on the test split of the dataset it was trained on.
    Evaluate(super::evaluate::EvaluateArgs),
    /// LeNet-5 training throughput (samples/s, first step) on one backend, as JSON lines.
    Bench(super::bench::BenchArgs),
}

pub fn config(c: &Common) -> Config {
    Config {
        classes: c.classes,
        per_class: c.per_class,
        val_per_class: c.val_per_class,
        seed: c.seed,
        ..Config::default()
    }
}

pub fn print_event(e: &Event) {
    match e {
        Event::StageStarted { stage, total_steps } => {
            eprintln!("[{}] started ({total_steps} steps)", stage.label())
        }
        Event::Evaluated {
            stage,
            epoch,
            train_acc,
            val_acc,
        } => eprintln!(
            "[{}] epoch {epoch}: train accuracy {:.2}%, {} accuracy {:.2}%",
            stage.label(),
            train_acc * 100.0,
            // Stage 3 evaluates on the target's test split, the teacher on held-out numerals.
            if *stage == Stage::Teacher {
                "validation"
            } else {
                "test"
            },
            val_acc * 100.0
        ),
        Event::StageDone { stage, summary, .. } => println!("[{}] done: {summary}", stage.label()),
        Event::Failed { stage, message } => eprintln!("[{}] failed: {message}", stage.label()),
        Event::Steps { .. } | Event::Parts { .. } => {}
        Event::MethodDone(r) => eprintln!(
            "[{}] test accuracy {:.2}% · teacher {:.1} s · distillation {:.1} s",
            r.method.label(),
            r.test_acc * 100.0,
            r.teacher_s,
            r.distill_s
        ),
    }
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    let (common, teacher) = match &cli.command {
        Command::Compare(args) => return super::compare::run(args),
        Command::Sweep(args) => return super::sweep::run(args),
        Command::Evaluate(args) => return super::evaluate::run(args),
        Command::Bench(args) => return super::bench::run(args),
        Command::Synth { common } => (common, None),
        Command::Teacher {
            common,
            epochs,
            batch_size,
            lr,
            backend,
            json,
        } => (common, Some((*epochs, *batch_size, *lr, *backend, *json))),
    };
    let mut cfg = config(common);
    if let Some((epochs, batch_size, lr, _, _)) = teacher {
        cfg.teacher_epochs = epochs;
        cfg.batch_size = batch_size;
        cfg.lr = lr;
    }
    let errors = cfg.validate();
    if !errors.is_empty() {
        for e in errors {
            eprintln!("error: --{}: {}", e.field.replace('_', "-"), e.message);
        }
        return 2;
    }
    let (train_digits, heldout) = match load_digits(&common.data_dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let mut host = CallbackHost(print_event);
    let Some((set, synth_s)) = stages::synthesize(cfg.synth(), &train_digits, &heldout, &mut host)
    else {
        return 1;
    };
    println!(
        "synth_seconds={synth_s:.3} fingerprint={}",
        set.fingerprint()
    );
    let Some((_, _, _, backend, json)) = teacher else {
        return 0;
    };

    let Some(device) = device(backend) else {
        return 1;
    };
    let outcome =
        futures::executor::block_on(train_teacher(&set, &cfg.teacher(), &device, &mut host));
    let Ok(t) = outcome else { return 1 };
    println!(
        "teacher: validation accuracy {:.2}%, wall time {:.2} s, first step {:.3} s, {:.2} ms/step at batch {}",
        t.val_acc * 100.0,
        t.seconds,
        t.first_step_s,
        t.ms_per_step,
        cfg.batch_size
    );
    if json {
        println!(
            "{}",
            serde_json::json!({
                "backend": match backend { Backend::Flex => "flex", Backend::Wgpu => "wgpu" },
                "classes": cfg.classes, "per_class": cfg.per_class, "epochs": cfg.teacher_epochs,
                "batch_size": cfg.batch_size, "synth_seconds": synth_s,
                "val_acc": t.val_acc, "train_acc": t.train_acc, "teacher_seconds": t.seconds,
                "first_step_seconds": t.first_step_s, "ms_per_step": t.ms_per_step, "steps": t.steps,
                "fingerprint": set.fingerprint(),
            })
        );
    }
    0
}

/// The Burn device for `backend`; None (after printing why) when wgpu cannot start.
pub fn device(backend: Backend) -> Option<Device> {
    match backend {
        Backend::Flex => Some(Device::flex()),
        Backend::Wgpu => match Device::wgpu_options().init_with_setup() {
            Ok((device, setup)) => {
                let info = setup.adapter.get_info();
                eprintln!(
                    "wgpu adapter: {} ({:?}, {:?})",
                    info.name, info.device_type, info.backend
                );
                Some(device)
            }
            Err(e) => {
                eprintln!("error: could not start wgpu: {e}");
                None
            }
        },
    }
}
