//! The lightweight teacher: LeNet-5 in its modern form (ReLU and max-pooling instead of the original
//! scaled tanh and sub-sampling), as METHOD.md stage 2 asks. Its input is 28 × 28·d, so the width of the
//! first fully connected layer depends on d (400 inputs for d = 1, 960 for d = 2).

use burn::nn::conv::{Conv2d, Conv2dConfig};
use burn::nn::pool::{MaxPool2d, MaxPool2dConfig};
use burn::nn::{Linear, LinearConfig, PaddingConfig2d, Relu};
use burn::prelude::*;

#[derive(Module, Debug)]
pub struct LeNet5 {
    conv1: Conv2d,
    conv2: Conv2d,
    pool: MaxPool2d,
    fc1: Linear,
    fc2: Linear,
    fc3: Linear,
    relu: Relu,
}

#[derive(Config, Debug)]
pub struct LeNet5Config {
    /// K, the number of outputs.
    pub classes: usize,
    /// Input width in pixels (28·d); the height is always 28.
    #[config(default = 28)]
    pub width: usize,
}

impl LeNet5Config {
    /// Width of the feature map after conv(pad 2) → pool → conv(5) → pool.
    fn flat_width(&self) -> usize {
        (self.width / 2 - 4) / 2
    }

    pub fn init(&self, device: &Device) -> LeNet5 {
        LeNet5 {
            conv1: Conv2dConfig::new([1, 6], [5, 5])
                .with_padding(PaddingConfig2d::Explicit(2, 2, 2, 2))
                .init(device),
            conv2: Conv2dConfig::new([6, 16], [5, 5]).init(device),
            pool: MaxPool2dConfig::new([2, 2]).init(),
            fc1: LinearConfig::new(16 * 5 * self.flat_width(), 120).init(device),
            fc2: LinearConfig::new(120, 84).init(device),
            fc3: LinearConfig::new(84, self.classes).init(device),
            relu: Relu::new(),
        }
    }
}

impl LeNet5 {
    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        let x = self
            .pool
            .forward(self.relu.forward(self.conv1.forward(images)));
        let x = self.pool.forward(self.relu.forward(self.conv2.forward(x)));
        let x: Tensor<2> = x.flatten(1, 3);
        let x = self.relu.forward(self.fc1.forward(x));
        let x = self.relu.forward(self.fc2.forward(x));
        self.fc3.forward(x)
    }
}
