//! The one job planner: a comparison's students — every chosen method on every seed — in the order
//! they run, checked once. The CLI, the session and the page's pool of workers all run a [`Plan`].

use serde::{Deserialize, Serialize};

use crate::data::Target;
use crate::protocol::{Method, Stop};

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
