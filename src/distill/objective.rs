//! Each method's loss on a batch, for the one training loop ([`crate::train::fit`]). LW-KD's
//! discriminator is trained here too, alternately with the student: one discriminator step, then the
//! student's gradient against the updated discriminator ([`super::adversarial`], written by hand).

use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::adversarial::{Adversary, through_softmax};
use super::losses::{cross_entropy, kd_loss, soft_cross_entropy};
use super::{DistillConfig, TargetSource, TfKdStudent};
use crate::model::Net;
use crate::protocol::{Event, LossParts, Method, Stage};
use crate::train::fit::{Batch, Objective, StepLoss};

/// The loss of one method: its soft targets, its weights, and LW-KD's discriminator.
pub struct MethodLoss<'a> {
    pub method: Method,
    pub targets: TargetSource<'a>,
    pub cfg: DistillConfig,
    /// LW-KD's discriminator (unused by the other methods).
    pub adversary: Adversary,
}

fn zero(device: &Device) -> Tensor<1> {
    Tensor::zeros([1], device)
}

impl Method {
    /// The method's loss from the logits, the hard-label CE and its soft targets (if any), and the
    /// soft-target term alone (for the charts).
    pub fn loss(
        self,
        logits: Tensor<2>,
        ce: Tensor<1>,
        soft: Option<Tensor<2>>,
        cfg: &DistillConfig,
    ) -> (Tensor<1>, Tensor<1>) {
        let blend = |a: f64, s: Tensor<1>| {
            let total = ce.clone().mul_scalar(1.0 - a) + s.clone().mul_scalar(a);
            (total, s)
        };
        match (self, soft) {
            (Method::LabelSmoothing, Some(q)) => {
                let s = soft_cross_entropy(logits, q);
                (s.clone(), s)
            }
            (Method::TfKdReg, Some(p)) => blend(
                cfg.tfkd_alpha,
                match cfg.tfkd_student {
                    TfKdStudent::Softened => kd_loss(logits, p, cfg.tfkd_temperature),
                    TfKdStudent::Plain => kd_loss(logits, p, 1.0),
                },
            ),
            (Method::VanillaKd, Some(p)) => {
                blend(cfg.kd_alpha, kd_loss(logits, p, cfg.kd_temperature))
            }
            (_, Some(p)) => blend(cfg.alpha, kd_loss(logits, p, cfg.temperature)),
            (_, None) => {
                let device = ce.device();
                (ce.clone(), zero(&device))
            }
        }
    }
}

impl MethodLoss<'_> {
    /// LW-KD's adversarial round on the student's `logits` against the teacher's `real` targets:
    /// steps the discriminator and returns the student's adversarial loss (its value), that loss's
    /// gradient with respect to the logits, D's loss and its accuracy.
    fn adversarial(
        &mut self,
        real: Tensor<2>,
        logits: Tensor<2>,
    ) -> (Tensor<1>, Tensor<2>, Tensor<1>, Tensor<1>) {
        let t = self.cfg.temperature;
        let fake = softmax(logits.div_scalar(t), 1);
        let round = self.adversary.play(real, fake.clone());
        let logit_grad = through_softmax(fake, round.fake_grad, t);
        (round.adv, logit_grad, round.d_loss, round.d_acc)
    }
}

/// Values read back per step: total, ce, soft, adv, disc, disc_acc.
const PARTS: usize = 6;

impl Objective<Net> for MethodLoss<'_> {
    const PARTS: usize = PARTS;

    fn step(&mut self, model: &Net, batch: Batch) -> StepLoss {
        let Batch {
            images,
            labels,
            classes,
            index,
        } = batch;
        let soft = self
            .targets
            .batch(&index, &classes, labels.clone().without_autodiff())
            .map(Tensor::autodiff);
        let logits = model.forward(images);
        let ce = cross_entropy(logits.clone(), labels);
        let (mut loss, soft_term) =
            self.method
                .loss(logits.clone(), ce.clone(), soft.clone(), &self.cfg);
        let inner = ce.device().without_autodiff();
        let (mut adv, mut d_loss, mut d_acc) = (zero(&inner), zero(&inner), zero(&inner));
        let mut shown = loss.clone().inner();
        let (t, beta) = (self.cfg.temperature, self.cfg.beta);
        if let (true, Some(real)) = (self.method.adversarial() && beta > 0.0, soft) {
            let weight = beta * self.cfg.adv_scale.factor(t);
            let logit_grad;
            (adv, logit_grad, d_loss, d_acc) =
                self.adversarial(real.inner(), logits.clone().inner());
            shown = shown + adv.clone().mul_scalar(weight);
            // Σ logits ⊙ g, with g a constant, back-propagates exactly g into the logits.
            let g = logit_grad.mul_scalar(weight).autodiff();
            loss = loss + (logits.clone() * g).sum();
        }
        let parts = [shown, ce.inner(), soft_term.inner(), adv, d_loss, d_acc];
        StepLoss {
            parts: Tensor::cat(parts.to_vec(), 0),
            loss,
            logits,
        }
    }

    fn report(&self, stage: Stage, first: usize, values: &[f32]) -> Option<Event> {
        let points = values
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
        Some(Event::Parts { stage, points })
    }
}
