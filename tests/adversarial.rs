//! LW-KD's adversarial round computes its gradients by hand and steps the discriminator's packed
//! parameters with Burn's Adam (`distill::adversarial`); here both are checked against Burn's autodiff
//! and optimizer through the same discriminator module.

use burn::optim::{AdamConfig, GradientsParams};
use burn::prelude::*;
use burn::tensor::Distribution;
use burn::tensor::activation::softmax;
use lwkd::distill::adversarial::{Adversary, through_softmax};
use lwkd::distill::losses::{discriminator_scores, generator_loss};
use lwkd::model::Discriminator;

const T: f64 = 4.0;
const LR: f64 = 1e-2;

fn values<const D: usize>(t: Tensor<D>) -> Vec<f32> {
    t.into_data().iter::<f32>().collect()
}

fn assert_close(what: &str, got: Vec<f32>, want: Vec<f32>) {
    assert_eq!(got.len(), want.len(), "{what}: sizes");
    let scale = want.iter().fold(0f32, |m, v| m.max(v.abs()));
    assert!(
        scale > 1e-6,
        "{what}: the reference is zero, nothing is checked"
    );
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert!(
            (g - w).abs() <= 1e-4 * scale,
            "{what}[{i}]: hand-written {g}, Burn {w}"
        );
    }
}

/// A discriminator, a batch of teacher targets and the student logits that `fake` softens.
fn setup(seed: u64) -> (Discriminator, Tensor<2>, Tensor<2>) {
    let ad = Device::flex().autodiff();
    ad.seed(seed);
    let (b, k) = (16, 10);
    let disc = Discriminator::new(k, &ad);
    let real = softmax(
        Tensor::<2>::random([b, k], Distribution::Normal(0.0, 2.0), &ad),
        1,
    );
    let logits = Tensor::<2>::random([b, k], Distribution::Normal(0.0, 3.0), &ad).require_grad();
    (disc, real.detach(), logits)
}

fn fake(logits: &Tensor<2>) -> Tensor<2> {
    softmax(logits.clone().div_scalar(T), 1)
}

/// D's loss through the module, with autodiff: the student's outputs detached.
fn d_loss(disc: &Discriminator, real: &Tensor<2>, logits: &Tensor<2>) -> Tensor<1> {
    let fake = fake(logits).detach();
    discriminator_scores(disc.forward(real.clone()), disc.forward(fake)).0
}

#[test]
fn hand_written_gradients_match_autodiff() {
    let (disc, real, logits) = setup(7);
    let adversary = Adversary::new(&disc, LR);

    // The discriminator's side.
    let (got_loss, _, grad) =
        adversary.discriminator_gradient(real.clone().inner(), fake(&logits).inner());
    let loss = d_loss(&disc, &real, &logits);
    assert_close("D's loss", values(got_loss), values(loss.clone().inner()));
    let want = GradientsParams::from_grads(loss.backward(), &disc);
    for (layer, (dw, db)) in disc.layers().into_iter().zip(adversary.unpack(grad)) {
        let w = want.get::<2>(layer.weight.id).unwrap();
        assert_close("a weight's gradient", values(dw), values(w));
        let b = want.get::<1>(layer.bias.as_ref().unwrap().id).unwrap();
        assert_close("a bias's gradient", values(db), values(b));
    }

    // The student's side: −log D(fake), back through D and the softmax into the logits.
    let (got_adv, fake_grad) = adversary.student_gradient(fake(&logits).inner());
    let adv = generator_loss(disc.forward(fake(&logits)));
    assert_close(
        "the student's loss",
        values(got_adv),
        values(adv.clone().inner()),
    );
    let want = logits.grad(&adv.backward()).unwrap();
    let got = through_softmax(fake(&logits).inner(), fake_grad, T);
    assert_close("the logits' gradient", values(got), values(want));
}

#[test]
fn the_student_plays_against_the_updated_discriminator() {
    let (disc, real, logits) = setup(9);
    let mut adversary = Adversary::new(&disc, LR);
    let before = adversary.student_gradient(fake(&logits).inner()).1;
    let round = adversary.play(real.inner(), fake(&logits).inner());
    let after = adversary.student_gradient(fake(&logits).inner()).1;
    assert_close(
        "the student's gradient",
        values(round.fake_grad.clone()),
        values(after),
    );
    let moved = values(round.fake_grad - before)
        .iter()
        .fold(0f32, |m, v| m.max(v.abs()));
    assert!(moved > 1e-6, "D's step changed nothing the student sees");
}

#[test]
fn packed_adam_steps_as_burns_adam_on_the_module() {
    let (mut disc, real, logits) = setup(8);
    let mut adversary = Adversary::new(&disc, LR);
    let mut optim = AdamConfig::new().init();
    // Three rounds, so that Adam's moments and bias correction are exercised.
    for _ in 0..3 {
        adversary.play(real.clone().inner(), fake(&logits).inner());
        let loss = d_loss(&disc, &real, &logits);
        let grads = GradientsParams::from_grads(loss.backward(), &disc);
        disc = optim.step(LR, disc, grads);
    }
    let moved = Adversary::new(&disc, LR).layers();
    for ((w, b), (want_w, want_b)) in adversary.layers().into_iter().zip(moved) {
        assert_close("a stepped weight", values(w), values(want_w));
        assert_close("a stepped bias", values(b), values(want_b));
    }
}
