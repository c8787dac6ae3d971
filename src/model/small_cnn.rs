//! The small CNN student: two 3 × 3 convolutions (8 and 16 channels, each followed by ReLU and 2 × 2
//! max-pooling) and one linear layer — about 9 thousand weights for K = 10.

use burn::nn::{Linear, LinearConfig};
use burn::prelude::*;

use super::arch::conv_features_len;
use super::conv_features::ConvFeatures;

#[derive(Module, Debug)]
pub struct SmallCnn {
    features: ConvFeatures,
    fc: Linear,
}

impl SmallCnn {
    /// `channels` are the two convolutions' widths; `side` the (square) input side.
    pub fn new(classes: usize, channels: [usize; 2], side: usize, device: &Device) -> Self {
        Self {
            features: ConvFeatures::new(channels, device),
            fc: LinearConfig::new(conv_features_len(channels, side), classes).init(device),
        }
    }

    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        self.fc.forward(self.features.forward(images))
    }
}
