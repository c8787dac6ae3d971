//! Decoded images to a target dataset: bad files and too-small classes are left out with a note,
//! every fifth image of a class is kept for testing.

use super::layout::Layout;
use super::pixels::SIDE;
use super::{MIN_CLASSES, MIN_PER_CLASS, OwnImagesError, TEST_EVERY};
use crate::data::{ImageSet, Target, TargetKind};

/// One file's outcome: its `SIDE × SIDE` grey pixels, or why it could not be read.
pub type Decoded = Result<Vec<u8>, String>;

fn empty() -> ImageSet {
    ImageSet {
        rows: SIDE,
        cols: SIDE,
        labels: Vec::new(),
        pixels: Vec::new(),
    }
}

/// The target made of `layout`'s classes, with `decoded[i]` the outcome of the layout's file `i`
/// (indices as given to `plan`). Returns the notes of everything left out.
pub fn assemble(
    layout: &Layout,
    decoded: &[Decoded],
    paths: &[String],
) -> Result<(Target, Vec<String>), OwnImagesError> {
    let mut notes = layout.notes.clone();
    let mut bad: Vec<String> = Vec::new();
    let mut kept: Vec<(String, Vec<&[u8]>)> = Vec::new();
    let mut small = Vec::new();
    for class in &layout.classes {
        let mut images = Vec::new();
        for &i in &class.files {
            match decoded.get(i) {
                Some(Ok(px)) if px.len() == SIDE * SIDE => images.push(px.as_slice()),
                Some(Ok(_)) => bad.push(format!("{} (wrong size)", paths[i])),
                Some(Err(e)) => bad.push(format!("{} ({e})", paths[i])),
                None => bad.push(format!("{} (not read)", paths[i])),
            }
        }
        if images.len() < MIN_PER_CLASS {
            small.push(format!("“{}” ({})", class.name, images.len()));
        } else {
            kept.push((class.name.clone(), images));
        }
    }
    if !bad.is_empty() {
        let shown: Vec<&str> = bad.iter().take(3).map(String::as_str).collect();
        let more = bad.len().saturating_sub(3);
        notes.push(format!(
            "{} left out, unreadable: {}{}",
            if bad.len() == 1 {
                "1 file".to_string()
            } else {
                format!("{} files", bad.len())
            },
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    if !small.is_empty() {
        notes.push(format!(
            "classes with fewer than {MIN_PER_CLASS} readable images left out: {}",
            small.join(", ")
        ));
    }
    if kept.len() < MIN_CLASSES {
        return Err(OwnImagesError::TooFewReadable { notes });
    }
    let (mut train, mut test) = (empty(), empty());
    for (label, (_, images)) in kept.iter().enumerate() {
        for (j, px) in images.iter().enumerate() {
            let set = if j % TEST_EVERY == TEST_EVERY - 1 {
                &mut test
            } else {
                &mut train
            };
            set.labels.push(label as u8);
            set.pixels.extend_from_slice(px);
        }
    }
    let target = Target {
        kind: TargetKind::Own,
        class_names: kept.into_iter().map(|(name, _)| name).collect(),
        train,
        test,
    };
    Ok((target, notes))
}
