//! The one job planner: a comparison's students — every chosen method on every seed — in the order
//! they run, checked once. The CLI, the session and the page's pool of workers all run a [`Plan`].

use serde::{Deserialize, Serialize};

use crate::data::Target;
use crate::protocol::{Method, Stop};

/// Where each seed's lightweight teacher comes from. A seed is the whole run's seed — its numerals,
/// its teacher, its student, its batch order, its label noise — unless one teacher is kept for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Teachers {
    /// Each seed synthesizes its numerals and trains its own teacher (stage 2's serves its seed).
    #[default]
    PerSeed,
    /// Stage 2's teacher teaches every seed.
    One,
}

impl Teachers {
    pub const ALL: [Self; 2] = [Self::PerSeed, Self::One];

    pub fn key(self) -> &'static str {
        match self {
            Self::PerSeed => "per-seed",
            Self::One => "one",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// In the form's select and under the table.
    pub fn label(self) -> &'static str {
        match self {
            Self::PerSeed => "one per seed (each seed trains its own)",
            Self::One => "stage 2's, for every seed",
        }
    }
}

/// One student to train: a method on a seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    pub method: Method,
    pub seed: u64,
}

/// A comparison that may start, as the students it trains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub units: Vec<Unit>,
}

impl Plan {
    /// `methods` on seeds `first_seed`, `first_seed + 1`, … (`seeds` of them), seed by seed — a
    /// cancelled run keeps whole seeds first — or why the comparison cannot start, in words: no method,
    /// or LW-KD without a lightweight teacher of the target's K (`teacher_classes`).
    pub fn new(
        methods: &[Method],
        seeds: usize,
        first_seed: u64,
        target: &Target,
        teacher_classes: Option<usize>,
    ) -> Result<Self, Stop> {
        refusal(methods, target, teacher_classes).map_err(|why| Stop::cannot_distill(&why))?;
        let units = (first_seed..first_seed + seeds.max(1) as u64)
            .flat_map(|seed| methods.iter().map(move |&method| Unit { method, seed }))
            .collect();
        Ok(Self { units })
    }

    /// The longest students first, so that the last to finish on a pool of workers is a short one.
    pub fn longest_first(mut self) -> Self {
        self.units.sort_by_key(|u| (rank(u.method), u.seed));
        self
    }
}

/// `units` in runs of one seed, as they come (each run shares its seed's data and teacher).
pub fn by_seed(units: &[Unit]) -> impl Iterator<Item = &[Unit]> {
    units.chunk_by(|a, b| a.seed == b.seed)
}

/// How long a method's student takes, by rank (0: longest).
fn rank(m: Method) -> u8 {
    match m {
        Method::VanillaKd => 0,
        Method::LwKd => 1,
        Method::LwKdNoAdv => 2,
        _ => 3,
    }
}

/// Why a comparison cannot start, given the classes of the lightweight teacher (if any).
fn refusal(
    methods: &[Method],
    target: &Target,
    teacher_classes: Option<usize>,
) -> Result<(), String> {
    if methods.is_empty() {
        return Err("tick at least one method".into());
    }
    if methods.iter().any(|m| m.uses_light_teacher()) {
        match teacher_classes {
            None => {
                return Err("LW-KD needs the lightweight teacher: train it in step 2 first".into());
            }
            Some(classes) if classes != target.classes() => {
                return Err(format!(
                    "the teacher knows {} classes but {} has {}: synthesize K = {} and retrain the teacher",
                    classes,
                    target.kind.label(),
                    target.classes(),
                    target.classes()
                ));
            }
            _ => {}
        }
    }
    Ok(())
}
