//! The networks trained on the target dataset — the students and vanilla KD's heavy teacher — behind
//! one module type, so one training loop serves them all.

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::conv_features::ConvFeatures;
use super::heavy_cnn::{CHANNELS, HIDDEN as HEAVY_HIDDEN, HeavyCnn};
use super::mlp::{HIDDEN, Mlp};
use super::small_cnn::SmallCnn;

/// The student presets offered in the app and the CLI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StudentKind {
    Mlp,
    Cnn,
}

impl StudentKind {
    pub const ALL: [Self; 2] = [Self::Cnn, Self::Mlp];

    pub fn key(self) -> &'static str {
        match self {
            Self::Mlp => "mlp",
            Self::Cnn => "cnn",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Mlp => "small MLP (784 → 128 → K)",
            Self::Cnn => "small CNN (2 conv layers, 8 and 16 channels)",
        }
    }
}

/// The small CNN student's two convolution widths.
const SMALL_CHANNELS: [usize; 2] = [8, 16];

/// Which architecture to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arch {
    Student(StudentKind),
    Heavy,
}

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

/// Number of trainable weights of `arch` for `classes` outputs, from the layer sizes: the page shows
/// it without linking a Burn backend (`tests/weights.rs` checks it against the built networks).
pub fn parameter_count(arch: Arch, classes: usize) -> usize {
    let linear = |inputs: usize, outputs: usize| inputs * outputs + outputs;
    // Two 3 × 3 convolutions, 1 → a → b channels, with biases.
    let features = |[a, b]: [usize; 2]| (9 + 1) * a + (9 * a + 1) * b;
    let side = 28;
    match arch {
        Arch::Student(StudentKind::Mlp) => linear(side * side, HIDDEN) + linear(HIDDEN, classes),
        Arch::Student(StudentKind::Cnn) => {
            features(SMALL_CHANNELS) + linear(ConvFeatures::len(SMALL_CHANNELS, side), classes)
        }
        Arch::Heavy => {
            features(CHANNELS)
                + linear(ConvFeatures::len(CHANNELS, side), HEAVY_HIDDEN)
                + linear(HEAVY_HIDDEN, classes)
        }
    }
}
