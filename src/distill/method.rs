//! The methods compared in stage 3 (METHOD.md "Baselines") and LW-KD's teacher-input modes.

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

/// What the frozen lightweight teacher sees for a target sample of class y.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TeacherInput {
    /// A freshly drawn synthesized image of class y, every time: instance-varying soft targets.
    #[default]
    PerInstance,
    /// The teacher's mean softened output over many images of class y: one fixed row per class.
    ClassMean,
}

impl TeacherInput {
    pub const ALL: [Self; 2] = [Self::PerInstance, Self::ClassMean];

    pub fn key(self) -> &'static str {
        match self {
            Self::PerInstance => "instance",
            Self::ClassMean => "mean",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// Tf-KD_reg's student side. Its paper softens both sides with T (and scales by T², as KD does); its
/// authors' code compares the student's *unsoftened* output with the softened virtual teacher, without
/// T². The CLI reaches both (`--tfkd-student`); the app uses the paper's formula (README "Results").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TfKdStudent {
    /// T² · KL(p_d^T ‖ softmax(z / T)), as in the Tf-KD paper.
    #[default]
    Softened,
    /// KL(p_d^T ‖ softmax(z)), as in the authors' `loss_kd_regularization` (multiplier 1, batch mean).
    Plain,
}

impl TfKdStudent {
    pub const ALL: [Self; 2] = [Self::Softened, Self::Plain];

    pub fn key(self) -> &'static str {
        match self {
            Self::Softened => "softened",
            Self::Plain => "plain",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}
