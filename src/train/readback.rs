//! Reading tensors back to the host. Always async: on WebGPU a synchronous read panics, and on every
//! backend one read per group of steps is far cheaper than one per step.
//!
//! A read that fails means the device is gone (a lost WebGPU device: cubecl marks it poisoned and
//! every later read fails too). The reason is kept (`device_loss.rs`) and the run stops like a cancel, so the app
//! can keep what was finished and offer to continue on the CPU.

use burn::prelude::*;

use crate::protocol::{Cancelled, device_loss::record_loss};

fn lost<E: std::fmt::Debug>(e: E) -> Cancelled {
    record_loss(format!("{e:?}"));
    Cancelled
}

/// Reads a float tensor as `f32`s.
pub async fn floats<const D: usize>(t: Tensor<D>) -> Result<Vec<f32>, Cancelled> {
    let data = t.into_data_async().await.map_err(lost)?;
    Ok(data.iter::<f32>().collect())
}

/// Reads an int tensor as `i64`s (backends store ints as i32 or i64).
pub async fn ints<const D: usize>(t: Tensor<D, Int>) -> Result<Vec<i64>, Cancelled> {
    let data = t.into_data_async().await.map_err(lost)?;
    Ok(data.iter::<i64>().collect())
}
