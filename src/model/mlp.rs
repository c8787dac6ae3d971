//! The small MLP student: flatten → 128 → ReLU → K. No convolutions, so it is the fastest student and
//! the one that most needs a good teacher signal.

use burn::nn::{Linear, LinearConfig, Relu};
use burn::prelude::*;

use super::arch::MLP_HIDDEN as HIDDEN;

#[derive(Module, Debug)]
pub struct Mlp {
    fc1: Linear,
    fc2: Linear,
    relu: Relu,
}

impl Mlp {
    pub fn new(classes: usize, pixels: usize, device: &Device) -> Self {
        Self {
            fc1: LinearConfig::new(pixels, HIDDEN).init(device),
            fc2: LinearConfig::new(HIDDEN, classes).init(device),
            relu: Relu::new(),
        }
    }

    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        let x: Tensor<2> = images.flatten(1, 3);
        self.fc2.forward(self.relu.forward(self.fc1.forward(x)))
    }
}
