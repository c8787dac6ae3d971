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
        notice: "CE memorises the 30 % flipped labels (training accuracy 91 %, test accuracy falling after its peak); every soft target holds it back by about 2–3 points over 5 seeds — LW-KD, a tuned label smoothing, Tf-KD_reg, and LW-KD with an untrained, shuffled or uniform teacher alike — so here the teacher's knowledge adds nothing. Vanilla KD's heavy teacher, trained on the clothes, adds about 8.",
    },
    Scenario {
        id: "digits",
        name: "Digits: a teacher that knows the target",
        query: "?tg=mnist&tpc=20&he=3&noise=0&a=0.1&b=0&ls=0.01&ta=0.9&tt=20&tal=0.7&kt=12&ka=0.7",
        notice: "With MNIST as the target, numeral k is digit k, so the teacher's sense of which digits look alike is about the target: LW-KD ends about 2 points above CE and a tuned label smoothing over 5 seeds, and its controls — untrained, shuffled, uniform teacher — fall back to CE.",
    },
    Scenario {
        id: "teacher-digits",
        name: "Does the teacher matter? On digits",
        query: "?tg=mnist&tpc=20&he=3&noise=0&a=0.1&b=0&ls=0.01&ta=0.9&tt=20&tal=0.7&kt=12&ka=0.7&m=lwkd,lwkd-random,lwkd-shuffled,lwkd-uniform,ce",
        notice: "The classroom experiment: the same LW-KD with something else in the teacher's place. On digits, only the trained teacher helps — about 2 points above CE over 5 seeds; untrained, shuffled and uniform teachers land on CE.",
    },
    Scenario {
        id: "teacher-clothes",
        name: "Does the teacher matter? On clothes",
        query: "?m=lwkd,lwkd-random,lwkd-shuffled,lwkd-uniform,ce",
        notice: "The same experiment on clothes with noisy labels: the trained, untrained, shuffled and uniform teachers all land within half a point of each other, about 2 points above CE over 5 seeds — a numeral teacher knows nothing about clothes, and the gain is the smoothing alone.",
    },
    Scenario {
        id: "plenty",
        name: "Plenty of clean labels",
        query: "?tpc=500&de=10&he=3&noise=0&a=0.1&b=0&ls=0.5&ta=0.9&tt=10&tal=0.1&kt=2&ka=0.5",
        notice: "With 5,000 clean labels there is nothing to add: over 5 seeds every method, tuned, lands within 0.3 points of CE (85.7 %) — vanilla KD too, though its heavy teacher reaches 87.8 % at about 14 times LW-KD's teacher cost.",
    },
    Scenario {
        id: "transfer",
        name: "A strong heavy teacher, few labels",
        query: "?tpc=20&he=3&noise=0&a=0.1&b=0&ls=0.08&ta=0.9&tt=10&tal=0.1&kt=1&ka=0.9",
        notice: "Only a teacher that has seen clothes helps: vanilla KD's heavy teacher lifts the 200-image student above CE; LW-KD's digit teacher, at a fraction of the cost, does not.",
    },
];
