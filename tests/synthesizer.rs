//! Stage 1: the numeral dataset.

use crate::common;

use std::collections::HashSet;

use lwkd::data::{
    SynthConfig, SynthSet,
    numeral::{digits_for, numeral, numeral_text},
    rng::data_rng,
    synth::{NumeralDrawer, SIDE},
};
use lwkd::pipeline::Config;

fn small(classes: usize, seed: u64) -> SynthConfig {
    Config {
        classes,
        per_class: 12,
        val_per_class: 5,
        seed,
        ..Config::default()
    }
    .synth()
}

#[test]
fn digit_count_follows_k_minus_one() {
    assert_eq!(digits_for(2), 1);
    assert_eq!(digits_for(10), 1);
    assert_eq!(digits_for(11), 2);
    assert_eq!(digits_for(37), 2);
    assert_eq!(digits_for(100), 2);
    assert_eq!(numeral_text(7, 2), "07");
    assert_eq!(numeral_text(36, 2), "36");
    assert_eq!(numeral(0, 1), vec![0]);
}

/// Every image of class k is made of real digits of k's numeral: with no shift, each 28-px cell equals
/// a source image of the right digit exactly.
#[test]
fn every_class_shows_its_numeral() {
    let (train, heldout) = common::digits();
    let by_pixels = |set: &lwkd::data::ImageSet| -> std::collections::HashMap<Vec<u8>, u8> {
        (0..set.len())
            .map(|i| (set.image(i).to_vec(), set.labels[i]))
            .collect()
    };
    let known = by_pixels(&train);
    for k_total in [2usize, 10, 11, 100] {
        let cfg = SynthConfig {
            max_shift: 0,
            ..small(k_total, 7)
        };
        let set = SynthSet::generate(cfg, &train, &heldout).unwrap();
        let d = digits_for(k_total);
        assert_eq!(set.digits, d);
        assert_eq!(set.train.cols, SIDE * d, "K = {k_total}: width is 28·d");
        assert_eq!(set.train.len(), k_total * 12);
        for i in 0..set.train.len() {
            let k = set.train.labels[i] as usize;
            let img = set.train.image(i);
            for (slot, digit) in numeral(k, d).into_iter().enumerate() {
                let cell: Vec<u8> = (0..SIDE)
                    .flat_map(|y| {
                        img[y * SIDE * d + slot * SIDE..y * SIDE * d + slot * SIDE + SIDE].to_vec()
                    })
                    .collect();
                assert_eq!(
                    known.get(&cell),
                    Some(&digit),
                    "K = {k_total}, class {k}, slot {slot}"
                );
            }
        }
    }
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let (train, heldout) = common::digits();
    let a = SynthSet::generate(small(10, 1), &train, &heldout).unwrap();
    let b = SynthSet::generate(small(10, 1), &train, &heldout).unwrap();
    let c = SynthSet::generate(small(10, 2), &train, &heldout).unwrap();
    assert_eq!(a.train, b.train);
    assert_eq!(a.val, b.val);
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_ne!(a.train.pixels, c.train.pixels);
    assert_ne!(a.fingerprint(), c.fingerprint());
}

/// Augmentation really varies the images, and never pushes a digit out of its cell entirely.
#[test]
fn shifts_stay_within_the_configured_range() {
    let (train, _) = common::digits();
    let drawer = NumeralDrawer::new(&train, 10, 2).unwrap();
    let mut rng = data_rng(3, 9);
    let mut out = vec![0u8; SIDE * SIDE];
    let mut seen = HashSet::new();
    for _ in 0..200 {
        out.fill(0);
        drawer.draw(4, &mut rng, &mut out);
        seen.insert(out.clone());
        assert!(out.iter().any(|&p| p > 0), "an image is never blank");
    }
    assert!(
        seen.len() > 150,
        "draws vary: {} distinct of 200",
        seen.len()
    );
}

#[test]
fn validation_digits_never_come_from_training_digits() {
    let (train, heldout) = common::digits();
    let train_images: HashSet<&[u8]> = (0..train.len()).map(|i| train.image(i)).collect();
    let overlap = (0..heldout.len())
        .filter(|&i| train_images.contains(heldout.image(i)))
        .count();
    assert_eq!(
        overlap, 0,
        "held-out digits also appear in the training digits"
    );

    // With no shift, every validation cell is a held-out digit and none is a training digit.
    let heldout_images: HashSet<&[u8]> = (0..heldout.len()).map(|i| heldout.image(i)).collect();
    let set = SynthSet::generate(
        SynthConfig {
            max_shift: 0,
            ..small(10, 5)
        },
        &train,
        &heldout,
    )
    .unwrap();
    for i in 0..set.val.len() {
        assert!(heldout_images.contains(set.val.image(i)));
        assert!(!train_images.contains(set.val.image(i)));
    }
    for i in 0..set.train.len() {
        assert!(train_images.contains(set.train.image(i)));
    }
}

#[test]
fn a_digit_source_missing_a_digit_is_refused() {
    let (train, _) = common::digits();
    let mut no_sevens = train.clone();
    let keep: Vec<usize> = (0..train.len()).filter(|&i| train.labels[i] != 7).collect();
    no_sevens.labels = keep.iter().map(|&i| train.labels[i]).collect();
    no_sevens.pixels = keep.iter().flat_map(|&i| train.image(i).to_vec()).collect();
    let err = NumeralDrawer::new(&no_sevens, 10, 2).err().unwrap();
    assert!(err.to_string().contains("digit 7"), "{err}");
}
