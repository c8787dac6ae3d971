//! Stage 2: train the lightweight teacher (LeNet-5) on the synthesized set with Adam and cross-entropy.

use burn::nn::loss::{CrossEntropyLoss, CrossEntropyLossConfig};
use burn::prelude::*;

use super::TeacherConfig;
use super::fit::{Batch, FitSpec, Objective, StepLoss, fit};
use crate::data::{SynthSet, rng::Stream};
use crate::model::{LeNet5, LeNet5Config, SeededInit};
use crate::protocol::{Cancelled, Event, Host, Stage};

/// The trained teacher and how it did.
pub struct TrainedTeacher {
    /// Frozen (no autodiff), on the training device.
    pub model: LeNet5,
    pub val_acc: f32,
    pub train_acc: f32,
    /// Wall time of the stage (training and its evaluations), pauses excluded.
    pub seconds: f32,
    /// Time to the end of the first step (includes kernel compilation on a GPU).
    pub first_step_s: f32,
    /// Mean time per step after the first.
    pub ms_per_step: f32,
    pub steps: usize,
    /// The predicted class of every validation image.
    pub val_predictions: Vec<u8>,
}

/// Plain cross-entropy on the numerals' labels.
struct HardLabels(CrossEntropyLoss);

impl Objective<LeNet5> for HardLabels {
    const PARTS: usize = 1;

    fn step(&mut self, model: &LeNet5, batch: Batch) -> StepLoss {
        let logits = model.forward(batch.images);
        let loss = self.0.forward(logits.clone(), batch.labels);
        StepLoss {
            parts: loss.clone().detach(),
            loss,
            logits,
        }
    }
}

/// Stage 2: the lightweight teacher on `set`.
pub async fn train_teacher(
    set: &SynthSet,
    cfg: &TeacherConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<TrainedTeacher, Cancelled> {
    fit_teacher(set, cfg, Stage::Teacher, device, host).await
}

/// A lightweight teacher on `set`, reporting as `stage` (stage 2's, or one a comparison trains for
/// another seed).
pub async fn fit_teacher(
    set: &SynthSet,
    cfg: &TeacherConfig,
    stage: Stage,
    device: &Device,
    host: &mut impl Host,
) -> Result<TrainedTeacher, Cancelled> {
    let spec = FitSpec {
        stage,
        train: &set.train,
        eval: &set.val,
        final_eval: None,
        order: Stream::TeacherOrder,
        schedule: *cfg,
    };
    let build = |init: &SeededInit| {
        let model = init.make(|d| {
            LeNet5Config::new(set.config.classes)
                .with_width(set.train.cols)
                .init(d)
        });
        (
            model,
            HardLabels(CrossEntropyLossConfig::new().init(init.device())),
        )
    };
    let f = fit(spec, device, build, host).await?;
    let seconds = f.train_s + f.eval_s;
    host.emit(Event::StageDone {
        stage,
        seconds,
        summary: format!(
            "validation accuracy {:.1}% in {:.1} s ({} steps, {:.1} ms/step)",
            f.eval_acc * 100.0,
            seconds,
            f.steps,
            f.ms_per_step
        ),
    });
    Ok(TrainedTeacher {
        model: f.model,
        val_acc: f.eval_acc,
        train_acc: f.train_acc,
        seconds,
        first_step_s: f.first_step_s,
        ms_per_step: f.ms_per_step,
        steps: f.steps,
        val_predictions: f.predictions,
    })
}
