//! `lwkd sweep`: LW-KD's adversarial weight β — plain and scaled by T², as the distillation term is —
//! at the scenario's other settings, scored on the tuner's validation split (never the test split),
//! with the discriminator's accuracy per epoch: does any β change what the student learns?

use std::cell::RefCell;

use futures::executor::block_on;
use lwkd::distill::stats::Spread;
use lwkd::distill::{AdvScale, compare};
use lwkd::pipeline::Config;
use lwkd::pipeline::session::seed_teacher;
use lwkd::pipeline::tune::{light_teacher, validation_target};
use lwkd::protocol::{CallbackHost, Event, Method, Stage};

use super::error::CliError;
use super::run_args::{Prepared, RunArgs};

#[derive(clap::Args)]
pub struct SweepArgs {
    #[command(flatten)]
    run: RunArgs,
    /// The β values, each tried plain and scaled by T².
    #[arg(long, value_delimiter = ',', default_value = "0,0.01,0.1,0.3,1,3,10")]
    betas: Vec<f64>,
    /// Seeds each β is scored on, from 1000 (the tuner's).
    #[arg(long, default_value_t = 3)]
    tune_seeds: u64,
    /// Validation images per class, taken after the student's training images in each class.
    #[arg(long, default_value_t = 100)]
    target_val_per_class: usize,
}

/// One β and scale: validation accuracy per seed, the discriminator's accuracy per epoch per seed.
struct Row {
    beta: f64,
    scale: AdvScale,
    acc: Vec<f32>,
    disc: Vec<Vec<f32>>,
}

pub fn run(a: &SweepArgs) -> Result<(), CliError> {
    let Prepared {
        cfg,
        target,
        digits,
        device,
    } = a.run.prepare()?;
    let val = validation_target(&target, &cfg, a.target_val_per_class).map_err(CliError::Other)?;
    let k = target.classes();
    let steps_per_epoch = (k * cfg.train_per_class).div_ceil(cfg.distill().batch_size);
    let mut rows: Vec<Row> = a
        .betas
        .iter()
        .flat_map(|&beta| {
            let scales: &[AdvScale] = if beta == 0.0 {
                &[AdvScale::Plain]
            } else {
                &AdvScale::ALL
            };
            scales.iter().map(move |&scale| Row {
                beta,
                scale,
                acc: Vec::new(),
                disc: Vec::new(),
            })
        })
        .collect();
    for seed in 1000..1000 + a.tune_seeds.max(1) {
        let c = Config {
            seed,
            ..cfg.clone()
        };
        let quiet = |_: &Event| {};
        let (teacher, cost_s) = block_on(seed_teacher(
            c.synth(),
            c.teacher(),
            (&digits.0, &digits.1),
            &device,
            &mut CallbackHost(quiet),
        ))?;
        let light = light_teacher(&c, &teacher, &digits, cost_s);
        for row in rows.iter_mut() {
            let d = Config {
                beta: row.beta,
                adv_scale: row.scale,
                ..c.clone()
            }
            .distill();
            // The discriminator's accuracy, step by step, then per epoch.
            let steps: RefCell<Vec<(usize, f32)>> = RefCell::default();
            let mut host = CallbackHost(|e: &Event| {
                if let Event::Parts { stage, points } = e
                    && *stage == Stage::Student(Method::LwKd)
                {
                    steps
                        .borrow_mut()
                        .extend(points.iter().map(|p| (p.step, p.disc_acc)));
                }
            });
            let r = block_on(compare(
                &[Method::LwKd],
                &val,
                Some(&light),
                None,
                &d,
                &device,
                &mut host,
            ))?;
            row.acc.push(r[0].test_acc);
            let steps = steps.into_inner();
            let per_epoch = (0..cfg.distill_epochs)
                .map(|e| {
                    let of: Vec<f32> = steps
                        .iter()
                        .filter(|(s, _)| (s - 1) / steps_per_epoch == e)
                        .map(|(_, a)| *a)
                        .collect();
                    Spread::of(&of).mean
                })
                .collect();
            row.disc.push(per_epoch);
            eprintln!(
                "seed {seed} β = {} ({}): {:.2}%",
                row.beta,
                row.scale.key(),
                r[0].test_acc * 100.0
            );
        }
    }
    println!(
        "LW-KD on {} at T = {}, α = {} — validation accuracy (%, {} images per class after the training images, mean ± std over {} seeds) and the discriminator's accuracy (%) per epoch, mean over seeds:\n",
        target.kind.label(),
        cfg.temperature,
        cfg.alpha,
        a.target_val_per_class,
        a.tune_seeds
    );
    println!("| β | scaled | validation accuracy | discriminator accuracy, epoch 1 → last |");
    println!("|---|---|---|---|");
    for row in &rows {
        let acc = Spread::of(&row.acc);
        let disc: Vec<String> = (0..cfg.distill_epochs)
            .map(|e| {
                let at: Vec<f32> = row.disc.iter().map(|d| d[e]).collect();
                format!("{:.0}", Spread::of(&at).mean * 100.0)
            })
            .collect();
        let disc = if row.beta == 0.0 {
            "— (no discriminator)".to_string()
        } else {
            disc.join(" ")
        };
        println!(
            "| {} | {} | {:.2} ± {:.2} | {} |",
            row.beta,
            match row.scale {
                AdvScale::Plain => "no",
                AdvScale::T2 => "× T²",
            },
            acc.mean * 100.0,
            acc.std * 100.0,
            disc
        );
    }
    Ok(())
}
