//! `lwkd sweep`: LW-KD over a grid of T, α and β, scored on a validation split carved from the target's
//! training images (never the test split), to choose the defaults.

use std::path::PathBuf;

use lwkd::data::local::{load_digits, load_target};
use lwkd::data::target::per_class_range;
use lwkd::data::{Target, TargetKind};
use lwkd::distill::{DistillConfig, LightTeacher, Method, compare};
use lwkd::pipeline::host::CallbackHost;
use lwkd::pipeline::{Config, Event, stages};
use lwkd::train::train_teacher;

use super::cli::{Backend, device};

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
    #[arg(long, default_value = "public/data")]
    data_dir: PathBuf,
}

pub fn run(a: &SweepArgs) -> i32 {
    let Some(device) = device(a.backend) else {
        return 1;
    };
    let loaded =
        load_digits(&a.data_dir).and_then(|d| Ok((d, load_target(&a.data_dir, a.target)?)));
    let ((digits, heldout), target) = match loaded {
        Ok(x) => x,
        Err(e) => {
            eprintln!("error: {e}");
            return 1;
        }
    };
    let base = DistillConfig::default();
    let k = target.classes();
    let val = per_class_range(&target.train, k, base.train_per_class, a.val_per_class);
    if val.len() < k * a.val_per_class {
        eprintln!(
            "error: the training split has fewer than {} images per class",
            base.train_per_class + a.val_per_class
        );
        return 1;
    }
    let sweep_target = Target {
        test: val,
        ..target.clone()
    };
    let quiet = |e: &Event| {
        if let Event::Failed { message, .. } = e {
            eprintln!("failed: {message}")
        }
    };
    let mut host = CallbackHost(quiet);
    // (T, α, β) → validation accuracies over seeds
    let mut rows: Vec<((f64, f64, f64), Vec<f32>)> = Vec::new();
    for seed in a.seed..a.seed + a.seeds.max(1) {
        let cfg = Config {
            classes: k,
            seed,
            ..Config::default()
        };
        let Some((set, _)) = stages::synthesize(cfg.synth(), &digits, &heldout, &mut host) else {
            return 1;
        };
        let Ok(t) =
            futures::executor::block_on(train_teacher(&set, &cfg.teacher(), &device, &mut host))
        else {
            return 1;
        };
        let light = LightTeacher {
            model: &t.model,
            classes: k,
            digits: &digits,
            max_shift: cfg.synth().max_shift,
            cost_s: 0.0,
        };
        for &temperature in &a.temperatures {
            for &alpha in &a.alphas {
                for &beta in &a.betas {
                    let d = DistillConfig {
                        temperature,
                        alpha,
                        beta,
                        seed,
                        ..base
                    };
                    let r = futures::executor::block_on(compare(
                        &[Method::LwKd],
                        &sweep_target,
                        Some(&light),
                        &d,
                        &device,
                        &mut host,
                    ));
                    let Some(acc) = r.ok().and_then(|r| r.first().map(|r| r.test_acc)) else {
                        return 1;
                    };
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
            }
        }
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
    rows.sort_by(|x, y| {
        let m = |v: &Vec<f32>| v.iter().sum::<f32>() / v.len() as f32;
        m(&y.1).total_cmp(&m(&x.1))
    });
    for ((t, al, b), accs) in rows {
        let m = accs.iter().sum::<f32>() / accs.len() as f32;
        println!("| {t} | {al} | {b} | {:.2} |", m * 100.0);
    }
    0
}
