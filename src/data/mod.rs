//! Data: the compact image files made at set-up time, the synthesized numeral dataset, batching.

#[cfg(feature = "train")]
pub mod batch;
pub mod images;
pub mod local;
pub mod manifest;
pub mod noise;
pub mod numeral;
pub mod own;
pub mod rng;
pub mod synth;
pub mod target;

pub use images::{DataError, ImageSet};
pub use manifest::{FileEntry, Manifest};
pub use synth::{SynthConfig, SynthSet};
pub use target::{Target, TargetKind};
