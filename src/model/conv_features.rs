//! The feature extractor shared by the CNNs trained on the target (the small student and vanilla KD's
//! heavy teacher): two 3 × 3 convolutions that keep the image size, each followed by ReLU and 2 × 2
//! max-pooling, flattened.

use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::{MaxPool2d, MaxPool2dConfig};
use burn::nn::{PaddingConfig2d, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct ConvFeatures {
    conv1: Conv2d,
    conv2: Conv2d,
    pool: MaxPool2d,
    relu: Relu,
}

fn conv3x3(c_in: usize, c_out: usize, device: &Device) -> Conv2d {
    Conv2dConfig::new([c_in, c_out], [3, 3])
        .with_padding(PaddingConfig2d::Same)
        .init(device)
}

impl ConvFeatures {
    /// `channels`: the widths of the two convolutions.
    pub fn new(channels: [usize; 2], device: &Device) -> Self {
        Self {
            conv1: conv3x3(1, channels[0], device),
            conv2: conv3x3(channels[0], channels[1], device),
            pool: MaxPool2dConfig::new([2, 2]).init(),
            relu: Relu::new(),
        }
    }

    /// `[batch, 1, side, side]` images → `[batch, features]`.
    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        let x = self
            .pool
            .forward(self.relu.forward(self.conv1.forward(images)));
        let x = self.pool.forward(self.relu.forward(self.conv2.forward(x)));
        x.flatten(1, 3)
    }
}
