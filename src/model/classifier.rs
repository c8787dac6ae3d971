//! What the training loop needs of a network: a Burn module mapping images to logits.

use burn::module::Module;
use burn::prelude::*;

use super::{LeNet5, Net};

/// A network that maps `[batch, 1, 28, width]` images to `[batch, classes]` logits.
pub trait Classifier: Module {
    fn logits(&self, images: Tensor<4>) -> Tensor<2>;
}

impl Classifier for LeNet5 {
    fn logits(&self, images: Tensor<4>) -> Tensor<2> {
        self.forward(images)
    }
}

impl Classifier for Net {
    fn logits(&self, images: Tensor<4>) -> Tensor<2> {
        self.forward(images)
    }
}
