//! Where each method's soft targets come from, batch by batch. Every target is computed on the inner
//! (non-autodiff) device, so no gradient can ever flow into a teacher.

use burn::prelude::*;
use burn::tensor::activation::softmax;

use crate::data::ImageSet;
use crate::data::batch::{images_tensor, pixels_tensor};
use crate::data::rng::{DataRng, below};
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
    /// Per-instance LW-KD: a fresh synthesized image of each sample's class through the frozen teacher
    /// (its classes renamed, for the shuffled control).
    LightTeacher {
        teacher: &'a LeNet5,
        drawer: NumeralDrawer<'a>,
        rng: DataRng,
        temperature: f64,
        rename: Option<Rename>,
    },
    /// LW-KD's bank: `[K · per_class, K]` soft targets, `per_class` rows per class in class order; a
    /// sample of class y takes row y · per_class + a seeded draw below `per_class`.
    Bank {
        rows: Tensor<2>,
        per_class: usize,
        rng: DataRng,
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
                rename,
            } => {
                let device = labels_t.device();
                let drawn: Vec<u8> = match rename {
                    Some(r) => labels.iter().map(|&y| r.source(y)).collect(),
                    None => labels.to_vec(),
                };
                let synth = draw_batch(drawer, &drawn, rng);
                let x = pixels_tensor(&synth, SIDE, drawer.cols(), &device);
                let p = softmax(teacher.forward(x).div_scalar(*temperature), 1);
                Some(match rename {
                    Some(r) => r.columns(p),
                    None => p,
                })
            }
            Self::Bank {
                rows,
                per_class,
                rng,
            } => {
                let index: Vec<i64> = labels
                    .iter()
                    .map(|&y| (y as usize * *per_class + below(rng, *per_class)) as i64)
                    .collect();
                Some(rows.clone().select(0, int_tensor(index, &rows.device())))
            }
            Self::PerImage(rows) => {
                let index = index.iter().map(|&i| i as i64).collect();
                Some(rows.clone().select(0, int_tensor(index, &rows.device())))
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

/// `values` as a 1-D int tensor.
fn int_tensor(values: Vec<i64>, device: &Device) -> Tensor<1, Int> {
    let len = values.len();
    Tensor::from_data(TensorData::new(values, [len]), device)
}

/// The shuffled control's renaming of classes: target class y is taught with numerals of class
/// π(y), and the teacher's output for class π(j) becomes its answer for class j. So its soft target for
/// class y still peaks at y, but the rest — which classes the teacher finds alike — is scrambled.
#[derive(Debug, Clone, PartialEq)]
pub struct Rename(pub Vec<usize>);

impl Rename {
    /// A seeded cyclic permutation of `classes` classes (Sattolo's algorithm): no class keeps its name.
    pub fn random(classes: usize, rng: &mut DataRng) -> Self {
        let mut perm: Vec<usize> = (0..classes).collect();
        for i in (1..classes).rev() {
            perm.swap(i, below(rng, i));
        }
        Self(perm)
    }

    /// The class whose numerals teach target class `y`.
    pub fn source(&self, y: u8) -> u8 {
        self.0[y as usize] as u8
    }

    /// `probs`' columns renamed: column j becomes the teacher's column π(j).
    pub fn columns(&self, probs: Tensor<2>) -> Tensor<2> {
        let index = self.0.iter().map(|&c| c as i64).collect();
        let device = probs.device();
        probs.select(1, int_tensor(index, &device))
    }

    /// A class-grouped table (`per_class` rows per class, in class order) renamed: block y becomes the
    /// teacher's block π(y), its columns renamed too.
    pub fn table(&self, rows: Tensor<2>, per_class: usize) -> Tensor<2> {
        let index = self
            .0
            .iter()
            .flat_map(|&src| (0..per_class).map(move |m| (src * per_class + m) as i64))
            .collect();
        let device = rows.device();
        self.columns(rows.select(0, int_tensor(index, &device)))
    }
}

/// LW-KD's bank: the teacher's softened outputs on `per_class` synthesized numerals of every class,
/// class by class, `[K · per_class, K]`, computed in batches of 500 in one pass.
pub fn bank_rows(
    teacher: &LeNet5,
    drawer: &NumeralDrawer,
    classes: usize,
    per_class: usize,
    temperature: f64,
    rng: &mut DataRng,
    device: &Device,
) -> Tensor<2> {
    let labels: Vec<u8> = (0..classes)
        .flat_map(|k| std::iter::repeat_n(k as u8, per_class))
        .collect();
    let pixels = draw_batch(drawer, &labels, rng);
    let image = SIDE * drawer.cols();
    let rows = pixels
        .chunks(500 * image)
        .map(|chunk| {
            let x = pixels_tensor(chunk, SIDE, drawer.cols(), device);
            softmax(teacher.forward(x).div_scalar(temperature), 1)
        })
        .collect();
    Tensor::cat(rows, 0)
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
