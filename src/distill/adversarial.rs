//! LW-KD's adversarial game on one batch, with its gradients written out by hand.
//!
//! The players take turns (METHOD.md): D steps on the teacher's soft targets ("real") against the
//! student's softened outputs ("fake"), then the student's gradient is taken against the updated D —
//! a gradient with respect to its softened outputs, which the student's loss takes in as a constant
//! (its own backward pass never goes through D). On these tiny tensors Burn's autodiff (a graph node
//! per operation) and an optimizer step per parameter cost about as much as the student's own step;
//! here D's six parameters live in one vector that Burn's Adam steps at once (Adam is element-wise, so
//! this is the same update).
//! `tests/adversarial.rs` checks the gradients against autodiff's and the update against Burn's.

use burn::optim::{Adam, AdamConfig, AdamState, Optimizer};
use burn::prelude::*;
use burn::tensor::activation::sigmoid;

use super::losses::{discriminator_scores, generator_loss};
use crate::model::Discriminator;
use crate::model::discriminator::NEGATIVE_SLOPE;

/// What one round of the game gives, every tensor without autodiff.
pub struct Round {
    /// The student's adversarial loss −log D(fake), batch mean (the value; see `fake_grad`).
    pub adv: Tensor<1>,
    /// Its gradient with respect to the fake probabilities, `[B, K]`, against the updated D.
    pub fake_grad: Tensor<2>,
    /// D's binary cross-entropy and its accuracy over the 2·B samples, before its step.
    pub d_loss: Tensor<1>,
    pub d_acc: Tensor<1>,
}

/// One layer's weight `[in, out]` (y = x·W + b) and bias.
pub type Layer = (Tensor<2>, Tensor<1>);

/// The discriminator in training: its parameters packed in one vector (on the device without
/// autodiff) with their Adam state.
pub struct Adversary {
    params: Tensor<1>,
    /// The three layers' `[in, out]` sizes.
    sizes: [[usize; 2]; 3],
    adam: Adam,
    state: Option<AdamState<1>>,
    lr: f64,
}

impl Adversary {
    /// Takes `disc`'s initial weights; `lr` is its Adam learning rate.
    pub fn new(disc: &Discriminator, lr: f64) -> Self {
        let layers = disc.layers().map(|l| {
            let bias = l
                .bias
                .as_ref()
                .expect("the discriminator's layers have biases");
            (l.weight.val().inner(), bias.val().inner())
        });
        Self {
            sizes: layers.each_ref().map(|(w, _)| w.dims()),
            params: pack(layers),
            adam: AdamConfig::new().build(),
            state: None,
            lr,
        }
    }

    /// The three layers, input to output.
    pub fn layers(&self) -> [Layer; 3] {
        self.unpack(self.params.clone())
    }

    /// A packed vector (parameters or their gradients) as the three layers' tensors.
    pub fn unpack(&self, packed: Tensor<1>) -> [Layer; 3] {
        let mut at = 0;
        self.sizes.map(|[i, o]| {
            let w = packed.clone().narrow(0, at, i * o).reshape([i, o]);
            let b = packed.clone().narrow(0, at + i * o, o);
            at += i * o + o;
            (w, b)
        })
    }

    /// One round, in turn: D steps on `real` against `fake` (`[B, K]` probabilities each, without
    /// autodiff), then the student's gradient is taken against the updated D.
    pub fn play(&mut self, real: Tensor<2>, fake: Tensor<2>) -> Round {
        let (d_loss, d_acc, grad) = self.discriminator_gradient(real, fake.clone());
        let (params, state) = self
            .adam
            .step(self.lr, self.params.clone(), grad, self.state.take());
        (self.params, self.state) = (params, state);
        let (adv, fake_grad) = self.student_gradient(fake);
        Round {
            adv,
            fake_grad,
            d_loss,
            d_acc,
        }
    }

    /// D's loss and accuracy on the teacher's `real` and the student's `fake` (in one pass), and
    /// the loss's packed gradient.
    pub fn discriminator_gradient(
        &self,
        real: Tensor<2>,
        fake: Tensor<2>,
    ) -> (Tensor<1>, Tensor<1>, Tensor<1>) {
        let b = real.dims()[0];
        let pass = Pass::new(Tensor::cat(vec![real, fake], 0), self.layers());
        // ½(mean softplus(−z_real) + mean softplus(z_fake)): dL/dz = ½(σ(z) − y)/B, y = 1 for real.
        let p = sigmoid(pass.z.clone());
        let (pr, pf) = (p.clone().narrow(0, 0, b), p.narrow(0, b, b));
        let dz = Tensor::cat(vec![pr.sub_scalar(1.0), pf], 0).mul_scalar(0.5 / b as f64);
        let (dz_dh2, dz_dh1) = pass.sensitivities();
        let dh2 = dz_dh2 * dz.clone();
        let dh1 = dz_dh1 * dz.clone();
        let grad = pack([
            (pass.x.transpose().matmul(dh1.clone()), column_sums(dh1)),
            (pass.a1.transpose().matmul(dh2.clone()), column_sums(dh2)),
            (
                column_sums(pass.a2 * dz.clone()).unsqueeze_dim(1),
                column_sums(dz),
            ),
        ]);
        let z = pass.z.squeeze_dim::<1>(1);
        let (d_loss, d_acc) = discriminator_scores(z.clone().narrow(0, 0, b), z.narrow(0, b, b));
        (d_loss, d_acc, grad)
    }

    /// The student's non-saturating loss mean −log D(fake) and its gradient with respect to `fake`.
    pub fn student_gradient(&self, fake: Tensor<2>) -> (Tensor<1>, Tensor<2>) {
        let b = fake.dims()[0];
        let pass = Pass::new(fake, self.layers());
        // dL/dz = (σ(z) − 1)/B.
        let dz = sigmoid(pass.z.clone()).sub_scalar(1.0).div_scalar(b as f64);
        let (_, dz_dh1) = pass.sensitivities();
        let fake_grad = (dz_dh1 * dz).matmul(pass.w1.transpose());
        (generator_loss(pass.z.squeeze_dim(1)), fake_grad)
    }
}

/// D's forward pass on `x`, keeping what its backward pass needs.
struct Pass {
    x: Tensor<2>,
    /// The first two layers' weights.
    w1: Tensor<2>,
    w2: Tensor<2>,
    a1: Tensor<2>,
    a2: Tensor<2>,
    /// Each LeakyReLU's slope at its input (1 or 0.2).
    s1: Tensor<2>,
    s2: Tensor<2>,
    /// The last layer's weights as a row.
    w3_row: Tensor<2>,
    /// `[N, 1]` logits.
    z: Tensor<2>,
}

impl Pass {
    fn new(x: Tensor<2>, [(w1, b1), (w2, b2), (w3, b3)]: [Layer; 3]) -> Self {
        let h1 = x.clone().matmul(w1.clone()) + b1.unsqueeze();
        let s1 = slope(&h1);
        let a1 = h1 * s1.clone();
        let h2 = a1.clone().matmul(w2.clone()) + b2.unsqueeze();
        let s2 = slope(&h2);
        let a2 = h2 * s2.clone();
        // One output: a row-wise dot product is cheaper than a matmul.
        let w3_row = w3.transpose();
        let z = (a2.clone() * w3_row.clone()).sum_dim(1) + b3.unsqueeze();
        Self {
            x,
            w1,
            w2,
            a1,
            a2,
            s1,
            s2,
            w3_row,
            z,
        }
    }

    /// dz/dh2 and dz/dh1 for each sample (h the layers' inputs to their LeakyReLU): every loss here
    /// is a function of z alone, so its gradients are these scaled by dL/dz.
    fn sensitivities(&self) -> (Tensor<2>, Tensor<2>) {
        let dz_dh2 = self.s2.clone() * self.w3_row.clone();
        let dz_dh1 = dz_dh2.clone().matmul(self.w2.clone().transpose()) * self.s1.clone();
        (dz_dh2, dz_dh1)
    }
}

/// The gradient with respect to the logits z of `grad`, given for p = softmax(z / t):
/// (1/t)·p ⊙ (g − ⟨g, p⟩) per row.
pub fn through_softmax(probs: Tensor<2>, grad: Tensor<2>, t: f64) -> Tensor<2> {
    let dot = (grad.clone() * probs.clone()).sum_dim(1);
    (probs * (grad - dot)).div_scalar(t)
}

/// LeakyReLU's derivative at `h`: 1 where h > 0, the negative slope elsewhere.
fn slope(h: &Tensor<2>) -> Tensor<2> {
    let above = h.clone().greater_elem(0.0).float();
    above
        .mul_scalar(1.0 - NEGATIVE_SLOPE)
        .add_scalar(NEGATIVE_SLOPE)
}

fn column_sums(t: Tensor<2>) -> Tensor<1> {
    t.sum_dim(0).squeeze_dim(0)
}

/// Layers as one vector: each weight (row-major), then its bias.
fn pack(layers: [Layer; 3]) -> Tensor<1> {
    let parts = layers
        .into_iter()
        .flat_map(|(w, b)| [w.flatten(0, 1), b])
        .collect();
    Tensor::cat(parts, 0)
}
