//! How two methods may be run: what LW-KD's teacher sees and how its adversarial term is weighted, and
//! Tf-KD_reg's student side.

use serde::{Deserialize, Serialize};

/// What the frozen lightweight teacher sees for a target sample of class y.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TeacherInput {
    /// A bank of the teacher's outputs on synthesized numerals, labelled once in one pass; each
    /// sample's target is a seeded draw from its class's rows: instance-varying targets at the cost of
    /// a table look-up.
    #[default]
    Bank,
    /// A freshly drawn synthesized image of class y through the teacher, every time.
    PerInstance,
    /// The teacher's mean softened output over many images of class y: one fixed row per class.
    ClassMean,
}

impl TeacherInput {
    pub const ALL: [Self; 3] = [Self::Bank, Self::PerInstance, Self::ClassMean];

    pub fn key(self) -> &'static str {
        match self {
            Self::Bank => "bank",
            Self::PerInstance => "instance",
            Self::ClassMean => "mean",
        }
    }

    /// In the form's select.
    pub fn label(self) -> &'static str {
        match self {
            Self::Bank => "numerals labelled once, drawn per sample",
            Self::PerInstance => "a fresh numeral per sample",
            Self::ClassMean => "class mean (fixed per class)",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

/// How LW-KD's adversarial term −log D(softmax(z / T)) is weighted. Its gradient reaches the logits
/// through a softmax at T, so it shrinks as 1/T, while the distillation term's is scaled by T² and
/// grows as T: `T2` scales the adversarial term by T² too, so β means the same at every T.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum AdvScale {
    /// β · L_adv.
    #[default]
    Plain,
    /// β · T² · L_adv.
    T2,
}

impl AdvScale {
    pub const ALL: [Self; 2] = [Self::Plain, Self::T2];

    pub fn key(self) -> &'static str {
        match self {
            Self::Plain => "plain",
            Self::T2 => "t2",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }

    /// The factor on β·L_adv at temperature `t`.
    pub fn factor(self, t: f64) -> f64 {
        match self {
            Self::Plain => 1.0,
            Self::T2 => t * t,
        }
    }
}

/// Tf-KD_reg's student side. Its paper softens both sides with T (and scales by T², as KD does); its
/// authors' code compares the student's *unsoftened* output with the softened virtual teacher, without
/// T². The CLI reaches both (`--tfkd-student`); the app uses the paper's formula (docs/science.md).
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
