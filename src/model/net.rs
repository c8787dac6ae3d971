//! The networks trained on the target dataset — the students and vanilla KD's heavy teacher — behind
//! one module type, so one training loop serves them all.

use burn::prelude::*;

use super::arch::{Arch, SMALL_CHANNELS, StudentKind};
use super::heavy_cnn::HeavyCnn;
use super::mlp::Mlp;
use super::small_cnn::SmallCnn;

#[derive(Module, Debug)]
pub enum Net {
    Mlp(Mlp),
    Cnn(SmallCnn),
    Heavy(HeavyCnn),
}

impl Net {
    /// A freshly initialised network for 28 × 28 inputs and `classes` outputs.
    pub fn new(arch: Arch, classes: usize, device: &Device) -> Self {
        match arch {
            Arch::Student(StudentKind::Mlp) => Net::Mlp(Mlp::new(classes, 28 * 28, device)),
            Arch::Student(StudentKind::Cnn) => {
                Net::Cnn(SmallCnn::new(classes, SMALL_CHANNELS, 28, device))
            }
            Arch::Heavy => Net::Heavy(HeavyCnn::new(classes, 28, device)),
        }
    }

    pub fn forward(&self, images: Tensor<4>) -> Tensor<2> {
        match self {
            Net::Mlp(m) => m.forward(images),
            Net::Cnn(m) => m.forward(images),
            Net::Heavy(m) => m.forward(images),
        }
    }
}
