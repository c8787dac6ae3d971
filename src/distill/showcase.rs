//! The soft-target picture of a comparison: for a few test images, what each kind of teacher asks of
//! the student (the numeral the lightweight teacher saw and its softened output, Tf-KD_reg's hand-made
//! distribution), and what each finished student answers.

use burn::prelude::*;
use burn::tensor::activation::softmax;
use serde::{Deserialize, Serialize};

use super::losses::tfkd_table;
use super::targets::draw_batch;
use super::{DistillConfig, LightTeacher};
use crate::data::batch::images_tensor;
use crate::data::rng::Stream;
use crate::data::synth::{NumeralDrawer, SIDE};
use crate::data::{ImageSet, Target};
use crate::model::Net;

/// Test images shown in the soft-target view.
pub const SHOWCASE: usize = 4;

/// The soft-target picture: for a few test images, what each kind of teacher would ask of the student.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Showcase {
    /// Indices into the target's test split.
    pub indices: Vec<usize>,
    pub temperature: f64,
    /// The synthesized numeral the lightweight teacher saw for each (per-instance mode), 28 × cols.
    pub synth_images: Vec<Vec<u8>>,
    pub synth_cols: usize,
    /// The lightweight teacher's soft target softmax(z/T) (empty without a teacher).
    pub teacher: Vec<Vec<f32>>,
    /// Tf-KD_reg's hand-made distribution for the image's class.
    pub tfkd: Vec<Vec<f32>>,
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

pub async fn showcase(
    target: &Target,
    light: Option<&LightTeacher<'_>>,
    cfg: &DistillConfig,
) -> Showcase {
    let k = target.classes();
    let indices = showcase_indices(&target.test, k);
    let tf = tfkd_table(k, cfg.tfkd_a, cfg.tfkd_temperature);
    let tfkd = indices
        .iter()
        .map(|&i| {
            let y = target.test.labels[i] as usize;
            tf[y * k..(y + 1) * k].to_vec()
        })
        .collect();
    let (mut synth_images, mut teacher, mut synth_cols) = (Vec::new(), Vec::new(), SIDE);
    if let Some(l) = light
        && let Ok(drawer) = NumeralDrawer::new(l.digits, l.classes, l.max_shift)
    {
        synth_cols = drawer.cols();
        let labels: Vec<u8> = indices.iter().map(|&i| target.test.labels[i]).collect();
        let mut rng = Stream::Showcase.rng(cfg.seed);
        let bytes = draw_batch(&drawer, &labels, &mut rng);
        let device = l.model_device();
        let x = crate::data::batch::pixels_tensor(&bytes, SIDE, synth_cols, &device);
        let p = softmax(l.model.forward(x).div_scalar(cfg.temperature), 1);
        let p = crate::train::readback::floats(p).await.unwrap_or_default();
        let px = SIDE * synth_cols;
        synth_images = bytes.chunks(px).map(<[u8]>::to_vec).collect();
        teacher = p.chunks(k).map(<[f32]>::to_vec).collect();
    }
    Showcase {
        indices,
        temperature: cfg.temperature,
        synth_images,
        synth_cols,
        teacher,
        tfkd,
    }
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
    let p = softmax(model.forward(images_tensor(test, &idx, device)), 1);
    let k = p.dims()[1];
    crate::train::readback::floats(p)
        .await
        .unwrap_or_default()
        .chunks(k)
        .map(<[f32]>::to_vec)
        .collect()
}
