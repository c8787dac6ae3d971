//! Each method's loss on a batch, for the one training loop ([`crate::train::fit`]). LW-KD's
//! discriminator is trained here too, alternately with the student: one discriminator step, then the
//! student's loss against the updated discriminator.

use burn::optim::{GradientsParams, ModuleOptimizer};
use burn::prelude::*;
use burn::tensor::activation::softmax;

use super::losses::{
    cross_entropy, discriminator_accuracy, discriminator_loss, generator_loss, kd_loss,
    soft_cross_entropy,
};
use super::{DistillConfig, TargetSource, TfKdStudent};
use crate::model::{Discriminator, Net};
use crate::protocol::{Event, LossParts, Method, Stage};
use crate::train::fit::{Batch, Objective, StepLoss};

/// The loss of one method: its soft targets, its weights, and LW-KD's discriminator.
pub struct MethodLoss<'a> {
    pub method: Method,
    pub targets: TargetSource<'a>,
    pub cfg: DistillConfig,
    /// LW-KD's discriminator and its optimizer (unused by the other methods); None only while the
    /// optimizer steps it.
    pub disc: Option<Discriminator>,
    pub disc_optim: ModuleOptimizer,
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
    /// LW-KD's adversarial step on the student's softened outputs `fake` against the teacher's `real`:
    /// trains the discriminator, then returns the student's adversarial loss, the discriminator's loss
    /// and its accuracy.
    fn adversarial(
        &mut self,
        real: Tensor<2>,
        fake: Tensor<2>,
    ) -> (Tensor<1>, Tensor<1>, Tensor<1>) {
        let disc = self
            .disc
            .take()
            .expect("the discriminator is put back after each step");
        // Discriminator step: the student's outputs are detached, the teacher's are constants; both
        // go through it in one pass.
        let b = real.dims()[0];
        let both = disc.forward(Tensor::cat(vec![real, fake.clone().detach()], 0));
        let (dr, df) = (both.clone().narrow(0, 0, b), both.narrow(0, b, b));
        let d_acc = discriminator_accuracy(dr.clone().detach(), df.clone().detach());
        let d_loss = discriminator_loss(dr, df);
        let grads = GradientsParams::from_grads(d_loss.backward(), &disc);
        let disc = self.disc_optim.step(self.cfg.disc_lr, disc, grads);
        // Student step against the updated discriminator, whose weights are constants there: the
        // student's backward pass then skips D's weight gradients, which nothing would use.
        let adv = generator_loss(disc.clone().no_grad().forward(fake));
        self.disc = Some(disc);
        (adv, d_loss, d_acc)
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
        let device = ce.device();
        let (mut adv, mut d_loss, mut d_acc) = (zero(&device), zero(&device), zero(&device));
        let (t, beta) = (self.cfg.temperature, self.cfg.beta);
        if let (true, Some(real)) = (self.method.adversarial() && beta > 0.0, soft) {
            let fake = softmax(logits.clone().div_scalar(t), 1);
            (adv, d_loss, d_acc) = self.adversarial(real, fake);
            loss = loss + adv.clone().mul_scalar(beta * self.cfg.adv_scale.factor(t));
        }
        let parts = [loss.clone(), ce, soft_term, adv, d_loss].map(Tensor::detach);
        StepLoss {
            parts: Tensor::cat([parts.to_vec(), vec![d_acc]].concat(), 0),
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
