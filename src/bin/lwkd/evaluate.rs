//! `lwkd evaluate`: a saved student's test accuracy, on the dataset its file names.

use std::path::PathBuf;

use lwkd::data::{TargetKind, local::load_target};
use lwkd::model::import;
use lwkd::protocol::CallbackHost;
use lwkd::train::evaluate::evaluate;

use super::backend::Backend;
use super::error::CliError;
use super::report::print_event;
use super::stages::DATA_DIR;

#[derive(clap::Args)]
pub struct EvaluateArgs {
    /// The weights file (.bpk).
    #[arg(long)]
    weights: PathBuf,
    /// For a student of your own images: the same folder (or .zip) it was trained on.
    #[arg(long)]
    own: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
}

pub fn run(a: &EvaluateArgs) -> Result<(), CliError> {
    let device = a.backend.device()?;
    let file_error =
        |e: &dyn std::fmt::Display| CliError::Other(format!("{}: {e}", a.weights.display()));
    let bytes = std::fs::read(&a.weights).map_err(|e| file_error(&e))?;
    let (net, info) = import(&bytes, &device).map_err(|e| file_error(&e))?;
    let target = match &a.own {
        Some(path) => lwkd::data::own::decode::load(path)
            .map(|(t, _)| t)
            .map_err(|e| e.to_string()),
        None => match TargetKind::ALL
            .into_iter()
            .find(|k| k.label() == info.target)
        {
            Some(kind) => load_target(&a.data_dir, kind).map_err(|e| e.to_string()),
            None => Err(format!(
                "this student was trained on {}; pass the same images with --own",
                info.target
            )),
        },
    };
    let target = target.map_err(CliError::Other)?;
    if target.class_names != info.class_names {
        return Err(CliError::Other(format!(
            "the student's classes ({}) are not this dataset's ({})",
            info.class_names.join(", "),
            target.class_names.join(", ")
        )));
    }
    let mut host = CallbackHost(print_event);
    let (acc, _) = futures::executor::block_on(evaluate(
        |x| net.forward(x),
        &target.test,
        &device,
        &mut host,
    ))
    .map_err(lwkd::protocol::Stop::from)?;
    println!(
        "{} student ({}) on {}: test accuracy {:.2}% ({} images; {:.2}% when saved)",
        info.method,
        match info.arch {
            lwkd::model::Arch::Student(k) => k.key(),
            lwkd::model::Arch::Heavy => "heavy",
        },
        info.target,
        acc * 100.0,
        target.test.len(),
        info.test_acc * 100.0
    );
    Ok(())
}
