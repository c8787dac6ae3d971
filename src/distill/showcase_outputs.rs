//! The networks' outputs for the soft-target picture ([`Showcase`]): the lightweight teacher on the
//! numerals it saw, Tf-KD_reg's virtual teacher, and each finished student on the showcase images.

use burn::prelude::*;

use super::losses::virtual_teacher_scores;
use super::targets::draw_batch;
use super::{DistillConfig, LightTeacher};
use crate::data::{
    ImageSet, Target,
    batch::images_tensor,
    rng::Stream,
    synth::{NumeralDrawer, SIDE},
};
use crate::model::Net;
use crate::protocol::showcase::{CLASS_DRAWS, Showcase, showcase_indices};

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
