//! Metrics computed on the device, so only a scalar or two crosses to the host.

use burn::prelude::*;

/// Predicted class of each row of `logits` (`[batch, K]` → `[batch]`).
pub fn predictions(logits: Tensor<2>) -> Tensor<1, Int> {
    logits.argmax(1).squeeze_dim(1)
}

/// How many predictions equal the labels, as a one-element int tensor (left on the device).
pub fn correct_count(logits: Tensor<2>, labels: Tensor<1, Int>) -> Tensor<1, Int> {
    predictions(logits).equal(labels).int().sum()
}

/// Throughput over `samples` processed in `seconds`.
pub fn samples_per_s(samples: usize, seconds: f64) -> f32 {
    if seconds > 0.0 {
        (samples as f64 / seconds) as f32
    } else {
        0.0
    }
}
