//! Named scenarios: links that set up a comparison with something to show, each with one line on what
//! to notice. Each method in a scenario runs with its own settings, tuned for that scenario on the same
//! budget (`lwkd tune`); each line is a claim measured for exactly these settings (docs/science.md),
//! stated for the one seed the link runs and for five; the page shows it beside the results.

use super::Config;
use super::url::from_query;

pub struct Scenario {
    /// Its name in the CLI (`--scenario`) and its element id in the page (`scenario-ID`).
    pub id: &'static str,
    pub name: &'static str,
    /// The link's query: the settings that differ from the defaults.
    pub query: &'static str,
    /// What to look at, true for the numbers measured with these settings.
    pub notice: &'static str,
}

impl Scenario {
    /// The scenario's settings.
    pub fn config(&self) -> Config {
        from_query(self.query).0
    }
}

/// The scenario whose settings `cfg` has (the backend aside: it changes the speed, not the numbers).
pub fn scenario_of(cfg: &Config) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| {
        let c = s.config();
        Config {
            backend: cfg.backend,
            ..c
        } == *cfg
    })
}

/// The scenario named `id`.
pub fn scenario(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

/// The scenarios, the default first.
pub static SCENARIOS: [Scenario; 6] = [
    Scenario {
        id: "noisy",
        name: "Noisy labels (the default)",
        query: "",
        notice: "CE memorises the 30 % flipped labels: its training accuracy climbs past 90 % while its test accuracy falls from its peak. Soft targets hold it back — in this run (seed 42) LW-KD, a tuned label smoothing and Tf-KD_reg each end about 3 points above CE. Over 5 seeds every soft target gains 2–3 points (LW-KD's +1.9 stays within the seed-to-seed spread, smoothing's +2.5 and Tf-KD_reg's +3.1 go beyond it), LW-KD with an untrained, shuffled or uniform teacher alike: on clothes the teacher's knowledge adds nothing. Vanilla KD's heavy teacher, trained on the clothes, adds about 8.",
    },
    Scenario {
        id: "digits",
        name: "Digits: a teacher that knows the target",
        query: "?tg=mnist&tpc=20&he=3&noise=0&a=0.1&b=0&ls=0.01&ta=0.9&kt=12",
        notice: "With MNIST as the target, numeral k is digit k, so what the teacher knows is about the target. Over 5 seeds LW-KD ends 1.9 points above CE and a tuned label smoothing (beyond the seed-to-seed noise) and 0.9 above Tf-KD_reg (within it); its controls — an untrained, a shuffled or a uniform teacher — land on CE. Vanilla KD's heavy teacher (97 % on its own) adds 4.3.",
    },
    Scenario {
        id: "teacher-digits",
        name: "Does the teacher matter? On digits",
        query: "?tg=mnist&tpc=20&he=3&noise=0&a=0.1&b=0&ls=0.01&ta=0.9&kt=12&m=lwkd,lwkd-random,lwkd-shuffled,lwkd-uniform,ce",
        notice: "The classroom experiment: the same LW-KD with something else in the teacher's place. On digits only the trained teacher helps: over 5 seeds it ends 1.9 points above CE, while an untrained (+0.2), a shuffled (−0.9) and a uniform teacher (+0.2) land on CE.",
    },
    Scenario {
        id: "teacher-clothes",
        name: "Does the teacher matter? On clothes",
        query: "?m=lwkd,lwkd-random,lwkd-shuffled,lwkd-uniform,ce",
        notice: "The same experiment on clothes with noisy labels: over 5 seeds the trained, untrained, shuffled and uniform teachers land within 0.6 points of each other, 1.9–2.5 above CE — a numeral teacher knows nothing about clothes, and what helps is the smoothing.",
    },
    Scenario {
        id: "plenty",
        name: "Plenty of clean labels",
        query: "?tpc=500&de=10&he=3&noise=0&a=0.1&b=0&ls=0.6&ta=0.9&tt=10&tal=0.1&kt=2&ka=0.5",
        notice: "With 5,000 clean labels there is nothing to add: over 5 seeds every method, tuned, lands within 0.3 points of CE (85.7 %) — vanilla KD too, though its heavy teacher reaches 87.8 % at about 15 times LW-KD's teacher cost.",
    },
    Scenario {
        id: "transfer",
        name: "A strong heavy teacher, few labels",
        query: "?tpc=20&he=3&noise=0&a=0.1&b=0&ls=0.08&ta=0.9&tt=10&tal=0.1&kt=1&ka=0.9",
        notice: "Only a teacher that has seen clothes helps: over 5 seeds vanilla KD's heavy teacher (87.8 % on its own) lifts the 200-image student 2.1 points above CE; LW-KD's digit teacher, at a twelfth of its cost, and every other method stay within 0.25 points of CE.",
    },
];
