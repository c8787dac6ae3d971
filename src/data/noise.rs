//! Label noise: a share of a training split's labels flipped to another class, the same images for the
//! same seed everywhere. Smoothing and soft targets are known to resist it, so it is one of the
//! scenarios in which the methods can differ.

use super::ImageSet;
use super::rng::{DataRng, Stream, below};
use rand::Rng;

/// `set` with each label flipped, with probability `rate`, to one of the other `classes − 1` classes
/// (uniformly). The draw for image *i* depends only on the seed and *i*'s position.
pub fn flip_labels(set: &ImageSet, classes: usize, rate: f64, seed: u64) -> ImageSet {
    flip_labels_from(set, classes, rate, &mut Stream::LabelNoise.rng(seed))
}

/// [`flip_labels`] with the draws of `rng` (another stream, for another split of the same seed).
pub fn flip_labels_from(set: &ImageSet, classes: usize, rate: f64, rng: &mut DataRng) -> ImageSet {
    let mut out = set.clone();
    if rate <= 0.0 || classes < 2 {
        return out;
    }
    for label in out.labels.iter_mut() {
        // Both draws happen for every image, so one image's fate never shifts another's.
        let flip = rng.random::<f64>() < rate;
        let step = 1 + below(rng, classes - 1);
        if flip && (*label as usize) < classes {
            *label = ((*label as usize + step) % classes) as u8;
        }
    }
    out
}
