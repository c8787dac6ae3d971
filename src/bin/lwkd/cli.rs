//! The commands and their dispatch.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use super::error::CliError;

#[derive(Parser)]
#[command(
    name = "lwkd",
    about = "LW-KD from the terminal: synthesize a numeral dataset, train the lightweight teacher, distill"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Stage 1: generate the synthesized dataset and print its size, time and fingerprint.
    Synth(super::stages::SynthArgs),
    /// Stages 1 and 2: synthesize, then train the LeNet-5 teacher.
    Teacher(super::stages::TeacherArgs),
    /// Stages 1–3 for each seed: synthesize, train the teacher, then distill a student with every
    /// method on the target dataset; prints the comparison table (mean ± std over seeds).
    Compare(super::compare::CompareArgs),
    /// Tunes every method on the same budget (validation images carved from the training split), then
    /// runs the tuned and the untuned settings on the test split and prints both tables.
    Tune(super::tune::TuneArgs),
    /// LW-KD's adversarial weight β, plain and scaled by T², on the validation split, with the
    /// discriminator's accuracy per epoch.
    Sweep(super::sweep::SweepArgs),
    /// Evaluates a saved student (a .bpk from the app's “Download weights” or `compare --save-weights`)
    /// on the test split of the dataset it was trained on.
    Evaluate(super::evaluate::EvaluateArgs),
    /// LeNet-5 training throughput (samples/s, first step) on one backend, as JSON lines.
    Bench(super::bench::BenchArgs),
}

pub fn run() -> ExitCode {
    let outcome: Result<(), CliError> = match &Cli::parse().command {
        Command::Synth(a) => super::stages::synth(a),
        Command::Teacher(a) => super::stages::teacher(a),
        Command::Compare(a) => super::compare::run(a),
        Command::Tune(a) => super::tune::run(a),
        Command::Sweep(a) => super::sweep::run(a),
        Command::Evaluate(a) => super::evaluate::run(a),
        Command::Bench(a) => super::bench::run(a),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            e.exit_code()
        }
    }
}
