//! LW-KD's discriminator: a small MLP on K-dimensional probability vectors (K → 64 → 64 → 1, LeakyReLU
//! 0.2) that tells the teacher's soft targets ("real") from the student's softened outputs ("fake").
//! It returns a logit; the losses apply the sigmoid.

use burn::nn::{LeakyRelu, LeakyReluConfig, Linear, LinearConfig};
use burn::prelude::*;

pub const HIDDEN: usize = 64;

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
            act: LeakyReluConfig::new().with_negative_slope(0.2).init(),
        }
    }

    /// `[batch, K]` probabilities → `[batch]` logits of "this came from the teacher".
    pub fn forward(&self, probs: Tensor<2>) -> Tensor<1> {
        let x = self.act.forward(self.fc1.forward(probs));
        let x = self.act.forward(self.fc2.forward(x));
        self.fc3.forward(x).squeeze_dim(1)
    }
}
