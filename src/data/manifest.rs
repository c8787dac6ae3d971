//! The manifest written by `scripts/prepare-data.mjs`: which files exist, their shapes and checksums.

use serde::{Deserialize, Serialize};

use super::DataError;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub generator: String,
    pub sources: Vec<Source>,
    pub classes: Classes,
    pub files: Vec<FileEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Source {
    pub package: String,
    pub licence: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Classes {
    pub mnist: Vec<String>,
    pub fashion: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FileEntry {
    pub name: String,
    pub dataset: String,
    pub split: String,
    pub count: usize,
    pub rows: usize,
    pub cols: usize,
    pub per_class: Vec<usize>,
    pub bytes: usize,
    pub sha256: String,
}

impl Manifest {
    pub fn parse(text: &str) -> Result<Self, DataError> {
        serde_json::from_str(text).map_err(|e| DataError::BadManifest(e.to_string()))
    }

    /// The class names of `dataset`.
    pub fn class_names(&self, dataset: &str) -> Result<&[String], DataError> {
        match dataset {
            "mnist" => Ok(&self.classes.mnist),
            "fashion" => Ok(&self.classes.fashion),
            _ => Err(DataError::BadManifest(format!("no classes for {dataset}"))),
        }
    }

    /// The entry for `dataset`/`split`, e.g. `("mnist", "train")`.
    pub fn file(&self, dataset: &str, split: &str) -> Result<&FileEntry, DataError> {
        self.files
            .iter()
            .find(|f| f.dataset == dataset && f.split == split)
            .ok_or_else(|| {
                DataError::BadManifest(format!("no file for {dataset}/{split} in the manifest"))
            })
    }
}
