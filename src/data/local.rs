//! Loading the prepared data files from a folder (the CLI and the tests; the browser fetches them).

use std::path::Path;

use super::{DataError, ImageSet, Manifest};

pub fn read_manifest(dir: &Path) -> Result<Manifest, DataError> {
    let path = dir.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| DataError::Unavailable {
        name: path.display().to_string(),
        reason: format!("{e} — run `bash scripts/setup.sh` first"),
    })?;
    Manifest::parse(&text)
}

pub fn load(
    dir: &Path,
    manifest: &Manifest,
    dataset: &str,
    split: &str,
) -> Result<ImageSet, DataError> {
    let entry = manifest.file(dataset, split)?;
    let path = dir.join(&entry.name);
    let bytes = std::fs::read(&path).map_err(|e| DataError::Unavailable {
        name: path.display().to_string(),
        reason: e.to_string(),
    })?;
    ImageSet::decode(&bytes, entry)
}

/// The two digit pools of the synthesizer: training digits and held-out digits.
pub fn load_digits(dir: &Path) -> Result<(ImageSet, ImageSet), DataError> {
    let m = read_manifest(dir)?;
    Ok((
        load(dir, &m, "mnist", "train")?,
        load(dir, &m, "mnist", "test")?,
    ))
}

/// A target dataset (`fashion` or `mnist`) with its class names, from the manifest.
pub fn load_target(dir: &Path, kind: super::TargetKind) -> Result<super::Target, DataError> {
    let m = read_manifest(dir)?;
    Ok(super::Target {
        kind,
        class_names: m.class_names(kind.key())?.to_vec(),
        train: load(dir, &m, kind.key(), "train")?,
        test: load(dir, &m, kind.key(), "test")?,
    })
}
