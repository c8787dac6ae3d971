//! `lwkd tune`: every method gets the same budget of runs over its own settings, chosen on a
//! validation split carved from the target's training images; then the tuned settings and the untuned
//! ones each run on the test split over `--seeds` seeds, and both tables are printed.

use futures::executor::block_on;
use lwkd::distill::stats::Spread;
use lwkd::pipeline::comparison::run_comparison;
use lwkd::pipeline::tune::{Budget, SPACES, UNTUNED, changed, tune, with_query};
use lwkd::pipeline::url::to_query;
use lwkd::pipeline::{Config, Teachers};
use lwkd::protocol::{CallbackHost, Event, Method};

use super::error::CliError;
use super::run_args::{Prepared, RunArgs};
use super::table::{print_header, print_table};

#[derive(clap::Args)]
pub struct TuneArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Settings tried per method (each method's own grid, sampled by the seeded RNG).
    #[arg(long, default_value_t = 20)]
    budget: usize,
    /// Seeds each setting is scored on (validation accuracy, mean over them), from 1000.
    #[arg(long, default_value_t = 2)]
    tune_seeds: u64,
    /// Validation images per class, taken after the student's training images in each class.
    #[arg(long, default_value_t = 100)]
    target_val_per_class: usize,
}

/// Only failures, for the many runs of a tuning.
fn quiet(e: &Event) {
    if let Event::Failed { message, .. } = e {
        eprintln!("failed: {message}")
    }
}

pub fn run(a: &TuneArgs) -> Result<(), CliError> {
    let Prepared {
        cfg,
        target,
        digits,
        device,
    } = a.run.prepare()?;
    let budget = Budget {
        settings: a.budget,
        seeds: (1000..1000 + a.tune_seeds.max(1)).collect(),
        val_per_class: a.target_val_per_class,
    };
    println!(
        "Tuning on {} ({} images per class for training, the next {} as validation, labels flipped at {}); \
         each method's budget: {} settings, each scored on seeds {:?}.\n",
        target.kind.label(),
        cfg.train_per_class,
        budget.val_per_class,
        cfg.label_noise,
        budget.settings,
        budget.seeds
    );
    println!("| method | search space | points | tried |");
    println!("|---|---|---|---|");
    for s in &SPACES {
        let axes: Vec<String> = s
            .axes
            .iter()
            .map(|x| format!("{} ∈ {{{}}}", x.field, x.values.join(", ")))
            .collect();
        let points = s.grid(&cfg).len();
        println!(
            "| {} | {} | {points} | {} |",
            s.method.label(),
            axes.join(" × "),
            points.min(budget.settings)
        );
    }
    let tuned = block_on(tune(
        &cfg,
        &target,
        &digits,
        &device,
        &budget,
        &mut CallbackHost(quiet),
    ))?;
    println!(
        "\nBest settings per method (validation accuracy, %, mean ± std over the tuning seeds):\n"
    );
    println!("| method | settings | validation accuracy |");
    println!("|---|---|---|");
    for m in Method::ALL {
        for t in tuned.trials.iter().filter(|t| t.method == m).take(3) {
            let Spread { mean, std } = t.score();
            println!(
                "| {} | {} | {:.2} ± {:.2} |",
                m.label(),
                if t.settings.is_empty() {
                    "—"
                } else {
                    &t.settings
                },
                mean * 100.0,
                std * 100.0
            );
        }
    }
    // The link runs one seed, as the page's demo does.
    let link = Config {
        seeds: 1,
        ..tuned.config.clone()
    };
    println!(
        "\nChosen (changes from the start): {}\nThe tuned scenario's link: ?{}",
        changed(&cfg, &tuned.config),
        to_query(&link)
    );
    // The test split, seeds 42…: the tuned settings with the controls, then the untuned ones.
    let methods: Vec<Method> = Method::DEFAULT
        .into_iter()
        .chain([
            Method::LwKdUntrained,
            Method::LwKdShuffled,
            Method::LwKdUniform,
        ])
        .collect();
    let tables = [
        ("Tuned", tuned.config.clone(), methods),
        (
            "Untuned (the settings before tuning)",
            with_query(&cfg, UNTUNED),
            Method::DEFAULT.to_vec(),
        ),
    ];
    for (title, c, methods) in tables {
        let c = Config {
            methods,
            teachers: Teachers::PerSeed,
            ..c
        };
        let results = block_on(run_comparison(
            &c,
            &c.distill(),
            &target,
            &digits,
            &device,
            &mut CallbackHost(quiet),
        ))?;
        println!("\n### {title}");
        print_header(&c, &target, &results);
        print_table(&results);
    }
    Ok(())
}
