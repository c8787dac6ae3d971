//! `lwkd evaluate`: a saved student's test accuracy, on the dataset its file names.

use std::path::PathBuf;

use lwkd::data::TargetKind;
use lwkd::data::local::load_target;
use lwkd::model::import;
use lwkd::pipeline::host::CallbackHost;
use lwkd::train::classifier::evaluate;

use super::cli::{Backend, device, print_event};

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
    #[arg(long, default_value = "public/data")]
    data_dir: PathBuf,
}

pub fn run(a: &EvaluateArgs) -> i32 {
    let Some(device) = device(a.backend) else {
        return 1;
    };
    let fail = |e: String| {
        eprintln!("error: {e}");
        1
    };
    let bytes = match std::fs::read(&a.weights) {
        Ok(b) => b,
        Err(e) => return fail(format!("{}: {e}", a.weights.display())),
    };
    let (net, info) = match import(&bytes, &device) {
        Ok(x) => x,
        Err(e) => return fail(format!("{}: {e}", a.weights.display())),
    };
    let target = match &a.own {
        Some(path) => lwkd::data::own::decode::load(path).map(|(t, _)| t),
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
    let target = match target {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    if target.class_names != info.class_names {
        return fail(format!(
            "the student's classes ({}) are not this dataset's ({})",
            info.class_names.join(", "),
            target.class_names.join(", ")
        ));
    }
    let mut host = CallbackHost(print_event);
    let Ok((acc, _)) = futures::executor::block_on(evaluate(
        |x| net.forward(x),
        &target.test,
        &device,
        &mut host,
    )) else {
        return 1;
    };
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
    0
}
