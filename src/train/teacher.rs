//! Stage 2: train the lightweight teacher (LeNet-5) on the synthesized set with Adam and cross-entropy.

use burn::nn::loss::CrossEntropyLossConfig;
use burn::optim::{AdamConfig, GradientsParams};
use burn::prelude::*;
use serde::{Deserialize, Serialize};
use web_time::Instant;

use super::classifier::evaluate;
use super::metrics::{correct_count, samples_per_s};
use super::readback::{floats, ints};
use crate::data::SynthSet;
use crate::data::batch::{epoch_batches, images_tensor, labels_tensor};
use crate::data::rng::data_rng;
use crate::model::{LeNet5, LeNet5Config};
use crate::pipeline::events::StepPoint;
use crate::pipeline::{Cancelled, Event, Host, Stage};

const STREAM_ORDER: u64 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TeacherConfig {
    pub epochs: usize,
    pub batch_size: usize,
    pub lr: f64,
    pub seed: u64,
    /// Steps between loss read-backs (each read-back is a device sync).
    pub report_every: usize,
}

impl Default for TeacherConfig {
    fn default() -> Self {
        Self {
            epochs: 5,
            batch_size: 64,
            lr: 3e-3,
            seed: 42,
            report_every: 10,
        }
    }
}

/// The trained teacher and how it did.
pub struct TrainedTeacher {
    /// Frozen (no autodiff), on the training device.
    pub model: LeNet5,
    pub val_acc: f32,
    pub train_acc: f32,
    /// Wall time of the stage, pauses excluded.
    pub seconds: f32,
    /// Time to the end of the first step (includes kernel compilation on a GPU).
    pub first_step_s: f32,
    /// Mean time per step after the first.
    pub ms_per_step: f32,
    pub steps: usize,
    /// The predicted class of every validation image.
    pub val_predictions: Vec<u8>,
}

/// Cosine decay from `lr` to 0 over the run: the last steps settle instead of bouncing, which is
/// worth a few points of validation accuracy in a budget of a few hundred steps.
pub fn cosine_lr(lr: f64, step: usize, total: usize) -> f64 {
    let t = step as f64 / total.max(1) as f64;
    lr * 0.5 * (1.0 + (std::f64::consts::PI * t).cos())
}

pub async fn train_teacher(
    set: &SynthSet,
    cfg: &TeacherConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<TrainedTeacher, Cancelled> {
    let stage = Stage::Teacher;
    let train = &set.train;
    let n = train.len();
    let steps_per_epoch = n.div_ceil(cfg.batch_size);
    let total_steps = steps_per_epoch * cfg.epochs;
    host.emit(Event::StageStarted { stage, total_steps });

    let ad = device.clone().autodiff();
    ad.seed(cfg.seed);
    let mut model: LeNet5 = LeNet5Config::new(set.config.classes)
        .with_width(train.cols)
        .init(&ad);
    let mut optim = AdamConfig::new().init();
    let loss_fn = CrossEntropyLossConfig::new().init(&ad);
    let mut order_rng = data_rng(cfg.seed, STREAM_ORDER);

    let start = Instant::now();
    let mut paused = std::time::Duration::ZERO;
    let elapsed = |paused: std::time::Duration| (start.elapsed() - paused).as_secs_f64();
    let mut step = 0;
    let mut first_step_s = 0.0;
    let (mut last_report_t, mut last_report_step) = (0.0, 0);
    let mut pending: Vec<(Tensor<1>, StepPoint)> = Vec::new();
    let mut train_acc = 0.0;
    let mut val_acc = 0.0;
    let mut val_predictions = Vec::new();

    for epoch in 1..=cfg.epochs {
        let mut correct: Option<Tensor<1, Int>> = None;
        for idx in epoch_batches(n, cfg.batch_size, &mut order_rng) {
            let x = images_tensor(train, &idx, &ad);
            let y = labels_tensor(train, &idx, &ad);
            let logits = model.forward(x);
            let loss = loss_fn.forward(logits.clone(), y.clone());
            let c = correct_count(logits.detach(), y);
            correct = Some(match correct {
                Some(acc) => acc + c,
                None => c,
            });
            pending.push((
                loss.clone().detach(),
                StepPoint {
                    step: step + 1,
                    epoch,
                    loss: 0.0,
                },
            ));
            let grads = GradientsParams::from_grads(loss.backward(), &model);
            model = optim.step(cosine_lr(cfg.lr, step, total_steps), model, grads);
            step += 1;

            let epoch_end = step % steps_per_epoch == 0;
            if step == 1 || pending.len() >= cfg.report_every || epoch_end {
                let (tensors, mut points): (Vec<_>, Vec<_>) = pending.drain(..).unzip();
                let losses = floats(Tensor::cat(tensors, 0)).await?;
                for (p, l) in points.iter_mut().zip(losses) {
                    p.loss = l;
                }
                let t = elapsed(paused);
                if step == 1 {
                    first_step_s = t as f32;
                }
                let rate = samples_per_s(
                    (step - last_report_step) * cfg.batch_size,
                    t - last_report_t,
                );
                (last_report_t, last_report_step) = (t, step);
                host.emit(Event::Steps {
                    stage,
                    points,
                    samples_per_s: rate,
                    elapsed_s: t as f32,
                });
            }
            paused += host.checkpoint().await?;
        }
        let correct = match correct {
            Some(c) => ints(c).await?[0],
            None => 0,
        };
        train_acc = correct as f32 / n.max(1) as f32;
        let frozen = model.valid();
        let inner = device.clone().without_autodiff();
        (val_acc, val_predictions) =
            evaluate(|x| frozen.forward(x), &set.val, &inner, host).await?;
        host.emit(Event::Evaluated {
            stage,
            epoch,
            train_acc,
            val_acc,
        });
    }

    let seconds = elapsed(paused) as f32;
    let ms_per_step = if step > 1 {
        1000.0 * (last_report_t as f32 - first_step_s) / (last_report_step - 1) as f32
    } else {
        1000.0 * first_step_s
    };
    host.emit(Event::StageDone {
        stage,
        seconds,
        summary: format!(
            "validation accuracy {:.1}% in {:.1} s ({} steps, {:.1} ms/step)",
            val_acc * 100.0,
            seconds,
            step,
            ms_per_step
        ),
    });
    Ok(TrainedTeacher {
        model: model.valid(),
        val_acc,
        train_acc,
        seconds,
        first_step_s,
        ms_per_step,
        steps: step,
        val_predictions,
    })
}
