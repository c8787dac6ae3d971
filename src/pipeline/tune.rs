//! The tuner: every method gets the same budget of runs over its own settings, each run scored on a
//! validation split carved from the target's training images — never the test split — and the best
//! settings are kept. `lwkd tune` then runs them on seeds on the test split (docs/science.md).

use burn::prelude::Device;

use super::Config;
use super::knobs::knob_for;
use super::session::seed_teacher;
use super::url::to_query;
use crate::data::noise::flip_labels_from;
use crate::data::rng::{Stream, below};
use crate::data::target::carve_per_class;
use crate::data::{ImageSet, Target};
use crate::distill::stats::Spread;
use crate::distill::{AdvScale, LightTeacher, compare, train_heavy};
use crate::model::LeNet5;
use crate::protocol::{Host, Method, Stop};

/// One setting's values in a search space, as the link writes them.
pub struct Axis {
    pub field: &'static str,
    pub values: &'static [&'static str],
}

/// A method's own settings and the values the tuner may try: a grid it samples from.
pub struct Space {
    pub method: Method,
    pub axes: &'static [Axis],
}

/// The search spaces. LW-KD's ablation and its controls run with LW-KD's chosen T and α (and β, the
/// controls), so they are not tuned apart. CE has nothing to tune.
pub static SPACES: [Space; 4] = [
    Space {
        method: Method::LabelSmoothing,
        axes: &[Axis {
            field: "smoothing",
            values: &[
                "0.01", "0.02", "0.05", "0.08", "0.1", "0.12", "0.15", "0.2", "0.25", "0.3",
                "0.35", "0.4", "0.45", "0.5", "0.55", "0.6", "0.65", "0.7", "0.8", "0.9",
            ],
        }],
    },
    Space {
        method: Method::TfKdReg,
        axes: &[
            Axis {
                field: "tfkd_a",
                values: &["0.6", "0.8", "0.9", "0.99"],
            },
            Axis {
                field: "tfkd_temperature",
                values: &["1", "2", "5", "10", "20", "40"],
            },
            Axis {
                field: "tfkd_alpha",
                values: &["0.1", "0.3", "0.5", "0.7", "0.9"],
            },
        ],
    },
    Space {
        method: Method::LwKd,
        axes: &[
            Axis {
                field: "temperature",
                values: &["1", "2", "4", "8"],
            },
            Axis {
                field: "alpha",
                values: &["0.1", "0.3", "0.5", "0.7", "0.9"],
            },
            Axis {
                field: "beta",
                values: &["0", "0.1", "1", "10"],
            },
            Axis {
                field: "adv_scale",
                values: &["plain", "t2"],
            },
        ],
    },
    Space {
        method: Method::VanillaKd,
        axes: &[
            Axis {
                field: "kd_temperature",
                values: &["1", "2", "3", "4", "6", "8", "12", "16"],
            },
            Axis {
                field: "kd_alpha",
                values: &["0.1", "0.3", "0.5", "0.7", "0.9"],
            },
        ],
    },
];

/// The settings every method had before tuning (the same pull for every soft-target method, label
/// smoothing at a textbook ε): the untuned table beside the tuned one.
pub const UNTUNED: &str = "ls=0.1&ta=0.99&tt=20&tal=0.5&t=4&a=0.5&b=0.1&bt=plain&kt=4&ka=0.5";

/// `base` with the link settings `query` (`field=value` pairs by link key).
pub fn with_query(base: &Config, query: &str) -> Config {
    let mut c = base.clone();
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if let Some(knob) = super::knobs::knob_for_key(&k) {
            let _ = knob.set(&mut c, &v);
        }
    }
    c
}

impl Space {
    /// Every point of the grid as a config (`base` with the point's settings), duplicates dropped
    /// (with β = 0 the adversarial term's scale does not matter).
    pub fn grid(&self, base: &Config) -> Vec<Config> {
        let mut points = vec![base.clone()];
        for axis in self.axes {
            let knob = knob_for(axis.field).expect("a search space names real settings");
            points = points
                .iter()
                .flat_map(|p| {
                    axis.values.iter().map(move |v| {
                        let mut c = p.clone();
                        knob.set(&mut c, v)
                            .expect("a search space holds valid values");
                        c
                    })
                })
                .collect();
        }
        let mut out: Vec<Config> = Vec::new();
        for mut c in points {
            if c.beta == 0.0 {
                c.adv_scale = AdvScale::Plain;
            }
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    }

    /// `budget` points of the grid, drawn without replacement by the seeded RNG (the whole grid
    /// where it has no more), in grid order.
    pub fn sample(&self, base: &Config, budget: usize, seed: u64) -> Vec<Config> {
        let mut grid = self.grid(base);
        let mut rng = Stream::Tuning.rng(seed);
        let mut picked = Vec::new();
        while picked.len() < budget && !grid.is_empty() {
            picked.push(grid.remove(below(&mut rng, grid.len())));
        }
        picked
    }

    /// The settings of `c` this space tunes, as a link query.
    pub fn settings(&self, c: &Config) -> String {
        self.axes
            .iter()
            .filter_map(|a| knob_for(a.field))
            .map(|k| format!("{}={}", k.key, k.text(c)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// The tuner's view of `target` for `cfg`: the same training images (the student's subset is the
/// first `cfg.train_per_class` of each class), and as its "test" split the `val_per_class` images after
/// those in each class, their labels flipped at the training labels' rate — a person's validation
/// labels are as noisy as their training labels. The heavy teacher does not train on them either.
pub fn validation_target(
    target: &Target,
    cfg: &Config,
    val_per_class: usize,
) -> Result<Target, String> {
    let k = target.classes();
    let (rest, val) = carve_per_class(&target.train, k, cfg.train_per_class, val_per_class);
    if val.len() < k * val_per_class {
        return Err(format!(
            "{} has fewer than {} training images in some class: fewer training images per class, or a smaller validation split",
            target.kind.label(),
            cfg.train_per_class + val_per_class
        ));
    }
    let noise = &mut Stream::ValidationNoise.rng(cfg.seed);
    Ok(Target {
        train: rest,
        test: flip_labels_from(&val, k, cfg.label_noise, noise),
        ..target.clone()
    })
}

/// One method's settings and their validation accuracy on each tuning seed.
#[derive(Debug, Clone)]
pub struct Trial {
    pub method: Method,
    /// The settings, as a link query.
    pub settings: String,
    pub config: Config,
    pub scores: Vec<f32>,
}

impl Trial {
    pub fn score(&self) -> Spread {
        Spread::of(&self.scores)
    }
}

/// What the tuner found: `config` is `base` with every tuned method's best settings.
pub struct Tuned {
    pub config: Config,
    /// Every run's trial, best first per method (CE's untuned reference included).
    pub trials: Vec<Trial>,
}

/// `teacher` as LW-KD's methods see it.
pub fn light_teacher<'a>(
    cfg: &Config,
    teacher: &'a LeNet5,
    digits: &'a (ImageSet, ImageSet),
    cost_s: f32,
) -> LightTeacher<'a> {
    LightTeacher {
        model: teacher,
        classes: cfg.classes,
        digits: &digits.0,
        max_shift: cfg.synth().max_shift,
        cost_s,
        seed: cfg.seed,
    }
}

/// How much tuning: the same for every method.
#[derive(Debug, Clone)]
pub struct Budget {
    /// Settings tried per method.
    pub settings: usize,
    /// The seeds each setting is scored on (the mean counts).
    pub seeds: Vec<u64>,
    /// Validation images per class.
    pub val_per_class: usize,
}

/// Tunes every method of [`SPACES`] on `base`'s scenario within `budget`, each setting scored by its
/// mean validation accuracy over the budget's seeds (seeds of their own, not the test seeds). Each
/// seed's lightweight and heavy teachers are trained once and teach every setting of that seed. Never
/// reads `target.test`.
pub async fn tune(
    base: &Config,
    target: &Target,
    digits: &(ImageSet, ImageSet),
    device: &Device,
    budget: &Budget,
    host: &mut impl Host,
) -> Result<Tuned, Stop> {
    let val = validation_target(target, base, budget.val_per_class).map_err(Stop::Failed)?;
    let mut trials: Vec<Trial> = std::iter::once((Method::Ce, vec![base.clone()]))
        .chain(
            SPACES
                .iter()
                .map(|s| (s.method, s.sample(base, budget.settings, base.seed))),
        )
        .flat_map(|(method, configs)| {
            configs.into_iter().map(move |config| Trial {
                method,
                settings: SPACES
                    .iter()
                    .find(|s| s.method == method)
                    .map_or_else(String::new, |s| s.settings(&config)),
                config,
                scores: Vec::new(),
            })
        })
        .collect();
    for &seed in &budget.seeds {
        let at = |c: &Config| Config { seed, ..c.clone() };
        let cfg = at(base);
        let (teacher, cost_s) = seed_teacher(
            cfg.synth(),
            cfg.teacher(),
            (&digits.0, &digits.1),
            device,
            host,
        )
        .await?;
        let light = light_teacher(&cfg, &teacher, digits, cost_s);
        let heavy = train_heavy(&val, &cfg.distill(), device, host).await?;
        for trial in trials.iter_mut() {
            let d = at(&trial.config).distill();
            let r = compare(
                &[trial.method],
                &val,
                Some(&light),
                Some(&heavy),
                &d,
                device,
                host,
            )
            .await?;
            // The validation split stands in the "test" place: this is validation accuracy.
            trial.scores.push(r[0].test_acc);
        }
    }
    // Best first per method: the highest mean, then the smallest spread, then the first drawn.
    let pos = |m| Method::ALL.iter().position(|&x| x == m);
    trials.sort_by(|a, b| {
        let (sa, sb) = (a.score(), b.score());
        pos(a.method)
            .cmp(&pos(b.method))
            .then(sb.mean.total_cmp(&sa.mean))
            .then(sa.std.total_cmp(&sb.std))
    });
    let mut config = base.clone();
    for space in &SPACES {
        if let Some(best) = trials.iter().find(|t| t.method == space.method) {
            config = with_query(&config, &space.settings(&best.config));
        }
    }
    Ok(Tuned { config, trials })
}

/// The settings `tuned` changed from `base`, as a link query.
pub fn changed(base: &Config, tuned: &Config) -> String {
    let (a, b) = (to_query(base), to_query(tuned));
    let before: Vec<&str> = a.split('&').collect();
    b.split('&')
        .filter(|p| !p.is_empty() && !before.contains(p))
        .collect::<Vec<_>>()
        .join("&")
}
