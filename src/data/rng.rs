//! The one random-number generator used for data: ChaCha8, seeded explicitly.
//!
//! `rand`'s `SmallRng` differs between 32-bit (wasm32) and 64-bit targets, and `usize` ranges sample
//! differently on each, so everything here draws `u32`s from ChaCha8 — the same stream on every platform.

use rand::{Rng, SeedableRng};
pub use rand_chacha::ChaCha8Rng as DataRng;

/// Every independent random stream drawn from a run's seed, in one place so no two uses collide. The
/// numbers are part of the data: changing one changes every fingerprint and result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Synthesized training images.
    SynthTrain = 1,
    /// Synthesized validation images.
    SynthVal = 2,
    /// The lightweight teacher's batch order.
    TeacherOrder = 3,
    /// LW-KD: the numerals shown to the teacher (fresh per sample, or its bank's).
    TeacherDraws = 5,
    /// The batch order of every network trained on the target (students, heavy teacher).
    TargetOrder = 6,
    /// Class-mean LW-KD: the numerals averaged per class.
    ClassMean = 7,
    /// The numerals of the soft-target view.
    Showcase = 8,
    /// Which target training labels are flipped (the label-noise scenario).
    LabelNoise = 9,
    /// The random images *Automatic* times both backends on.
    BackendMeasure = 10,
    /// LW-KD's bank: which of its class's rows each sample takes.
    BankDraws = 11,
    /// The shuffled control's renaming of classes.
    ClassShuffle = 12,
    /// The untrained control's random teacher weights.
    UntrainedTeacher = 13,
    /// The tuner's sample of each method's settings.
    Tuning = 14,
    /// Which validation labels are flipped while tuning (the same share as the training labels).
    ValidationNoise = 15,
}

impl Stream {
    /// This stream's generator for `seed`.
    pub fn rng(self, seed: u64) -> DataRng {
        data_rng(seed, self as u64)
    }
}

/// A generator for `seed`, separated into independent streams by `stream` (the app names its streams
/// in [`Stream`]; tests may draw from any other).
pub fn data_rng(seed: u64, stream: u64) -> DataRng {
    let mut rng = DataRng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// Uniform integer in `0..n` (n ≥ 1), identical on 32- and 64-bit targets.
pub fn below(rng: &mut DataRng, n: usize) -> usize {
    rng.random_range(0..n as u32) as usize
}

/// Uniform integer in `-r..=r`.
pub fn offset(rng: &mut DataRng, r: u32) -> i32 {
    rng.random_range(0..=2 * r) as i32 - r as i32
}

/// Fisher–Yates shuffle with [`below`], so the permutation is the same everywhere.
pub fn shuffle<T>(rng: &mut DataRng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = below(rng, i + 1);
        items.swap(i, j);
    }
}
