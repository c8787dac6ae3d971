//! LW-KD's discriminator: a small MLP on K-dimensional probability vectors (K → 64 → 64 → 1, LeakyReLU
//! 0.2) that tells the teacher's soft targets ("real") from the student's softened outputs ("fake").
//! It returns a logit; the losses apply the sigmoid. This module draws its initial weights; training
//! runs its layers with hand-written gradients (`distill::adversarial`), and `forward` is the reference
//! their test compares against.

use burn::nn::{LeakyRelu, LeakyReluConfig, Linear, LinearConfig};
use burn::prelude::*;

pub const HIDDEN: usize = 64;

/// LeakyReLU's slope for negative inputs.
pub const NEGATIVE_SLOPE: f64 = 0.2;

#[derive(Module, Debug)]
pub struct Discriminator {
    fc1: Linear,
    fc2: Linear,
    fc3: Linear,
    act: LeakyRelu,
}

impl Discriminator {
    pub fn new(classes: usize, device: &Device) -> Self {
        Self {
            fc1: LinearConfig::new(classes, HIDDEN).init(device),
            fc2: LinearConfig::new(HIDDEN, HIDDEN).init(device),
            fc3: LinearConfig::new(HIDDEN, 1).init(device),
            act: LeakyReluConfig::new()
                .with_negative_slope(NEGATIVE_SLOPE)
                .init(),
        }
    }

    /// The three layers, input to output (their weights are `[in, out]`: y = x·W + b).
    pub fn layers(&self) -> [&Linear; 3] {
        [&self.fc1, &self.fc2, &self.fc3]
    }

    /// `[batch, K]` probabilities → `[batch]` logits of "this came from the teacher".
    pub fn forward(&self, probs: Tensor<2>) -> Tensor<1> {
        let x = self.act.forward(self.fc1.forward(probs));
        let x = self.act.forward(self.fc2.forward(x));
        self.fc3.forward(x).squeeze_dim(1)
    }
}
