//! What the stages report while they run. The UI turns these into plots; the CLI prints them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Synthesize,
    Teacher,
}

impl Stage {
    pub fn label(self) -> &'static str {
        match self {
            Stage::Synthesize => "Synthesize",
            Stage::Teacher => "Teacher",
        }
    }
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
