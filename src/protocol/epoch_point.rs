//! One point of a training curve.

use serde::{Deserialize, Serialize};

/// Accuracy after one epoch.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EpochPoint {
    pub epoch: usize,
    pub train_acc: f32,
    pub test_acc: f32,
}
