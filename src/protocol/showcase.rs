//! The soft-target picture of a comparison: for a few test images, what each kind of teacher asks of
//! the student (the numeral the lightweight teacher saw and its softened output, Tf-KD_reg's hand-made
//! distribution), and what each finished student answers. The
//! outputs themselves come from `showcase_outputs.rs`.

use serde::{Deserialize, Serialize};

use crate::data::ImageSet;

/// Test images shown in the soft-target view.
pub const SHOWCASE: usize = 4;

/// Fresh numerals of one class drawn for the explorer (per-instance variation of the teacher's output).
pub const CLASS_DRAWS: usize = 6;

/// The soft-target picture: for a few test images, what each kind of teacher would ask of the student.
/// Outputs are kept raw (logits, and Tf-KD's scores before its softmax), so the page re-softens them at
/// any temperature ([`super::soften`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Showcase {
    /// Indices into the target's test split.
    pub indices: Vec<usize>,
    /// The temperature LW-KD trained with.
    pub temperature: f64,
    /// The synthesized numeral the lightweight teacher saw for each (per-instance mode), 28 × cols.
    pub synth_images: Vec<Vec<u8>>,
    pub synth_cols: usize,
    /// The lightweight teacher's logits on each numeral (empty without a teacher).
    #[serde(default)]
    pub teacher_logits: Vec<Vec<f32>>,
    /// Tf-KD_reg's virtual teacher p_d for the image's class; its targets are softmax(p_d / T).
    #[serde(default)]
    pub tfkd_scores: Vec<Vec<f32>>,
    /// Fresh numerals of one class (that of the first test image) and the teacher's logits on each.
    #[serde(default)]
    pub class_draws: Vec<Vec<u8>>,
    #[serde(default)]
    pub class_draw_logits: Vec<Vec<f32>>,
}

/// The showcase test images: the first test image of classes spread over 0..K.
pub fn showcase_indices(test: &ImageSet, classes: usize) -> Vec<usize> {
    let wanted: Vec<u8> = (0..SHOWCASE.min(classes))
        .map(|i| (i * classes / SHOWCASE.min(classes)) as u8)
        .collect();
    wanted
        .iter()
        .filter_map(|&c| test.labels.iter().position(|&l| l == c))
        .collect()
}
