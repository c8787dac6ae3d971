//! Evaluating a classifier on a labelled image set: predictions stay on the device batch by batch and
//! come back in one read at the end.

use burn::prelude::*;

use super::metrics::predictions;
use super::readback::ints;
use crate::data::{
    ImageSet,
    batch::{images_tensor, ordered_batches},
};
use crate::protocol::{Cancelled, Host};

/// Images per evaluation batch: small, so that one batch on the CPU backend is a short main-thread task
/// in the browser (with 256, tasks of up to 370 ms were measured during a comparison).
pub const EVAL_BATCH: usize = 64;

/// Accuracy of `forward` on `set`, and the predicted class of every image.
pub async fn evaluate(
    forward: impl Fn(Tensor<4>) -> Tensor<2>,
    set: &ImageSet,
    device: &Device,
    host: &mut impl Host,
) -> Result<(f32, Vec<u8>), Cancelled> {
    let mut preds = Vec::new();
    for idx in ordered_batches(set.len(), EVAL_BATCH) {
        preds.push(predictions(forward(images_tensor(set, &idx, device))));
        host.checkpoint().await?;
    }
    if preds.is_empty() {
        return Ok((0.0, Vec::new()));
    }
    let preds: Vec<u8> = ints(Tensor::cat(preds, 0))
        .await?
        .into_iter()
        .map(|p| p as u8)
        .collect();
    let correct = preds
        .iter()
        .zip(&set.labels)
        .filter(|(p, l)| p == l)
        .count();
    Ok((correct as f32 / set.len() as f32, preds))
}
