//! One training loop for every network trained on the target: the students of every method and
//! vanilla KD's heavy teacher (which is just CE on a bigger network). LW-KD's discriminator is trained
//! here too, alternately with the student: one discriminator step, then one student step.

use std::time::Duration;

use burn::optim::{AdamConfig, GradientsParams};
use burn::prelude::*;
use burn::tensor::activation::softmax;
use serde::{Deserialize, Serialize};
use web_time::Instant;

use super::losses::{
    cross_entropy, discriminator_accuracy, discriminator_loss, generator_loss, kd_loss,
    soft_cross_entropy,
};
use super::{DistillConfig, Method, TargetSource};
use crate::data::ImageSet;
use crate::data::batch::{epoch_batches, images_tensor, labels_tensor};
use crate::data::rng::data_rng;
use crate::model::{Arch, Discriminator, Net};
use crate::pipeline::events::{LossParts, StepPoint};
use crate::pipeline::{Cancelled, Event, Host, Stage};
use crate::train::classifier::evaluate;
use crate::train::metrics::{correct_count, samples_per_s};
use crate::train::readback::{floats, ints};
use crate::train::teacher::cosine_lr;

const STREAM_ORDER: u64 = 6;
/// Values read back per step: total, ce, soft, adv, disc, disc_acc.
const PARTS: usize = 6;

/// Accuracy after one epoch.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct EpochPoint {
    pub epoch: usize,
    pub train_acc: f32,
    pub test_acc: f32,
}

/// A trained network and its record.
pub struct Trained {
    /// Frozen (no autodiff), on the training device.
    pub model: Net,
    pub test_acc: f32,
    pub train_acc: f32,
    /// Training wall time, pauses and the per-epoch test evaluations excluded.
    pub seconds: f32,
    pub curve: Vec<EpochPoint>,
    pub test_predictions: Vec<u8>,
    pub steps: usize,
}

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

fn zero(device: &Device) -> Tensor<1> {
    Tensor::zeros([1], device)
}

pub async fn train_net(
    spec: TrainSpec<'_>,
    mut targets: TargetSource<'_>,
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
    let n = train.len();
    let steps_per_epoch = n.div_ceil(cfg.batch_size);
    let total_steps = steps_per_epoch * epochs;
    host.emit(Event::StageStarted { stage, total_steps });

    let ad = device.clone().autodiff();
    // The same seed gives every method the same initial student and the same batch order.
    ad.seed(cfg.seed);
    let mut model = Net::new(arch, classes, &ad);
    let mut disc = Discriminator::new(classes, &ad);
    let mut optim = AdamConfig::new().init();
    let mut disc_optim = AdamConfig::new().init();
    let mut order_rng = data_rng(cfg.seed, STREAM_ORDER);
    let (t, a) = (cfg.temperature, cfg.alpha);
    let adversarial = method == Method::LwKd && cfg.beta > 0.0;

    let start = Instant::now();
    let mut excluded = Duration::ZERO;
    let mut step = 0;
    let (mut last_t, mut last_step) = (0.0, 0);
    let mut pending: Vec<Tensor<1>> = Vec::new();
    let mut curve = Vec::new();
    let mut test_acc = 0.0;
    let mut train_acc = 0.0;
    let mut test_predictions = Vec::new();

    for epoch in 1..=epochs {
        let mut correct: Option<Tensor<1, Int>> = None;
        for idx in epoch_batches(n, cfg.batch_size, &mut order_rng) {
            let x = images_tensor(train, &idx, &ad);
            let y = labels_tensor(train, &idx, &ad);
            let labels: Vec<u8> = idx.iter().map(|&i| train.labels[i as usize]).collect();
            let soft = targets
                .batch(
                    x.clone().without_autodiff(),
                    &labels,
                    y.clone().without_autodiff(),
                )
                .map(Tensor::autodiff);

            let logits = model.forward(x);
            let c = correct_count(logits.clone().detach(), y.clone());
            correct = Some(correct.map_or(c.clone(), |acc| acc + c));
            let ce = cross_entropy(logits.clone(), y);
            let (mut loss, soft_term) = match (method, soft.clone()) {
                (Method::LabelSmoothing, Some(q)) => {
                    let s = soft_cross_entropy(logits.clone(), q);
                    (s.clone(), s)
                }
                (Method::TfKdReg, Some(p)) => {
                    let s = kd_loss(logits.clone(), p, cfg.tfkd_temperature);
                    (ce.clone().mul_scalar(1.0 - a) + s.clone().mul_scalar(a), s)
                }
                (_, Some(p)) => {
                    let s = kd_loss(logits.clone(), p, t);
                    (ce.clone().mul_scalar(1.0 - a) + s.clone().mul_scalar(a), s)
                }
                (_, None) => (ce.clone(), zero(&ad)),
            };
            let (mut adv, mut d_loss, mut d_acc) = (zero(&ad), zero(&ad), zero(&ad));
            if let (true, Some(real)) = (adversarial, soft) {
                let fake = softmax(logits.clone().div_scalar(t), 1);
                // Discriminator step: the student's outputs are detached, the teacher's are constants.
                let (dr, df) = (disc.forward(real), disc.forward(fake.clone().detach()));
                d_acc = discriminator_accuracy(dr.clone().detach(), df.clone().detach());
                d_loss = discriminator_loss(dr, df);
                let grads = GradientsParams::from_grads(d_loss.backward(), &disc);
                disc = disc_optim.step(cfg.disc_lr, disc, grads);
                // Student step against the updated discriminator (its gradients w.r.t. D are dropped).
                adv = generator_loss(disc.forward(fake));
                loss = loss + adv.clone().mul_scalar(cfg.beta);
            }
            pending.push(Tensor::cat(
                vec![
                    loss.clone().detach(),
                    ce.detach(),
                    soft_term.detach(),
                    adv.detach(),
                    d_loss.detach(),
                    d_acc,
                ],
                0,
            ));
            let grads = GradientsParams::from_grads(loss.backward(), &model);
            model = optim.step(cosine_lr(cfg.lr, step, total_steps), model, grads);
            step += 1;

            if step == 1 || pending.len() >= cfg.report_every || step % steps_per_epoch == 0 {
                let first = step + 1 - pending.len();
                let values = floats(Tensor::cat(std::mem::take(&mut pending), 0)).await?;
                let parts: Vec<LossParts> = values
                    .chunks(PARTS)
                    .enumerate()
                    .map(|(i, v)| LossParts {
                        step: first + i,
                        total: v[0],
                        ce: v[1],
                        soft: v[2],
                        adv: v[3],
                        disc: v[4],
                        disc_acc: v[5],
                    })
                    .collect();
                let now = (start.elapsed() - excluded).as_secs_f64();
                let rate = samples_per_s((step - last_step) * cfg.batch_size, now - last_t);
                (last_t, last_step) = (now, step);
                host.emit(Event::Steps {
                    stage,
                    points: parts
                        .iter()
                        .map(|p| StepPoint {
                            step: p.step,
                            epoch,
                            loss: p.total,
                        })
                        .collect(),
                    samples_per_s: rate,
                    elapsed_s: now as f32,
                });
                host.emit(Event::Parts {
                    stage,
                    points: parts,
                });
            }
            excluded += host.checkpoint().await?;
        }
        let correct = match correct {
            Some(c) => ints(c).await?[0],
            None => 0,
        };
        train_acc = correct as f32 / n.max(1) as f32;
        let eval_start = Instant::now();
        let frozen = model.valid();
        let inner = device.clone().without_autodiff();
        (test_acc, test_predictions) = evaluate(|x| frozen.forward(x), test, &inner, host).await?;
        excluded += eval_start.elapsed();
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
    let seconds = (start.elapsed() - excluded).as_secs_f32();
    host.emit(Event::StageDone {
        stage,
        seconds,
        summary: format!(
            "test accuracy {:.1}% after {step} steps in {seconds:.1} s",
            test_acc * 100.0
        ),
    });
    Ok(Trained {
        model: model.valid(),
        test_acc,
        train_acc,
        seconds,
        curve,
        test_predictions,
        steps: step,
    })
}
