//! Turning images into tensors: scaling, normalisation and the per-epoch shuffled order.

use burn::prelude::*;

use super::ImageSet;
use super::rng::{DataRng, shuffle};

/// MNIST's mean and standard deviation of ink in [0, 1], used to centre inputs.
const MEAN: f32 = 0.1307;
const STD: f32 = 0.3081;

/// Images `indices` of `set` as a `[n, 1, rows, cols]` float tensor, normalised.
pub fn images_tensor(set: &ImageSet, indices: &[u32], device: &Device) -> Tensor<4> {
    let px = set.rows * set.cols;
    let mut bytes = Vec::with_capacity(indices.len() * px);
    for &i in indices {
        bytes.extend_from_slice(set.image(i as usize));
    }
    pixels_tensor(&bytes, set.rows, set.cols, device)
}

/// Consecutive `rows × cols` 8-bit images as a normalised `[n, 1, rows, cols]` float tensor.
pub fn pixels_tensor(bytes: &[u8], rows: usize, cols: usize, device: &Device) -> Tensor<4> {
    let n = bytes.len() / (rows * cols);
    let data: Vec<f32> = bytes
        .iter()
        .map(|&p| (p as f32 / 255.0 - MEAN) / STD)
        .collect();
    Tensor::from_data(TensorData::new(data, [n, 1, rows, cols]), device)
}

/// Labels `indices` of `set` as an `[n]` int tensor.
pub fn labels_tensor(set: &ImageSet, indices: &[u32], device: &Device) -> Tensor<1, Int> {
    let data: Vec<i64> = indices
        .iter()
        .map(|&i| set.labels[i as usize] as i64)
        .collect();
    Tensor::from_data(TensorData::new(data, [indices.len()]), device)
}

/// A fresh shuffled order of `0..n`, cut into batches of `batch` (the last one may be smaller).
pub fn epoch_batches(n: usize, batch: usize, rng: &mut DataRng) -> Vec<Vec<u32>> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    shuffle(rng, &mut order);
    order.chunks(batch.max(1)).map(<[u32]>::to_vec).collect()
}

/// `0..n` in order, in batches: for evaluation.
pub fn ordered_batches(n: usize, batch: usize) -> Vec<Vec<u32>> {
    let order: Vec<u32> = (0..n as u32).collect();
    order.chunks(batch.max(1)).map(<[u32]>::to_vec).collect()
}
