//! How long and how fast a network trains, and the learning-rate schedule shared by every network the
//! app trains.

use serde::{Deserialize, Serialize};

/// How long and how fast to train.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub epochs: usize,
    pub batch_size: usize,
    /// Adam's learning rate at the start (cosine-decayed to 0).
    pub lr: f64,
    /// Seeds the initial weights and the batch order.
    pub seed: u64,
    /// Steps between loss read-backs (each read-back is a device sync).
    pub report_every: usize,
}

/// The teacher's budget.
pub type TeacherConfig = Schedule;

/// Cosine decay from `lr` to 0 over the run: the last steps settle instead of bouncing, which is
/// worth a few points of validation accuracy in a budget of a few hundred steps.
pub fn cosine_lr(lr: f64, step: usize, total: usize) -> f64 {
    let t = step as f64 / total.max(1) as f64;
    lr * 0.5 * (1.0 + (std::f64::consts::PI * t).cos())
}
