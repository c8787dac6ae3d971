//! Reading tensors back to the host. Always async: on WebGPU a synchronous read panics, and on every
//! backend one read per group of steps is far cheaper than one per step.

use burn::prelude::*;

/// Reads a float tensor as `f32`s.
pub async fn floats<const D: usize>(t: Tensor<D>) -> Vec<f32> {
    match t.into_data_async().await {
        Ok(data) => data.iter::<f32>().collect(),
        Err(e) => panic!("reading a tensor back from the device failed: {e:?}"),
    }
}

/// Reads an int tensor as `i64`s (backends store ints as i32 or i64).
pub async fn ints<const D: usize>(t: Tensor<D, Int>) -> Vec<i64> {
    match t.into_data_async().await {
        Ok(data) => data.iter::<i64>().collect(),
        Err(e) => panic!("reading a tensor back from the device failed: {e:?}"),
    }
}
