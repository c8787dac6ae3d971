//! The user's own images as the target dataset: a folder (or a .zip) with one sub-folder per class.
//! Reading the archive, sorting files into classes and assembling the splits happen here, the same
//! natively and in the browser; decoding an image is the caller's (the browser has its own codecs).

pub mod archive;
pub mod assemble;
#[cfg(not(target_arch = "wasm32"))]
pub mod decode;
pub mod layout;
pub mod pixels;

pub use archive::Archive;
pub use assemble::{Decoded, assemble};
pub use layout::{ClassFiles, Layout, plan};

/// Why a folder or .zip of images cannot be a target (what was merely left out goes into notes).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OwnImagesError {
    #[error("this is not a readable .zip file ({0})")]
    NotZip(String),
    /// Fewer than two class folders; `found` says what there was instead, `notes` what was left out.
    #[error(
        "{found} — choose a folder (or .zip) with one sub-folder of images per class, at least {min} classes{}",
        in_brackets(notes),
        min = MIN_CLASSES
    )]
    NoClasses { found: String, notes: Vec<String> },
    /// Fewer than two classes with enough readable images; `notes` says what was left out.
    #[error(
        "fewer than {min} classes have at least {per} readable images{}",
        in_brackets(notes),
        min = MIN_CLASSES,
        per = MIN_PER_CLASS
    )]
    TooFewReadable { notes: Vec<String> },
    /// A file or folder that could not be read (native).
    #[error("{0}")]
    Io(String),
}

/// " (a; b)" for notes, "" for none.
fn in_brackets(notes: &[String]) -> String {
    if notes.is_empty() {
        String::new()
    } else {
        format!(" ({})", notes.join("; "))
    }
}

impl OwnImagesError {
    /// The error with `earlier` notes (from reading the .zip) first, so the reason is not lost: a
    /// class whose only images were too large ends as "no class folders (1 file over 25 MB left out)".
    pub fn after(mut self, earlier: &[String]) -> Self {
        if let Self::NoClasses { notes, .. } | Self::TooFewReadable { notes } = &mut self {
            notes.splice(0..0, earlier.iter().cloned());
        }
        self
    }
}

/// K must be at least 2 (a choice) and at most 100 (the synthesizer's two-digit numerals).
pub const MIN_CLASSES: usize = 2;
pub const MAX_CLASSES: usize = 100;
/// Fewer usable images than this and a class is left out (it needs some to train and one to test).
pub const MIN_PER_CLASS: usize = 5;
/// More than this per class are not read (the browser keeps every image in memory).
pub const MAX_PER_CLASS: usize = 1000;
/// Every fifth image of a class goes to the test split.
pub const TEST_EVERY: usize = 5;
/// Files larger than this are skipped (a 28 × 28 input needs no 25 MB photo).
pub const MAX_FILE_BYTES: usize = 25 << 20;
