//! `lwkd compare`: the whole pipeline — each seed's numerals, teacher and students — and the
//! comparison table.

use std::path::{Path, PathBuf};

use lwkd::distill::{DistillConfig, TfKdStudent};
use lwkd::pipeline::comparison::run_comparison;
use lwkd::protocol::{CallbackHost, MethodResult};

use super::error::CliError;
use super::report::print_event;
use super::run_args::{Prepared, RunArgs};
use super::table::{print_header, print_table};

#[derive(clap::Args)]
pub struct CompareArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Write each method's student (last seed) to DIR/<method>.bpk (Burn's burnpack format).
    #[arg(long, value_name = "DIR")]
    save_weights: Option<PathBuf>,
    /// Tf-KD_reg's student side: `softened` (the Tf-KD paper's T² · KL at T, the app's) or `plain`
    /// (its authors' code: the unsoftened student, no T²).
    #[arg(long, default_value = "softened", value_parser = |s: &str| TfKdStudent::from_key(s).ok_or("softened or plain"))]
    tfkd_student: TfKdStudent,
    /// Print every run as JSON at the end.
    #[arg(long)]
    json: bool,
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

pub fn run(a: &CompareArgs) -> Result<(), CliError> {
    let Prepared {
        cfg: base,
        target,
        digits,
        device,
    } = a.run.prepare()?;
    let distill = DistillConfig {
        tfkd_student: a.tfkd_student,
        ..base.distill()
    };
    let mut host = CallbackHost(print_event);
    let runs = futures::executor::block_on(run_comparison(
        &base, &distill, &target, &digits, &device, &mut host,
    ))?;
    print_header(&base, &target, &runs);
    print_table(&runs);
    if let Some(dir) = &a.save_weights {
        // The last seed's students.
        let last = runs.iter().map(|r| r.seed).max().unwrap_or(base.seed);
        let students: Vec<_> = runs.iter().filter(|r| r.seed == last).cloned().collect();
        save_weights(dir, &students)?;
    }
    if a.json {
        let slim: Vec<_> = runs
            .iter()
            .map(|r| {
                serde_json::json!({"method": r.method.key(), "seed": r.seed, "test_acc": r.test_acc, "train_acc": r.train_acc,
                "teacher_s": r.teacher_s, "distill_s": r.distill_s, "total_s": r.total_s, "curve": r.curve})
            })
            .collect();
        println!("{}", serde_json::to_string(&slim).unwrap_or_default());
    }
    Ok(())
}
