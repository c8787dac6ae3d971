//! The target dataset of stage 3 (Fashion-MNIST, MNIST or the person's own images): its class names and splits.

use serde::{Deserialize, Serialize};

use super::ImageSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum TargetKind {
    #[default]
    Fashion,
    Mnist,
    /// The person's own images (a folder or .zip read in the browser); never in a link.
    Own,
}

impl TargetKind {
    /// The targets that come with the app (downloadable, shareable in a link).
    pub const ALL: [Self; 2] = [Self::Fashion, Self::Mnist];

    /// The dataset's name in the manifest (and the CLI's `--target`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Fashion => "fashion",
            Self::Mnist => "mnist",
            Self::Own => "own",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Fashion => "Fashion-MNIST",
            Self::Mnist => "MNIST",
            Self::Own => "your images",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Target {
    pub kind: TargetKind,
    pub class_names: Vec<String>,
    pub train: ImageSet,
    pub test: ImageSet,
}

impl Target {
    pub fn classes(&self) -> usize {
        self.class_names.len()
    }
}

/// The first `n` images of each class of `set`, in the set's order: the same subset on every machine.
pub fn first_per_class(set: &ImageSet, classes: usize, n: usize) -> ImageSet {
    per_class_range(set, classes, 0, n)
}

/// Images `skip..skip + n` of each class of `set` (e.g. a validation split beyond a training subset).
pub fn per_class_range(set: &ImageSet, classes: usize, skip: usize, n: usize) -> ImageSet {
    let px = set.rows * set.cols;
    let mut seen = vec![0usize; classes];
    let mut out = ImageSet {
        rows: set.rows,
        cols: set.cols,
        labels: Vec::new(),
        pixels: Vec::new(),
    };
    for (i, &l) in set.labels.iter().enumerate() {
        let l = l as usize;
        if l < classes && seen[l] < skip + n {
            seen[l] += 1;
            if seen[l] <= skip {
                continue;
            }
            out.labels.push(l as u8);
            out.pixels
                .extend_from_slice(&set.pixels[i * px..(i + 1) * px]);
        }
    }
    out
}

/// Images `skip..skip + n` of each class of `set` (`picked`) and every other image (`rest`), both in
/// the set's order: a validation split carved from a training split, and what is left to train on.
pub fn carve_per_class(
    set: &ImageSet,
    classes: usize,
    skip: usize,
    n: usize,
) -> (ImageSet, ImageSet) {
    let px = set.rows * set.cols;
    let empty = || ImageSet {
        rows: set.rows,
        cols: set.cols,
        labels: Vec::new(),
        pixels: Vec::new(),
    };
    let (mut rest, mut picked) = (empty(), empty());
    let mut seen = vec![0usize; classes];
    for (i, &l) in set.labels.iter().enumerate() {
        let rank = match seen.get_mut(l as usize) {
            Some(r) => {
                *r += 1;
                *r
            }
            None => 0,
        };
        let to = if rank > skip && rank <= skip + n {
            &mut picked
        } else {
            &mut rest
        };
        to.labels.push(l);
        to.pixels
            .extend_from_slice(&set.pixels[i * px..(i + 1) * px]);
    }
    (rest, picked)
}
