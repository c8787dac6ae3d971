//! The losses of METHOD.md, as tensor functions (batch means), plus the hand-made target tables of
//! label smoothing and Tf-KD_reg computed on the host.

use burn::prelude::*;
use burn::tensor::activation::{log_softmax, softplus};

use super::soften::soften;

/// Cross-entropy with soft targets: −Σₖ qₖ · log softmax(z)ₖ, averaged over the batch.
pub fn soft_cross_entropy(logits: Tensor<2>, targets: Tensor<2>) -> Tensor<1> {
    (targets * log_softmax(logits, 1)).sum_dim(1).mean().neg()
}

/// One-hot rows of `labels` over `k` classes. Not Burn's `one_hot`: it checks the labels' range by
/// reading them back synchronously, which panics on WebGPU in the browser.
pub fn one_hot(labels: Tensor<1, Int>, k: usize) -> Tensor<2> {
    let n = labels.dims()[0];
    let classes = Tensor::<1, Int>::arange(0..k as i64, &labels.device());
    let rows = labels.unsqueeze_dim::<2>(1).repeat_dim(1, k);
    rows.equal(classes.unsqueeze_dim::<2>(0).repeat_dim(0, n))
        .float()
}

/// Cross-entropy with hard labels.
pub fn cross_entropy(logits: Tensor<2>, labels: Tensor<1, Int>) -> Tensor<1> {
    let k = logits.dims()[1];
    soft_cross_entropy(logits, one_hot(labels, k))
}

/// The distillation term T² · KL(p ‖ softmax(z / T)), averaged over the batch. `p` is the teacher's
/// softened distribution (already at temperature T). The T² keeps its gradient on the scale of the CE
/// term as T grows (Hinton et al.).
pub fn kd_loss(student_logits: Tensor<2>, teacher_probs: Tensor<2>, t: f64) -> Tensor<1> {
    let log_q = log_softmax(student_logits.div_scalar(t), 1);
    // p · log p with p = 0 contributes 0; the clamp only keeps log finite.
    let log_p = teacher_probs.clone().clamp_min(1e-12).log();
    (teacher_probs * (log_p - log_q))
        .sum_dim(1)
        .mean()
        .mul_scalar(t * t)
}

/// The student's (generator's) adversarial loss −log D(student), non-saturating, from D's logits.
pub fn generator_loss(fake_logits: Tensor<1>) -> Tensor<1> {
    softplus(fake_logits.neg(), 1.0).mean()
}

/// The discriminator's binary cross-entropy over B teacher outputs ("real", 1) and B student outputs
/// ("fake", 0), from its logits: ½·(mean −log σ(real) + mean −log(1 − σ(fake))); and the share of
/// the 2·B it classifies right (logit > 0 means "teacher"; a logit of exactly 0 counts as wrong).
pub fn discriminator_scores(
    real_logits: Tensor<1>,
    fake_logits: Tensor<1>,
) -> (Tensor<1>, Tensor<1>) {
    assert_eq!(
        real_logits.dims(),
        fake_logits.dims(),
        "as many real as fake"
    );
    // −log σ(r) = softplus(−r) and −log(1 − σ(f)) = softplus(f): one softplus over the signed
    // logits, and a sample is classified right when its signed logit is negative.
    let signed = Tensor::cat(vec![real_logits.neg(), fake_logits], 0);
    let right = signed.clone().lower_elem(0.0).float().mean();
    (softplus(signed, 1.0).mean(), right)
}

/// Row y: label smoothing's target (1 − ε)·onehot(y) + ε/K. Returns K × K values, row-major.
pub fn smoothing_table(classes: usize, eps: f64) -> Vec<f32> {
    let k = classes as f64;
    table(
        classes,
        |y, j| {
            if y == j { 1.0 - eps + eps / k } else { eps / k }
        },
    )
}

/// Row y: Tf-KD_reg's virtual teacher p_d(k) = a if k = y else (1 − a)/(K − 1), passed — as in the
/// authors' code — through softmax(p_d / T). Softmax over *probabilities* divided by a large T is what
/// makes it so smooth (at K = 10, a = 0.99, T = 20 the right class gets ≈ 0.104).
pub fn tfkd_table(classes: usize, a: f64, t: f64) -> Vec<f32> {
    virtual_teacher_scores(classes, a)
        .chunks(classes)
        .flat_map(|row| soften(row, t as f32))
        .collect()
}

/// Row y: Tf-KD_reg's virtual teacher p_d itself (a for the right class, (1 − a)/(K − 1) for the
/// others): the scores [`tfkd_table`] softens, kept raw for the soft-target explorer.
pub fn virtual_teacher_scores(classes: usize, a: f64) -> Vec<f32> {
    let other = (1.0 - a) / (classes as f64 - 1.0);
    table(classes, |y, j| if y == j { a } else { other })
}

fn table(classes: usize, f: impl Fn(usize, usize) -> f64) -> Vec<f32> {
    (0..classes)
        .flat_map(|y| (0..classes).map(move |j| (y, j)))
        .map(|(y, j)| f(y, j) as f32)
        .collect()
}
