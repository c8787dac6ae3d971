//! The settings of stage 3, derived from the run's `Config` (which owns every default).

use serde::{Deserialize, Serialize};

use super::{AdvScale, TeacherInput, TfKdStudent};
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
    /// LW-KD's temperature T (its ablation and controls' too).
    pub temperature: f64,
    /// LW-KD's weight α of the distillation term (1 − α on the hard-label CE).
    pub alpha: f64,
    /// Weight β of LW-KD's adversarial term, and how it is scaled.
    pub beta: f64,
    pub adv_scale: AdvScale,
    pub teacher_input: TeacherInput,
    /// Numerals per class in LW-KD's bank of teacher outputs.
    pub bank_per_class: usize,
    /// ε of label smoothing.
    pub smoothing: f64,
    /// Tf-KD_reg's probability a of the right class, its temperature and its α.
    pub tfkd_a: f64,
    pub tfkd_temperature: f64,
    pub tfkd_alpha: f64,
    /// Vanilla KD's temperature and α.
    pub kd_temperature: f64,
    pub kd_alpha: f64,
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
