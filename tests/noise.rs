//! Label noise: the share asked for is flipped, always to another class, the same images for the same
//! seed, and nothing for a rate of 0.

use lwkd::data::ImageSet;
use lwkd::data::noise::flip_labels;

fn set(n: usize, classes: usize) -> ImageSet {
    ImageSet {
        rows: 1,
        cols: 1,
        labels: (0..n).map(|i| (i % classes) as u8).collect(),
        pixels: vec![0; n],
    }
}

#[test]
fn a_share_of_labels_flips_to_other_classes() {
    let clean = set(10_000, 10);
    let noisy = flip_labels(&clean, 10, 0.3, 7);
    let flipped = clean
        .labels
        .iter()
        .zip(&noisy.labels)
        .filter(|(a, b)| a != b)
        .count();
    assert!(
        (2_800..3_200).contains(&flipped),
        "{flipped} of 10,000 flipped at 0.3"
    );
    assert!(noisy.labels.iter().all(|&l| l < 10));
    assert_eq!(noisy.pixels, clean.pixels, "images are untouched");
    // Flips land on every other class, not on one neighbour.
    let targets: std::collections::HashSet<u8> = clean
        .labels
        .iter()
        .zip(&noisy.labels)
        .filter(|(a, b)| **a == 0 && **b != 0)
        .map(|(_, b)| *b)
        .collect();
    assert_eq!(targets.len(), 9);
    assert_eq!(
        flip_labels(&clean, 10, 0.3, 7),
        noisy,
        "same seed, same flips"
    );
    assert_ne!(
        flip_labels(&clean, 10, 0.3, 8),
        noisy,
        "another seed, other flips"
    );
    assert_eq!(flip_labels(&clean, 10, 0.0, 7), clean);
}
