//! Models. Every classifier takes `[batch, 1, 28, width]` images and returns `[batch, classes]` logits.

pub mod lenet;

pub use lenet::{LeNet5, LeNet5Config};
