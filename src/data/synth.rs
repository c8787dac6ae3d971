//! Stage 1: the synthesized numeral dataset (METHOD.md). One image of class k is the numeral of k, each
//! digit drawn from a random real MNIST image of that digit, shifted by a few pixels, and placed side by
//! side: images are 28 × 28·d (d = 1 for K ≤ 10, 2 for K ≤ 100), never resized, so digit shapes stay true.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::images::hex;
use super::numeral::digits_for;
use super::rng::{DataRng, Stream, below, offset};
use super::{ImageSet, numeral::numeral};

pub const SIDE: usize = 28;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SynthConfig {
    /// K, the number of classes (2..=100).
    pub classes: usize,
    /// Training images per class.
    pub per_class: usize,
    /// Validation images per class, built only from held-out digits.
    pub val_per_class: usize,
    /// Largest shift of a digit inside its 28 × 28 cell, in pixels.
    pub max_shift: u32,
    pub seed: u64,
}

/// Draws numeral images from one pool of real digits.
pub struct NumeralDrawer<'a> {
    source: &'a ImageSet,
    by_digit: Vec<Vec<u32>>,
    digits: usize,
    max_shift: u32,
}

/// Why numerals cannot be drawn from a digit source.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SynthError {
    #[error("digit images must be 28 × 28, not {rows} × {cols}")]
    DigitSize { rows: usize, cols: usize },
    #[error("the digit source has no image of the digit {0}")]
    MissingDigit(usize),
}

impl<'a> NumeralDrawer<'a> {
    /// `source` must hold 28 × 28 digit images labelled 0..=9, each digit at least once.
    pub fn new(source: &'a ImageSet, classes: usize, max_shift: u32) -> Result<Self, SynthError> {
        if source.rows != SIDE || source.cols != SIDE {
            return Err(SynthError::DigitSize {
                rows: source.rows,
                cols: source.cols,
            });
        }
        let by_digit = source.by_class(10);
        if let Some(d) = by_digit.iter().position(Vec::is_empty) {
            return Err(SynthError::MissingDigit(d));
        }
        Ok(Self {
            source,
            by_digit,
            digits: digits_for(classes),
            max_shift,
        })
    }

    pub fn cols(&self) -> usize {
        SIDE * self.digits
    }

    /// Writes one image of class `k` into `out` (28 × cols, zeroed by the caller).
    pub fn draw(&self, k: usize, rng: &mut DataRng, out: &mut [u8]) {
        let cols = self.cols();
        for (slot, digit) in numeral(k, self.digits).into_iter().enumerate() {
            let pool = &self.by_digit[digit as usize];
            let src = self.source.image(pool[below(rng, pool.len())] as usize);
            let (dx, dy) = (offset(rng, self.max_shift), offset(rng, self.max_shift));
            for y in 0..SIDE as i32 {
                let sy = y - dy;
                if !(0..SIDE as i32).contains(&sy) {
                    continue;
                }
                for x in 0..SIDE as i32 {
                    let sx = x - dx;
                    if (0..SIDE as i32).contains(&sx) {
                        out[y as usize * cols + slot * SIDE + x as usize] =
                            src[sy as usize * SIDE + sx as usize];
                    }
                }
            }
        }
    }

    /// `per_class` images of every class in `0..classes`, grouped by class.
    pub fn draw_set(&self, classes: usize, per_class: usize, rng: &mut DataRng) -> ImageSet {
        let px = SIDE * self.cols();
        let mut pixels = vec![0u8; classes * per_class * px];
        let mut labels = Vec::with_capacity(classes * per_class);
        for k in 0..classes {
            for _ in 0..per_class {
                let i = labels.len();
                self.draw(k, rng, &mut pixels[i * px..(i + 1) * px]);
                labels.push(k as u8);
            }
        }
        ImageSet {
            rows: SIDE,
            cols: self.cols(),
            labels,
            pixels,
        }
    }
}

/// The synthesized dataset: training images from the training digits, validation images from the
/// held-out digits only, so the teacher is validated on digits it never saw.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SynthSet {
    pub config: SynthConfig,
    pub digits: usize,
    pub train: ImageSet,
    pub val: ImageSet,
}

impl SynthSet {
    pub fn generate(
        config: SynthConfig,
        train_digits: &ImageSet,
        heldout_digits: &ImageSet,
    ) -> Result<Self, SynthError> {
        let k = config.classes;
        let train = NumeralDrawer::new(train_digits, k, config.max_shift)?;
        let val = NumeralDrawer::new(heldout_digits, k, config.max_shift)?;
        let train_set = train.draw_set(
            k,
            config.per_class,
            &mut Stream::SynthTrain.rng(config.seed),
        );
        let val_set = val.draw_set(
            k,
            config.val_per_class,
            &mut Stream::SynthVal.rng(config.seed),
        );
        Ok(Self {
            config,
            digits: digits_for(k),
            train: train_set,
            val: val_set,
        })
    }

    /// A short hash of every pixel and label: equal fingerprints mean identical datasets, which is how
    /// the browser and the CLI show they generated the same data from the same seed.
    pub fn fingerprint(&self) -> String {
        let mut h = Sha256::new();
        for set in [&self.train, &self.val] {
            h.update(&set.labels);
            h.update(&set.pixels);
        }
        hex(&h.finalize()[..6])
    }
}
