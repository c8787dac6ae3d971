//! Each loss of METHOD.md against values worked out by hand (derivations in the comments), at K = 2,
//! 10 and 100.

use burn::prelude::*;
use lwkd::distill::losses::*;

const LN3: f32 = 1.098_612_3;

fn dev() -> Device {
    Device::flex()
}

fn t2(rows: &[&[f32]]) -> Tensor<2> {
    let k = rows[0].len();
    let flat: Vec<f32> = rows.iter().flat_map(|r| r.iter().copied()).collect();
    Tensor::from_data(TensorData::new(flat, [rows.len(), k]), &dev())
}

fn t1(v: &[f32]) -> Tensor<1> {
    Tensor::from_data(TensorData::new(v.to_vec(), [v.len()]), &dev())
}

fn labels(v: &[i64]) -> Tensor<1, Int> {
    Tensor::from_data(TensorData::new(v.to_vec(), [v.len()]), &dev())
}

fn scalar(t: Tensor<1>) -> f32 {
    t.into_scalar()
}

fn close(got: f32, want: f32) {
    assert!(
        (got - want).abs() < 1e-4 * want.abs().max(1.0),
        "got {got}, want {want}"
    );
}

#[test]
fn cross_entropy_k2() {
    // logits [0, ln 3] → softmax [1/4, 3/4]; batch of labels 1 and 0 → mean(−ln ¾, −ln ¼).
    let z = t2(&[&[0.0, LN3], &[0.0, LN3]]);
    let want = (-(0.75f32).ln() - (0.25f32).ln()) / 2.0; // (0.287682 + 1.386294)/2 = 0.836988
    close(scalar(cross_entropy(z, labels(&[1, 0]))), want);
    close(want, 0.836_988);
}

#[test]
fn kd_loss_is_t_squared_kl() {
    let p = t2(&[&[0.5, 0.5]]);
    // T = 1: KL([½,½] ‖ [¼,¾]) = ½ ln 2 + ½ ln(2/3) = ½ ln(4/3) = 0.143841
    close(
        scalar(kd_loss(t2(&[&[0.0, LN3]]), p.clone(), 1.0)),
        0.143_841,
    );
    // T = 2: softmax([0, ln3 / 2]) = [1/(1+√3), √3/(1+√3)] = [0.366025, 0.633975];
    // KL = ½ ln(0.5/0.366025) + ½ ln(0.5/0.633975) = ½(0.311919 − 0.237391) = 0.037264; × T² = 0.149057
    close(scalar(kd_loss(t2(&[&[0.0, LN3]]), p, 2.0)), 0.149_057);
}

#[test]
fn kd_loss_k100() {
    // Student logits all 0 → uniform q = 1/100 at any T. Teacher p = ½ on class 0, ½/99 elsewhere.
    // KL = ½ ln(½ · 100) + 99 · (½/99) ln((½/99) · 100) = ½ ln 50 + ½ ln(50/99)
    //    = ½ (3.912023 − 0.683097) = 1.614463; × T² (T = 3) = 14.530167
    let mut row = vec![0.5 / 99.0; 100];
    row[0] = 0.5;
    let z = t2(&[&[0.0; 100]]);
    close(scalar(kd_loss(z.clone(), t2(&[&row]), 3.0)), 14.530_167);
    // Identical distributions: zero.
    close(scalar(kd_loss(z, t2(&[&[0.01; 100]]), 3.0)), 0.0);
}

#[test]
fn label_smoothing_targets() {
    // (1 − ε)·onehot + ε/K with ε = 0.1.
    for (k, right, other) in [(2, 0.95, 0.05), (10, 0.91, 0.01), (100, 0.901, 0.001)] {
        let t = smoothing_table(k, 0.1);
        assert_eq!(t.len(), k * k);
        for y in 0..k {
            for j in 0..k {
                close(t[y * k + j], if y == j { right } else { other });
            }
        }
    }
    // Its loss is the CE with those targets: K = 2, logits [0, ln 3], label 1:
    // −(0.05 ln ¼ + 0.95 ln ¾) = 0.069315 + 0.273298 = 0.342613
    let q = t2(&[&[0.05, 0.95]]);
    close(scalar(soft_cross_entropy(t2(&[&[0.0, LN3]]), q)), 0.342_613);
}

#[test]
fn tfkd_distribution() {
    // p_d = a for the class, (1 − a)/(K − 1) elsewhere; then softmax(p_d / T), a = 0.99, T = 20.
    // K = 2:   e^(0.99/20) = 1.050745, e^(0.01/20) = 1.000500 → right = 1.050745 / 2.051245 = 0.512248
    // K = 10:  other p_d = 0.001111 → e^(0.0000556) = 1.0000556 → right = 1.050745 / 10.051245 = 0.104540
    // K = 100: other p_d = 0.000101 → right = 1.050745 / (1.050745 + 99 · 1.0000051) = 0.010502
    for (k, right) in [(2, 0.512_248), (10, 0.104_540), (100, 0.010_502)] {
        let t = tfkd_table(k, 0.99, 20.0);
        for y in 0..k {
            let row = &t[y * k..(y + 1) * k];
            close(row.iter().sum::<f32>(), 1.0);
            close(row[y], right);
            let other = (1.0 - right) / (k as f32 - 1.0);
            assert!(
                row.iter()
                    .enumerate()
                    .all(|(j, &v)| j == y || (v - other).abs() < 1e-5)
            );
        }
    }
}

#[test]
fn adversarial_losses() {
    // Generator: −log σ(d). d = 0 → ln 2; d = ln 3 → −ln ¾ = 0.287682. Mean over the batch.
    close(
        scalar(generator_loss(t1(&[0.0, LN3]))),
        (std::f32::consts::LN_2 + 0.287_682) / 2.0,
    );
    // Discriminator: ½(mean −log σ(real) + mean −log(1 − σ(fake))).
    // real = ln 3, fake = −ln 3: ½(0.287682 + 0.287682) = 0.287682; real = fake = 0: ln 2.
    close(scalar(d_loss(t1(&[LN3]), t1(&[-LN3]))), 0.287_682);
    close(
        scalar(d_loss(t1(&[0.0]), t1(&[0.0]))),
        std::f32::consts::LN_2,
    );
    // A confident wrong discriminator pays a lot: real = −5 → softplus(5) = 5.006715.
    close(
        scalar(d_loss(t1(&[-5.0]), t1(&[-5.0]))),
        (5.006_715 + 0.006_715) / 2.0,
    );
}

#[test]
fn discriminator_accuracy_counts_both_sides() {
    // real logits: 1 right (> 0), −1 wrong; fake logits: −2 right (< 0), 3 wrong → 2 of 4.
    close(scalar(d_acc(t1(&[1.0, -1.0]), t1(&[-2.0, 3.0]))), 0.5);
    close(scalar(d_acc(t1(&[1.0, 2.0]), t1(&[-2.0, -3.0]))), 1.0);
    // Exactly 0 says neither: wrong on both sides.
    close(scalar(d_acc(t1(&[0.0, 1.0]), t1(&[0.0, -1.0]))), 0.5);
}

fn d_loss(real: Tensor<1>, fake: Tensor<1>) -> Tensor<1> {
    discriminator_scores(real, fake).0
}

fn d_acc(real: Tensor<1>, fake: Tensor<1>) -> Tensor<1> {
    discriminator_scores(real, fake).1
}
