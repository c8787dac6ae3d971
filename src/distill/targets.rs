//! Where each method's soft targets come from, batch by batch. Every target is computed on the inner
//! (non-autodiff) device, so no gradient can ever flow into a teacher.

use burn::prelude::*;
use burn::tensor::activation::softmax;

use crate::data::ImageSet;
use crate::data::batch::{images_tensor, pixels_tensor};
use crate::data::rng::DataRng;
use crate::data::synth::{NumeralDrawer, SIDE};
use crate::model::{LeNet5, Net};

// One value per training run: its size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum TargetSource<'a> {
    /// Hard labels only.
    None,
    /// A `[K, K]` table; a batch's targets are the rows of its labels (label smoothing, Tf-KD_reg,
    /// class-mean LW-KD).
    Table(Tensor<2>),
    /// Per-instance LW-KD: a fresh synthesized image of each sample's class through the frozen teacher.
    LightTeacher {
        teacher: &'a LeNet5,
        drawer: NumeralDrawer<'a>,
        rng: DataRng,
        temperature: f64,
    },
    /// `[N, K]`, a row per training image; a batch's targets are the rows of its images (vanilla KD:
    /// the heavy teacher's softened outputs, computed once since the images never change).
    PerImage(Tensor<2>),
}

impl TargetSource<'_> {
    /// The soft targets of a batch, `[B, K]` on the images' (inner) device, or None for hard labels.
    /// Always without autodiff: even a teacher whose weights track gradients gets none from here.
    /// `index` are the batch's positions in the training set.
    pub fn batch(
        &mut self,
        index: &[u32],
        labels: &[u8],
        labels_t: Tensor<1, Int>,
    ) -> Option<Tensor<2>> {
        self.compute(index, labels, labels_t)
            .map(Tensor::without_autodiff)
    }

    fn compute(
        &mut self,
        index: &[u32],
        labels: &[u8],
        labels_t: Tensor<1, Int>,
    ) -> Option<Tensor<2>> {
        match self {
            Self::None => None,
            Self::Table(table) => Some(table.clone().select(0, labels_t)),
            Self::LightTeacher {
                teacher,
                drawer,
                rng,
                temperature,
            } => {
                let device = labels_t.device();
                let synth = draw_batch(drawer, labels, rng);
                let x = pixels_tensor(&synth, SIDE, drawer.cols(), &device);
                Some(softmax(teacher.forward(x).div_scalar(*temperature), 1))
            }
            Self::PerImage(rows) => {
                let device = rows.device();
                let index: Vec<i64> = index.iter().map(|&i| i as i64).collect();
                let len = index.len();
                let index = Tensor::from_data(TensorData::new(index, [len]), &device);
                Some(rows.clone().select(0, index))
            }
        }
    }
}

/// One freshly drawn synthesized image per label, concatenated.
pub fn draw_batch(drawer: &NumeralDrawer, labels: &[u8], rng: &mut DataRng) -> Vec<u8> {
    let px = SIDE * drawer.cols();
    let mut out = vec![0u8; labels.len() * px];
    for (i, &y) in labels.iter().enumerate() {
        drawer.draw(y as usize, rng, &mut out[i * px..(i + 1) * px]);
    }
    out
}

/// The teacher's mean softened output over `draws` synthesized images of each class: a `[K, K]` table.
pub fn class_mean_table(
    teacher: &LeNet5,
    drawer: &NumeralDrawer,
    classes: usize,
    draws: usize,
    temperature: f64,
    rng: &mut DataRng,
    device: &Device,
) -> Tensor<2> {
    let rows: Vec<Tensor<2>> = (0..classes)
        .map(|k| {
            let labels = vec![k as u8; draws.max(1)];
            let x = pixels_tensor(
                &draw_batch(drawer, &labels, rng),
                SIDE,
                drawer.cols(),
                device,
            );
            softmax(teacher.forward(x).div_scalar(temperature), 1).mean_dim(0)
        })
        .collect();
    Tensor::cat(rows, 0)
}

/// `teacher`'s softened outputs on every image of `set`, `[N, K]`, in batches of 500.
pub fn per_image_targets(
    teacher: &Net,
    set: &ImageSet,
    temperature: f64,
    device: &Device,
) -> Tensor<2> {
    let all: Vec<u32> = (0..set.len() as u32).collect();
    let rows = all
        .chunks(500)
        .map(|idx| {
            let x = images_tensor(set, idx, device);
            softmax(teacher.forward(x).div_scalar(temperature), 1)
        })
        .collect();
    Tensor::cat(rows, 0)
}

/// A host-computed `[K, K]` table as a tensor.
pub fn table_tensor(values: Vec<f32>, classes: usize, device: &Device) -> Tensor<2> {
    Tensor::from_data(TensorData::new(values, [classes, classes]), device)
}
