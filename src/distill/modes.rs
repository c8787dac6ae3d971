//! LW-KD's teacher-input modes and Tf-KD_reg's student side: how two methods may be run.

use serde::{Deserialize, Serialize};

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
