//! The methods a comparison runs (METHOD.md "Baselines"): the names its rows and stages go by.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Method {
    /// CE + T²·KL to the lightweight teacher + β·adversarial term.
    LwKd,
    /// The ablation: LW-KD with β = 0.
    LwKdNoAdv,
    /// Hard labels only.
    Ce,
    /// Targets (1 − ε)·onehot + ε/K.
    LabelSmoothing,
    /// Teacher-free KD with the hand-made virtual teacher.
    TfKdReg,
    /// Hinton's KD with a heavy teacher trained on the target first.
    VanillaKd,
}

impl Method {
    pub const ALL: [Self; 6] = [
        Self::LwKd,
        Self::LwKdNoAdv,
        Self::Ce,
        Self::LabelSmoothing,
        Self::TfKdReg,
        Self::VanillaKd,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Self::LwKd => "lwkd",
            Self::LwKdNoAdv => "lwkd-noadv",
            Self::Ce => "ce",
            Self::LabelSmoothing => "ls",
            Self::TfKdReg => "tfkd",
            Self::VanillaKd => "kd",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::LwKd => "LW-KD",
            Self::LwKdNoAdv => "LW-KD without adversarial term",
            Self::Ce => "CE (hard labels)",
            Self::LabelSmoothing => "Label smoothing",
            Self::TfKdReg => "Tf-KD_reg",
            Self::VanillaKd => "Vanilla KD (heavy teacher)",
        }
    }

    /// Uses the lightweight teacher trained on the synthesized numerals.
    pub fn uses_light_teacher(self) -> bool {
        matches!(self, Self::LwKd | Self::LwKdNoAdv)
    }

    pub fn uses_heavy_teacher(self) -> bool {
        self == Self::VanillaKd
    }
}
