//! The settings of stage 3, derived from the run's `Config` (which owns every default).

use serde::{Deserialize, Serialize};

use super::{TeacherInput, TfKdStudent};
use crate::model::StudentKind;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DistillConfig {
    pub student: StudentKind,
    /// Target training images per class used for training (the same subset for every method).
    pub train_per_class: usize,
    pub epochs: usize,
    pub batch_size: usize,
    /// Adam's learning rate (cosine-decayed), for students and the heavy teacher.
    pub lr: f64,
    /// Distillation temperature T of LW-KD and vanilla KD.
    pub temperature: f64,
    /// Weight α of the distillation term (1 − α on the hard-label CE).
    pub alpha: f64,
    /// Weight β of LW-KD's adversarial term.
    pub beta: f64,
    pub teacher_input: TeacherInput,
    /// ε of label smoothing.
    pub smoothing: f64,
    /// Tf-KD_reg's probability a of the right class, and its temperature.
    pub tfkd_a: f64,
    pub tfkd_temperature: f64,
    /// Epochs of vanilla KD's heavy teacher, trained on every target training image the app has.
    pub heavy_epochs: usize,
    /// Share of the target's training labels flipped to another class (the same for every method).
    pub label_noise: f64,
    /// How Tf-KD_reg's student side is compared with its virtual teacher.
    pub tfkd_student: TfKdStudent,
    /// Adam's learning rate of the discriminator.
    pub disc_lr: f64,
    /// Synthesized images per class averaged in class-mean mode.
    pub class_mean_draws: usize,
    pub seed: u64,
    /// Steps between loss read-backs.
    pub report_every: usize,
}
