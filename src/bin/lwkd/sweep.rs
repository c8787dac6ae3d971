//! `lwkd sweep`: LW-KD over a grid of T, α and β, scored on a validation split carved from the target's
//! training images (never the test split), to choose the defaults.

use std::path::PathBuf;

use burn::prelude::Device;
use futures::executor::block_on;
use lwkd::data::{
    ImageSet, Target, TargetKind,
    local::{load_digits, load_target},
    target::per_class_range,
};
use lwkd::distill::DistillConfig;
use lwkd::pipeline::{CompareJob, Config, Session, Taught, Unit};
use lwkd::protocol::{CallbackHost, Event, Method};

use super::backend::Backend;
use super::error::CliError;
use super::stages::DATA_DIR;

#[derive(clap::Args)]
pub struct SweepArgs {
    #[arg(long, default_value = "fashion", value_parser = |s: &str| TargetKind::from_key(s).ok_or("fashion or mnist"))]
    target: TargetKind,
    #[arg(long, value_delimiter = ',', default_value = "2,4,8")]
    temperatures: Vec<f64>,
    #[arg(long, value_delimiter = ',', default_value = "0.1,0.5,0.9")]
    alphas: Vec<f64>,
    #[arg(long, value_delimiter = ',', default_value = "0,0.1,0.5")]
    betas: Vec<f64>,
    /// Validation images per class, taken after the training subset in the training split.
    #[arg(long, default_value_t = 200)]
    val_per_class: usize,
    #[arg(long, default_value_t = 1)]
    seeds: u64,
    #[arg(long, default_value_t = Config::default().seed)]
    seed: u64,
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
}

/// The sweep's students: a small CNN on 500 clean images per class, 3 epochs.
fn base() -> DistillConfig {
    Config {
        student: lwkd::model::StudentKind::Cnn,
        train_per_class: 500,
        distill_epochs: 3,
        heavy_epochs: 3,
        label_noise: 0.0,
        ..Config::default()
    }
    .distill()
}

/// (T, α, β) → validation accuracy over seeds.
type Rows = Vec<((f64, f64, f64), Vec<f32>)>;

/// One seed: a fresh teacher, then LW-KD at every grid point; the accuracies go into `rows`.
fn sweep_seed(
    a: &SweepArgs,
    seed: u64,
    target: &Target,
    digits: &(ImageSet, ImageSet),
    device: &Device,
    rows: &mut Rows,
) -> Result<(), CliError> {
    let quiet = |e: &Event| {
        if let Event::Failed { message, .. } = e {
            eprintln!("failed: {message}")
        }
    };
    let mut host = CallbackHost(quiet);
    let cfg = Config {
        classes: target.classes(),
        seed,
        ..Config::default()
    };
    let mut session = Session::new();
    let (set, _) = session.synthesize(cfg.synth(), (&digits.0, &digits.1), &mut host)?;
    block_on(session.train_teacher(&set, &cfg.teacher(), device.clone(), &mut host))?;
    let grid = a.temperatures.iter().flat_map(|&t| {
        a.alphas
            .iter()
            .flat_map(move |&al| a.betas.iter().map(move |&b| (t, al, b)))
    });
    for (temperature, alpha, beta) in grid {
        let d = DistillConfig {
            temperature,
            alpha,
            beta,
            seed,
            ..base()
        };
        let unit = [Unit {
            method: Method::LwKd,
            seed,
        }];
        let job = CompareJob {
            units: &unit,
            target,
            cfg: &d,
            teacher: Some(Taught {
                digits: &digits.0,
                max_shift: cfg.synth().max_shift,
                cost_s: 0.0,
            }),
            showcase: false,
        };
        let results = block_on(session.compare(job, device, &mut host))?;
        let acc = results.first().map_or(0.0, |r| r.test_acc);
        eprintln!(
            "seed {seed} T={temperature} α={alpha} β={beta}: {:.2}%",
            acc * 100.0
        );
        match rows
            .iter_mut()
            .find(|(key, _)| *key == (temperature, alpha, beta))
        {
            Some((_, accs)) => accs.push(acc),
            None => rows.push(((temperature, alpha, beta), vec![acc])),
        }
    }
    Ok(())
}

pub fn run(a: &SweepArgs) -> Result<(), CliError> {
    let device = a.backend.device()?;
    let digits = load_digits(&a.data_dir)?;
    let target = load_target(&a.data_dir, a.target)?;
    let base = base();
    let k = target.classes();
    let val = per_class_range(&target.train, k, base.train_per_class, a.val_per_class);
    if val.len() < k * a.val_per_class {
        return Err(CliError::Other(format!(
            "the training split has fewer than {} images per class",
            base.train_per_class + a.val_per_class
        )));
    }
    let sweep_target = Target {
        test: val,
        ..target.clone()
    };
    let mut rows = Rows::new();
    for seed in a.seed..a.seed + a.seeds.max(1) {
        sweep_seed(a, seed, &sweep_target, &digits, &device, &mut rows)?;
    }
    println!(
        "LW-KD on {} ({}), validation accuracy (%) on {} held-out training images per class, {} seed(s):",
        a.target.label(),
        base.student.label(),
        a.val_per_class,
        a.seeds
    );
    println!("| T | α | β | validation accuracy (%) |");
    println!("|---|---|---|---|");
    let mean = |v: &Vec<f32>| v.iter().sum::<f32>() / v.len() as f32;
    rows.sort_by(|x, y| mean(&y.1).total_cmp(&mean(&x.1)));
    for ((t, al, b), accs) in rows {
        println!("| {t} | {al} | {b} | {:.2} |", mean(&accs) * 100.0);
    }
    Ok(())
}
