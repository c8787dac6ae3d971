//! The soft-target picture of a comparison: for a few test images, what each kind of teacher asks of
//! the student (the numeral the lightweight teacher saw and its softened output, Tf-KD_reg's hand-made
//! distribution), and what each finished student answers.

use burn::prelude::*;
use serde::{Deserialize, Serialize};

use super::losses::virtual_teacher_scores;
use super::targets::draw_batch;
use super::{DistillConfig, LightTeacher};
use crate::data::batch::images_tensor;
use crate::data::rng::Stream;
use crate::data::synth::{NumeralDrawer, SIDE};
use crate::data::{ImageSet, Target};
use crate::model::Net;

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

/// The teacher's logits on synthesized numerals of `labels`, and the numerals (28 × cols each).
async fn teacher_on(
    l: &LightTeacher<'_>,
    drawer: &NumeralDrawer<'_>,
    labels: &[u8],
    rng: &mut crate::data::rng::DataRng,
) -> (Vec<Vec<u8>>, Vec<Vec<f32>>) {
    let cols = drawer.cols();
    let bytes = draw_batch(drawer, labels, rng);
    let x = crate::data::batch::pixels_tensor(&bytes, SIDE, cols, &l.model_device());
    let z = crate::train::readback::floats(l.model.forward(x))
        .await
        .unwrap_or_default();
    let images = bytes.chunks(SIDE * cols).map(<[u8]>::to_vec).collect();
    (
        images,
        z.chunks(l.classes.max(1)).map(<[f32]>::to_vec).collect(),
    )
}

pub async fn showcase(
    target: &Target,
    light: Option<&LightTeacher<'_>>,
    cfg: &DistillConfig,
) -> Showcase {
    let k = target.classes();
    let indices = showcase_indices(&target.test, k);
    let labels: Vec<u8> = indices.iter().map(|&i| target.test.labels[i]).collect();
    let scores = virtual_teacher_scores(k, cfg.tfkd_a);
    let tfkd_scores = labels
        .iter()
        .map(|&y| scores[y as usize * k..(y as usize + 1) * k].to_vec())
        .collect();
    let mut show = Showcase {
        indices,
        temperature: cfg.temperature,
        synth_images: Vec::new(),
        synth_cols: SIDE,
        teacher_logits: Vec::new(),
        tfkd_scores,
        class_draws: Vec::new(),
        class_draw_logits: Vec::new(),
    };
    if let Some(l) = light
        && let Ok(drawer) = NumeralDrawer::new(l.digits, l.classes, l.max_shift)
    {
        show.synth_cols = drawer.cols();
        let mut rng = Stream::Showcase.rng(cfg.seed);
        (show.synth_images, show.teacher_logits) = teacher_on(l, &drawer, &labels, &mut rng).await;
        let same = vec![labels.first().copied().unwrap_or(0); CLASS_DRAWS];
        (show.class_draws, show.class_draw_logits) = teacher_on(l, &drawer, &same, &mut rng).await;
    }
    show
}

impl LightTeacher<'_> {
    fn model_device(&self) -> Device {
        self.model
            .devices()
            .into_iter()
            .next()
            .unwrap_or_else(Device::flex)
    }
}

pub async fn student_outputs(
    model: &Net,
    test: &ImageSet,
    indices: &[usize],
    device: &Device,
) -> Vec<Vec<f32>> {
    if indices.is_empty() {
        return Vec::new();
    }
    let idx: Vec<u32> = indices.iter().map(|&i| i as u32).collect();
    let z = model.forward(images_tensor(test, &idx, device));
    let k = z.dims()[1];
    crate::train::readback::floats(z)
        .await
        .unwrap_or_default()
        .chunks(k)
        .map(<[f32]>::to_vec)
        .collect()
}
