//! Why a stage ended early, as the pipeline's callers (the CLI, the training worker) report it.

use serde::{Deserialize, Serialize};

use super::Cancelled;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum Stop {
    #[error("cancelled")]
    Cancelled,
    /// The device stopped answering (a lost WebGPU device), with its reason.
    #[error("the device was lost: {0}")]
    DeviceLost(String),
    /// Could not run (a bad combination, a worker failure): the message for the person.
    #[error("{0}")]
    Failed(String),
}

impl Stop {
    /// A comparison that cannot start, in words (the session's check and the page's pool).
    pub fn cannot_distill(why: &str) -> Self {
        Stop::Failed(format!("Cannot distill yet: {why}."))
    }
}

impl From<Cancelled> for Stop {
    /// A stage stops like a cancel both when asked to and when its device is lost; the read-back
    /// remembers which.
    fn from(_: Cancelled) -> Self {
        match super::device_loss::device_lost() {
            Some(reason) => Stop::DeviceLost(reason),
            None => Stop::Cancelled,
        }
    }
}
