//! Models. Every classifier takes `[batch, 1, 28, width]` images and returns `[batch, classes]` logits.

pub mod lenet;

pub use lenet::{LeNet5, LeNet5Config};

use burn::prelude::*;

/// The number of trainable scalars in a module.
pub fn parameter_count<M: Module>(module: &M) -> usize {
    module.num_params()
}
