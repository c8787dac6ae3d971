//! The files inside a .zip, read in memory (nothing leaves the browser) and one at a time: only the
//! entries a class will use are unpacked, each up to the per-file limit by the bytes it actually
//! produces (a zip's sizes are claims), so the peak is the zip itself plus one picture.

use std::io::{Cursor, Read};

use super::{MAX_FILE_BYTES, OwnImagesError};

/// An opened .zip.
pub struct Archive(zip::ZipArchive<Cursor<Vec<u8>>>);

impl Archive {
    pub fn open(bytes: Vec<u8>) -> Result<Self, OwnImagesError> {
        zip::ZipArchive::new(Cursor::new(bytes))
            .map(Self)
            .map_err(|e| OwnImagesError::NotZip(e.to_string()))
    }

    /// Every file's '/'-separated path and entry index (folders omitted); entries whose header is
    /// unreadable are counted in the notes.
    pub fn files(&mut self) -> (Vec<(String, usize)>, Vec<String>) {
        let mut files = Vec::new();
        let mut broken = 0;
        for i in 0..self.0.len() {
            match self.0.by_index_raw(i) {
                Ok(e) if e.is_dir() => {}
                Ok(e) => files.push((e.name().to_string(), i)),
                Err(_) => broken += 1,
            }
        }
        let notes = match broken {
            0 => Vec::new(),
            1 => vec!["1 damaged entry of the .zip left out".to_string()],
            n => vec![format!("{n} damaged entries of the .zip left out")],
        };
        (files, notes)
    }

    /// The bytes of entry `index`, read at most one byte past the limit.
    pub fn read(&mut self, index: usize) -> Result<Vec<u8>, String> {
        let mut entry = self
            .0
            .by_index(index)
            .map_err(|_| "a damaged entry of the .zip".to_string())?;
        if entry.size() > MAX_FILE_BYTES as u64 {
            return Err("over 25 MB".into());
        }
        let mut data = Vec::with_capacity((entry.size() as usize).min(MAX_FILE_BYTES));
        (&mut entry)
            .take(MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut data)
            .map_err(|_| "a damaged entry of the .zip".to_string())?;
        if data.len() > MAX_FILE_BYTES {
            return Err("over 25 MB".into());
        }
        Ok(data)
    }
}
