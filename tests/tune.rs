//! The tuner chooses on validation images carved from the training split: they are not the student's
//! training images nor the heavy teacher's, and the test split is never read — scrambling its labels
//! changes nothing the tuner does.

use crate::common;

use burn::prelude::Device;
use futures::executor::block_on;
use lwkd::data::target::carve_per_class;
use lwkd::data::{ImageSet, TargetKind, local::load_target};
use lwkd::pipeline::tune::{Budget, SPACES, tune, validation_target};
use lwkd::pipeline::{Config, Teachers};
use lwkd::protocol::{CallbackHost, Event};

/// `n` images of one pixel each, its value its position: every image names itself.
fn numbered(classes: usize, per_class: usize) -> ImageSet {
    let n = classes * per_class;
    ImageSet {
        rows: 1,
        cols: 1,
        labels: (0..n).map(|i| (i % classes) as u8).collect(),
        pixels: (0..n).map(|i| i as u8).collect(),
    }
}

#[test]
fn validation_images_are_carved_apart_from_the_training_images() {
    let set = numbered(4, 10);
    let (rest, val) = carve_per_class(&set, 4, 3, 2);
    assert_eq!(val.len(), 4 * 2);
    assert_eq!(rest.len(), set.len() - val.len());
    // Disjoint, and together everything.
    assert!(val.pixels.iter().all(|p| !rest.pixels.contains(p)));
    // Per class: the 4th and 5th image of the class, after the student's first 3.
    for c in 0..4u8 {
        let of_class: Vec<u8> = set
            .pixels
            .iter()
            .zip(&set.labels)
            .filter(|(_, l)| **l == c)
            .map(|(p, _)| *p)
            .collect();
        let picked: Vec<u8> = val
            .pixels
            .iter()
            .zip(&val.labels)
            .filter(|(_, l)| **l == c)
            .map(|(p, _)| *p)
            .collect();
        assert_eq!(picked, of_class[3..5]);
    }
    // The student's subset — the first 3 of each class — is the same in what is left.
    let first = |s: &ImageSet| lwkd::data::target::first_per_class(s, 4, 3).pixels;
    assert_eq!(first(&rest), first(&set));
}

/// A small scenario: few images, one epoch, the smallest budget.
fn small() -> Config {
    Config {
        train_per_class: 20,
        distill_epochs: 1,
        heavy_epochs: 1,
        per_class: 50,
        teachers: Teachers::PerSeed,
        ..Config::default()
    }
}

#[test]
fn the_tuner_never_reads_the_test_labels() {
    let target = load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data");
    let digits = common::digits();
    let budget = Budget {
        settings: 2,
        seeds: vec![1000],
        val_per_class: 20,
    };
    let val = validation_target(&target, &small(), budget.val_per_class).unwrap();
    assert_eq!(val.test.len(), 10 * 20);
    assert_eq!(val.train.len(), target.train.len() - 10 * 20);
    let run = |target: &lwkd::data::Target| {
        let mut host = CallbackHost(|_: &Event| {});
        block_on(tune(
            &small(),
            target,
            &digits,
            &Device::flex(),
            &budget,
            &mut host,
        ))
        .unwrap()
    };
    let tuned = run(&target);
    // Every method with a space tried its budget; CE its one run.
    for s in &SPACES {
        assert_eq!(
            tuned.trials.iter().filter(|t| t.method == s.method).count(),
            2
        );
    }
    let mut scrambled = target.clone();
    scrambled
        .test
        .labels
        .iter_mut()
        .for_each(|l| *l = (*l + 3) % 10);
    let again = run(&scrambled);
    assert_eq!(again.config, tuned.config, "the chosen settings");
    let scores = |t: &lwkd::pipeline::tune::Tuned| -> Vec<(String, Vec<u32>)> {
        t.trials
            .iter()
            .map(|t| {
                let bits = t.scores.iter().map(|s| s.to_bits()).collect();
                (t.settings.clone(), bits)
            })
            .collect()
    };
    assert_eq!(scores(&again), scores(&tuned), "every validation score");
}
