//! What the stages report while they run. The UI turns these into plots; the CLI prints them.

use serde::{Deserialize, Serialize};

use super::{Method, MethodResult, Showcase};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Synthesize,
    Teacher,
    /// Vanilla KD's heavy teacher, trained on the target dataset.
    HeavyTeacher,
    /// The lightweight teacher of another seed, trained by stage 3 before its students.
    SeedTeacher,
    /// A student trained with one method.
    Student(Method),
}

impl Stage {
    /// The app's stage this belongs to: 1 synthesize, 2 teacher, 3 distill.
    pub fn number(self) -> u8 {
        match self {
            Stage::Synthesize => 1,
            Stage::Teacher => 2,
            Stage::HeavyTeacher | Stage::SeedTeacher | Stage::Student(_) => 3,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Stage::Synthesize => "Synthesize",
            Stage::Teacher => "Teacher",
            Stage::HeavyTeacher => "Heavy teacher",
            Stage::SeedTeacher => "Lightweight teacher (another seed)",
            Stage::Student(m) => m.label(),
        }
    }
}

/// The loss components of one distillation step (zero where a method has no such term).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct LossParts {
    pub step: usize,
    pub total: f32,
    /// Hard-label cross-entropy.
    pub ce: f32,
    /// The soft-target term (T²·KL, or the smoothed CE of label smoothing).
    pub soft: f32,
    /// The student's adversarial loss −log D(student).
    pub adv: f32,
    /// The discriminator's loss and accuracy.
    pub disc: f32,
    pub disc_acc: f32,
}

/// One training step as seen from outside: which step, its loss, the throughput around it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StepPoint {
    pub step: usize,
    pub epoch: usize,
    pub loss: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    StageStarted {
        stage: Stage,
        total_steps: usize,
    },
    /// Steps since the last report (losses are read back from the device in groups, not every step).
    Steps {
        stage: Stage,
        points: Vec<StepPoint>,
        samples_per_s: f32,
        elapsed_s: f32,
    },
    /// Loss components since the last report (distillation stages).
    Parts {
        stage: Stage,
        points: Vec<LossParts>,
    },
    /// The soft-target picture of a comparison, before its first method.
    Showcase(Box<Showcase>),
    /// One method of the comparison finished.
    MethodDone(Box<MethodResult>),
    Evaluated {
        stage: Stage,
        epoch: usize,
        train_acc: f32,
        val_acc: f32,
    },
    StageDone {
        stage: Stage,
        seconds: f32,
        summary: String,
    },
    Failed {
        stage: Stage,
        message: String,
    },
}

impl Event {
    /// The stage a live figure (steps, loss parts, an epoch's accuracy) belongs to; None for the
    /// other events.
    pub fn live_stage(&self) -> Option<Stage> {
        match self {
            Self::Steps { stage, .. }
            | Self::Parts { stage, .. }
            | Self::Evaluated { stage, .. } => Some(*stage),
            _ => None,
        }
    }
}
