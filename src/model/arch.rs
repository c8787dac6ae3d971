//! What the networks are, as sizes and names only: the architectures the app offers and their weight
//! counts. No Burn here, so the page (built without it) can show them; `net.rs` builds them.

use serde::{Deserialize, Serialize};

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
pub const SMALL_CHANNELS: [usize; 2] = [8, 16];
/// The MLP student's hidden width.
pub const MLP_HIDDEN: usize = 128;
/// Vanilla KD's heavy teacher: its two convolution widths and its hidden width.
pub const HEAVY_CHANNELS: [usize; 2] = [16, 32];
pub const HEAVY_HIDDEN: usize = 128;

/// Features per image after the two convolutions (each followed by 2 × 2 pooling) of a CNN on a square
/// input of `side` pixels.
pub fn conv_features_len(channels: [usize; 2], side: usize) -> usize {
    channels[1] * (side / 4) * (side / 4)
}

/// Which architecture to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Arch {
    Student(StudentKind),
    Heavy,
}

/// Number of trainable weights of `arch` for `classes` outputs, from the layer sizes: the page shows
/// it without linking a Burn backend (`tests/weights.rs` checks it against the built networks).
pub fn parameter_count(arch: Arch, classes: usize) -> usize {
    let linear = |inputs: usize, outputs: usize| inputs * outputs + outputs;
    // Two 3 × 3 convolutions, 1 → a → b channels, with biases.
    let features = |[a, b]: [usize; 2]| (9 + 1) * a + (9 * a + 1) * b;
    let side = 28;
    match arch {
        Arch::Student(StudentKind::Mlp) => {
            linear(side * side, MLP_HIDDEN) + linear(MLP_HIDDEN, classes)
        }
        Arch::Student(StudentKind::Cnn) => {
            features(SMALL_CHANNELS) + linear(conv_features_len(SMALL_CHANNELS, side), classes)
        }
        Arch::Heavy => {
            features(HEAVY_CHANNELS)
                + linear(conv_features_len(HEAVY_CHANNELS, side), HEAVY_HIDDEN)
                + linear(HEAVY_HIDDEN, classes)
        }
    }
}
