//! The one random-number generator used for data: ChaCha8, seeded explicitly.
//!
//! `rand`'s `SmallRng` differs between 32-bit (wasm32) and 64-bit targets, and `usize` ranges sample
//! differently on each, so everything here draws `u32`s from ChaCha8 — the same stream on every platform.

use rand::{Rng, SeedableRng};
pub use rand_chacha::ChaCha8Rng as DataRng;

/// A generator for `seed`, separated into independent streams by `stream` (e.g. train vs validation).
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
