//! The one training loop (after Burn's `examples/custom-training-loop`): batching, the batched loss
//! read-back, throughput, checkpoints and per-epoch evaluation for every network the app trains — the
//! lightweight teacher, each method's student and vanilla KD's heavy teacher. What differs between
//! them is only the loss of a batch, which an [`Objective`] supplies.

use std::time::Duration;

use burn::optim::{AdamConfig, GradientsParams};
use burn::prelude::*;
use web_time::Instant;

use super::evaluate::evaluate;
use super::metrics::{correct_count, samples_per_s};
use super::readback::{floats, ints};
use super::schedule::{Schedule, cosine_lr};
use crate::data::{
    ImageSet,
    batch::{epoch_batches, images_tensor, labels_tensor},
    rng::Stream,
};
use crate::model::{Classifier, SeededInit};
use crate::protocol::{Cancelled, EpochPoint, Event, Host, Stage, StepPoint};

/// One training batch, on the autodiff device.
pub struct Batch {
    pub images: Tensor<4>,
    pub labels: Tensor<1, Int>,
    /// The same labels on the host (per-instance targets are drawn from them).
    pub classes: Vec<u8>,
    /// The images' positions in the training set (per-image targets are looked up by them).
    pub index: Vec<u32>,
}

impl Batch {
    /// The images `idx` of `set`.
    fn of(set: &ImageSet, idx: &[u32], device: &Device) -> Self {
        Self {
            images: images_tensor(set, idx, device),
            labels: labels_tensor(set, idx, device),
            classes: idx.iter().map(|&i| set.labels[i as usize]).collect(),
            index: idx.to_vec(),
        }
    }
}

/// What an objective computes for one batch.
pub struct StepLoss {
    /// What back-propagates into the model.
    pub loss: Tensor<1>,
    /// The model's logits on the batch, for the training accuracy.
    pub logits: Tensor<2>,
    /// `[Objective::PARTS]` values read back for this step; the first is the loss shown.
    pub parts: Tensor<1>,
}

/// The part of training that differs between networks: the loss of a batch.
pub trait Objective<M> {
    /// Values read back per step.
    const PARTS: usize;
    /// The loss of `batch` under `model` (and any side step, such as LW-KD's discriminator).
    fn step(&mut self, model: &M, batch: Batch) -> StepLoss;
    /// An event besides [`Event::Steps`] for read-back steps `first..`, `values` in `PARTS` chunks.
    fn report(&self, _stage: Stage, _first: usize, _values: &[f32]) -> Option<Event> {
        None
    }
}

/// What to train on and how.
pub struct FitSpec<'a> {
    pub stage: Stage,
    pub train: &'a ImageSet,
    /// Evaluated after every epoch (validation numerals, or a fixed sample of the target's test split).
    pub eval: &'a ImageSet,
    /// Evaluated once after the last epoch, for the final accuracy and predictions (the whole test
    /// split when `eval` is a sample of it).
    pub final_eval: Option<&'a ImageSet>,
    pub order: Stream,
    pub schedule: Schedule,
}

/// A trained network and its record.
pub struct Fitted<M> {
    /// Frozen (no autodiff), on the training device.
    pub model: M,
    pub train_acc: f32,
    /// Accuracy after the last epoch, on `final_eval` if given, else on `eval`.
    pub eval_acc: f32,
    /// The predicted class of every image of that set.
    pub predictions: Vec<u8>,
    pub curve: Vec<EpochPoint>,
    pub steps: usize,
    /// Training time, pauses and evaluations excluded.
    pub train_s: f32,
    /// Time spent in the per-epoch evaluations.
    pub eval_s: f32,
    /// Time to the end of the first step (includes kernel compilation on a GPU).
    pub first_step_s: f32,
    /// Mean time per step after the first.
    pub ms_per_step: f32,
}

/// Trains the model that `build` makes (its weights drawn from the run's seed on the host, the same on
/// every backend) on the autodiff device, with Adam and `objective`'s loss, emitting `StageStarted`,
/// `Steps` (and the objective's reports) and `Evaluated` per epoch.
pub async fn fit<M, O>(
    spec: FitSpec<'_>,
    device: &Device,
    build: impl FnOnce(&SeededInit) -> (M, O),
    host: &mut impl Host,
) -> Result<Fitted<M>, Cancelled>
where
    M: Classifier,
    O: Objective<M>,
{
    let (stage, train, s) = (spec.stage, spec.train, spec.schedule);
    let n = train.len();
    let mut meter = Meter::new(stage, n.div_ceil(s.batch_size), s);
    host.emit(Event::StageStarted {
        stage,
        total_steps: meter.total_steps,
    });
    let ad = device.clone().autodiff();
    // The same seed gives every run the same initial weights and the same batch order.
    let (mut model, mut objective) = build(&SeededInit::new(s.seed, &ad));
    let mut optim = AdamConfig::new().init();
    let mut order_rng = spec.order.rng(s.seed);
    let (mut curve, mut predictions) = (Vec::new(), Vec::new());
    for epoch in 1..=s.epochs {
        let mut correct: Option<Tensor<1, Int>> = None;
        for idx in epoch_batches(n, s.batch_size, &mut order_rng) {
            let batch = Batch::of(train, &idx, &ad);
            let labels = batch.labels.clone();
            let out = objective.step(&model, batch);
            let c = correct_count(out.logits.detach(), labels);
            correct = Some(correct.map_or(c.clone(), |acc| acc + c));
            meter.pending.push(out.parts);
            let grads = GradientsParams::from_grads(out.loss.backward(), &model);
            let lr = cosine_lr(s.lr, meter.step, meter.total_steps);
            model = optim.step(lr, model, grads);
            meter.step += 1;
            meter.report(epoch, &objective, host).await?;
            meter.excluded += host.checkpoint().await?;
        }
        let train_acc = match correct {
            Some(c) => ints(c).await?[0] as f32 / n.max(1) as f32,
            None => 0.0,
        };
        let eval_start = Instant::now();
        let test_acc;
        (test_acc, predictions) = evaluation(&model, spec.eval, device, host).await?;
        meter.evaluation(eval_start.elapsed());
        curve.push(EpochPoint {
            epoch,
            train_acc,
            test_acc,
        });
        host.emit(Event::Evaluated {
            stage,
            epoch,
            train_acc,
            val_acc: test_acc,
        });
    }
    let last = curve.last().copied();
    let mut eval_acc = last.map_or(0.0, |p| p.test_acc);
    if let Some(all) = spec.final_eval {
        let eval_start = Instant::now();
        (eval_acc, predictions) = evaluation(&model, all, device, host).await?;
        meter.evaluation(eval_start.elapsed());
    }
    Ok(Fitted {
        model: model.valid(),
        train_acc: last.map_or(0.0, |p| p.train_acc),
        eval_acc,
        predictions,
        curve,
        steps: meter.step,
        train_s: meter.now() as f32,
        eval_s: meter.eval.as_secs_f32(),
        first_step_s: meter.first_step_s,
        ms_per_step: meter.ms_per_step(),
    })
}

/// The frozen model's accuracy on `eval` and its predictions, on the device without autodiff.
async fn evaluation<M: Classifier>(
    model: &M,
    eval: &ImageSet,
    device: &Device,
    host: &mut impl Host,
) -> Result<(f32, Vec<u8>), Cancelled> {
    let (frozen, inner) = (model.valid(), device.clone().without_autodiff());
    evaluate(|x| frozen.logits(x), eval, &inner, host).await
}

/// The loop's clock and loss read-back: losses stay on the device and come back in groups.
struct Meter {
    stage: Stage,
    schedule: Schedule,
    steps_per_epoch: usize,
    total_steps: usize,
    step: usize,
    start: Instant,
    /// Pauses and evaluations, left out of training time and throughput.
    excluded: Duration,
    eval: Duration,
    first_step_s: f32,
    last_report: (f64, usize),
    pending: Vec<Tensor<1>>,
}

impl Meter {
    fn new(stage: Stage, steps_per_epoch: usize, schedule: Schedule) -> Self {
        Self {
            stage,
            schedule,
            steps_per_epoch,
            total_steps: steps_per_epoch * schedule.epochs,
            step: 0,
            start: Instant::now(),
            excluded: Duration::ZERO,
            eval: Duration::ZERO,
            first_step_s: 0.0,
            last_report: (0.0, 0),
            pending: Vec::new(),
        }
    }

    /// Training seconds so far.
    fn now(&self) -> f64 {
        (self.start.elapsed() - self.excluded).as_secs_f64()
    }

    fn evaluation(&mut self, took: Duration) {
        self.excluded += took;
        self.eval += took;
    }

    /// Reads the pending losses back after the first step, every `report_every` steps and at each
    /// epoch's end, and emits them.
    async fn report<M, O: Objective<M>>(
        &mut self,
        epoch: usize,
        objective: &O,
        host: &mut impl Host,
    ) -> Result<(), Cancelled> {
        let step = self.step;
        let due = step == 1
            || self.pending.len() >= self.schedule.report_every
            || step.is_multiple_of(self.steps_per_epoch);
        if !due {
            return Ok(());
        }
        let first = step + 1 - self.pending.len();
        let values = floats(Tensor::cat(std::mem::take(&mut self.pending), 0)).await?;
        let t = self.now();
        if step == 1 {
            self.first_step_s = t as f32;
        }
        let (last_t, last_step) = self.last_report;
        let rate = samples_per_s((step - last_step) * self.schedule.batch_size, t - last_t);
        self.last_report = (t, step);
        let points = values
            .chunks(O::PARTS)
            .enumerate()
            .map(|(i, v)| StepPoint {
                step: first + i,
                epoch,
                loss: v[0],
            })
            .collect();
        host.emit(Event::Steps {
            stage: self.stage,
            points,
            samples_per_s: rate,
            elapsed_s: t as f32,
        });
        if let Some(event) = objective.report(self.stage, first, &values) {
            host.emit(event);
        }
        Ok(())
    }

    fn ms_per_step(&self) -> f32 {
        let (last_t, last_step) = self.last_report;
        if last_step > 1 {
            1000.0 * (last_t as f32 - self.first_step_s) / (last_step - 1) as f32
        } else {
            1000.0 * self.first_step_s
        }
    }
}
