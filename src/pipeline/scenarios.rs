//! Named scenarios: links that set up a comparison with something to show, each with one line on what
//! to notice. Each line is a claim measured for exactly these settings (`lwkd compare --scenario ID`,
//! tables in the README's "Scenarios"); the page shows it beside the results.

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
pub static SCENARIOS: [Scenario; 3] = [
    Scenario {
        id: "noisy",
        name: "Noisy labels (the default)",
        query: "",
        notice: "CE memorises the 30 % flipped labels (training accuracy 92 %, test accuracy falling after epoch 6); LW-KD and Tf-KD_reg hold back and end about 2 points above it, beyond the spread of 3 seeds; vanilla KD ends about 7 above, with a heavy teacher costing several times LW-KD's.",
    },
    Scenario {
        id: "plenty",
        name: "Plenty of clean labels",
        query: "?tpc=500&de=10&he=3&noise=0",
        notice: "With 5,000 clean labels there is little to add: every method lands within about half a point of CE (85.7 %) — vanilla KD too, though its heavy teacher reaches 87.5 % at about 14 times LW-KD's teacher cost; LW-KD is 0.5 points below (small, but beyond the seed spread).",
    },
    Scenario {
        id: "transfer",
        name: "A strong heavy teacher, few labels",
        query: "?tpc=20&he=3&noise=0",
        notice: "Only a teacher that has seen clothes helps: vanilla KD's heavy teacher (87.5 %) lifts the 200-image student about 2.7 points above CE; LW-KD's digit teacher, at a fraction of the cost, does not (−0.9 points, within the spread of 3 seeds).",
    },
];
