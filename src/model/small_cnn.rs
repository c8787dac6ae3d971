//! The small CNN student: two 3 × 3 convolutions (8 and 16 channels, each followed by ReLU and 2 × 2
//! max-pooling) and one linear layer — about 9 thousand weights for K = 10.

use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::{MaxPool2d, MaxPool2dConfig};
use burn::nn::{Linear, LinearConfig, PaddingConfig2d, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct SmallCnn {
    conv1: Conv2d,
    conv2: Conv2d,
    pool: MaxPool2d,
    fc: Linear,
    relu: Relu,
}

impl SmallCnn {
    /// `channels` are the two convolutions' widths; `side` the (square) input side.
    pub fn new(classes: usize, channels: [usize; 2], side: usize, device: &Device) -> Self {
        let conv = |c_in, c_out| {
            Conv2dConfig::new([c_in, c_out], [3, 3])
                .with_padding(PaddingConfig2d::Same)
                .init(device)
        };
        let flat = channels[1] * (side / 4) * (side / 4);
        Self {
            conv1: conv(1, channels[0]),
            conv2: conv(channels[0], channels[1]),
            pool: MaxPool2dConfig::new([2, 2]).init(),
            fc: LinearConfig::new(flat, classes).init(device),
            relu: Relu::new(),
        }
    }

    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        let x = self
            .pool
            .forward(self.relu.forward(self.conv1.forward(images)));
        let x = self.pool.forward(self.relu.forward(self.conv2.forward(x)));
        self.fc.forward(x.flatten(1, 3))
    }
}
