//! Training one network on the target — a method's student, or vanilla KD's heavy teacher (which is
//! just CE on a bigger network) — through the one training loop.

use burn::prelude::*;

use super::adversarial::Adversary;
use super::objective::MethodLoss;
use super::{DistillConfig, TargetSource};
use crate::data::{ImageSet, rng::Stream, target::first_per_class};
use crate::model::{Arch, Discriminator, Net, SeededInit};
use crate::protocol::{Cancelled, Event, Host, Method, Stage};
use crate::train::{
    Schedule,
    fit::{FitSpec, Fitted, fit},
};

/// What the training loop needs besides the method.
pub struct TrainSpec<'a> {
    pub arch: Arch,
    pub method: Method,
    pub stage: Stage,
    pub train: &'a ImageSet,
    pub test: &'a ImageSet,
    pub classes: usize,
    pub epochs: usize,
}

/// Test images per class evaluated after each epoch (1,000 of Fashion-MNIST's 10,000): the curves
/// are on this sample, the final accuracy on the whole test split.
pub const EVAL_SAMPLE_PER_CLASS: usize = 100;

/// A trained network; `train_s` (pauses and the per-epoch test evaluations excluded) is its cost.
pub type Trained = Fitted<Net>;

pub async fn train_net(
    spec: TrainSpec<'_>,
    targets: TargetSource<'_>,
    cfg: &DistillConfig,
    device: &Device,
    host: &mut impl Host,
) -> Result<Trained, Cancelled> {
    let TrainSpec {
        arch,
        method,
        stage,
        train,
        test,
        classes,
        epochs,
    } = spec;
    // Per epoch on a fixed sample of the test split (the same for every method), on all of it once.
    let sample = first_per_class(test, classes, EVAL_SAMPLE_PER_CLASS);
    let fit_spec = FitSpec {
        stage,
        train,
        eval: &sample,
        final_eval: (sample.len() < test.len()).then_some(test),
        order: Stream::TargetOrder,
        schedule: Schedule {
            epochs,
            batch_size: cfg.batch_size,
            lr: cfg.lr,
            seed: cfg.seed,
            report_every: cfg.report_every,
        },
    };
    let build = |init: &SeededInit| {
        // The discriminator is drawn after the student, so that each method's student starts from
        // the same draws.
        let model = init.make(|d| Net::new(arch, classes, d));
        let loss = MethodLoss {
            method,
            targets,
            cfg: *cfg,
            adversary: Adversary::new(&init.make(|d| Discriminator::new(classes, d)), cfg.disc_lr),
        };
        (model, loss)
    };
    let f = fit(fit_spec, device, build, host).await?;
    host.emit(Event::StageDone {
        stage,
        seconds: f.train_s,
        summary: format!(
            "test accuracy {:.1}% after {} steps in {:.1} s",
            f.eval_acc * 100.0,
            f.steps,
            f.train_s
        ),
    });
    Ok(f)
}
