//! The heavy teacher of vanilla KD: a wider CNN (16 and 32 channels) with a 128-unit hidden layer —
//! about 23 times the weights of the small CNN student and 3 times LeNet-5's, trained on the target
//! dataset itself before it can teach.

use burn::nn::{Linear, LinearConfig, Relu};
use burn::prelude::*;

use super::arch::{HEAVY_CHANNELS as CHANNELS, HEAVY_HIDDEN as HIDDEN, conv_features_len};
use super::conv_features::ConvFeatures;

#[derive(Module, Debug)]
pub struct HeavyCnn {
    features: ConvFeatures,
    fc1: Linear,
    fc2: Linear,
    relu: Relu,
}

impl HeavyCnn {
    pub fn new(classes: usize, side: usize, device: &Device) -> Self {
        Self {
            features: ConvFeatures::new(CHANNELS, device),
            fc1: LinearConfig::new(conv_features_len(CHANNELS, side), HIDDEN).init(device),
            fc2: LinearConfig::new(HIDDEN, classes).init(device),
            relu: Relu::new(),
        }
    }

    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        let x = self
            .relu
            .forward(self.fc1.forward(self.features.forward(images)));
        self.fc2.forward(x)
    }
}
