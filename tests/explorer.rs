//! The soft-target explorer's arithmetic (re-softening stored logits, entropy) against values worked
//! out by hand, and the comparison's statistics over seeds that the page's table and notes show.

use lwkd::distill::soften::{entropy_bits, soften};
use lwkd::distill::stats::{Spread, cost_vs_heavy, pooled_std, summarize, verdicts};
use lwkd::model::StudentKind;
use lwkd::protocol::EpochPoint;
use lwkd::protocol::{Method, MethodResult};

fn close(a: f32, b: f32) {
    assert!((a - b).abs() < 1e-5, "{a} vs {b}");
}

#[test]
fn the_slider_resoftens_logits_as_softmax_at_t() {
    // Logits [0, ln 3] at T = 1: e^0 = 1, e^ln3 = 3 → [0.25, 0.75].
    let z = [0.0, 3f32.ln()];
    let p = soften(&z, 1.0);
    close(p[0], 0.25);
    close(p[1], 0.75);
    // At T = 2: e^(ln3 / 2) = √3 = 1.732051 → [1 / 2.732051, 1.732051 / 2.732051] = [0.366025, 0.633975].
    let p = soften(&z, 2.0);
    close(p[0], 0.366_025);
    close(p[1], 0.633_975);
    // A shift of every logit changes nothing, and huge logits do not overflow.
    let p = soften(&[1000.0, 1000.0 + 3f32.ln()], 1.0);
    close(p[1], 0.75);
    // A high temperature flattens towards uniform; a low one sharpens towards one-hot.
    let z = [2.0, 1.0, 0.0];
    assert!(
        soften(&z, 100.0)
            .iter()
            .all(|&x| (x - 1.0 / 3.0).abs() < 0.01)
    );
    assert!(soften(&z, 0.05)[0] > 0.999);
}

#[test]
fn entropy_is_in_bits() {
    close(entropy_bits(&[1.0, 0.0, 0.0]), 0.0);
    close(entropy_bits(&[0.5, 0.5]), 1.0);
    close(entropy_bits(&[0.1; 10]), 10f32.log2());
    // [0.25, 0.75]: −(¼ log₂ ¼ + ¾ log₂ ¾) = 0.5 + 0.311278 = 0.811278.
    close(entropy_bits(&[0.25, 0.75]), 0.811_278);
}

fn result(method: Method, seed: u64, test_acc: f32, teacher_s: f32) -> MethodResult {
    MethodResult {
        method,
        student: StudentKind::Cnn,
        params: 1,
        test_acc,
        train_acc: 1.0,
        teacher_s,
        heavy_acc: None,
        heavy_ahead: false,
        distill_s: 1.0,
        steps: 10,
        total_s: teacher_s + 1.0,
        curve: vec![EpochPoint {
            epoch: 1,
            train_acc: 1.0,
            test_acc,
        }],
        test_predictions: Vec::new(),
        seed,
        teacher_seed: None,
        showcase_logits: Vec::new(),
        weights: Vec::new(),
    }
}

#[test]
fn seeds_give_mean_spread_and_verdicts_against_ce() {
    let results = vec![
        result(Method::LwKd, 1, 0.80, 2.0),
        result(Method::Ce, 1, 0.70, 0.0),
        result(Method::VanillaKd, 1, 0.71, 20.0),
        result(Method::LwKd, 2, 0.82, 2.0),
        result(Method::Ce, 2, 0.72, 0.0),
        result(Method::VanillaKd, 2, 0.73, 20.0),
    ];
    let stats = summarize(&results);
    let order: Vec<Method> = stats.iter().map(|s| s.method).collect();
    assert_eq!(order, [Method::LwKd, Method::Ce, Method::VanillaKd]);
    // Mean 0.81, sample std √((0.01² + 0.01²) / 1) = 0.014142.
    close(stats[0].test_acc.mean, 0.81);
    close(stats[0].test_acc.std, 0.014_142);
    assert_eq!(stats[0].seeds, 2);
    assert_eq!(stats[0].curve[0].1, stats[0].test_acc);
    // Every method has the same spread here: pooled 0.014142; 2 × pooled = 0.028.
    close(pooled_std(&stats).unwrap(), 0.014_142);
    let v = verdicts(&stats);
    let lwkd = v.iter().find(|v| v.method == Method::LwKd).unwrap();
    close(lwkd.diff, 0.10);
    assert!(lwkd.real, "10 points with a spread of 1.4 is real");
    let kd = v.iter().find(|v| v.method == Method::VanillaKd).unwrap();
    assert!(!kd.real, "1 point with a spread of 1.4 is noise");
    // LW-KD's teacher costs a tenth of the heavy one; CE has none.
    close(cost_vs_heavy(&stats, &stats[0]).unwrap(), 0.1);
    assert_eq!(cost_vs_heavy(&stats, &stats[1]), None);
}

#[test]
fn one_seed_cannot_tell_noise() {
    let stats = summarize(&[
        result(Method::LwKd, 1, 0.8, 1.0),
        result(Method::Ce, 1, 0.7, 0.0),
    ]);
    assert_eq!(pooled_std(&stats), None);
    assert!(verdicts(&stats).is_empty());
    assert_eq!(Spread::of(&[0.5]).std, 0.0);
}
