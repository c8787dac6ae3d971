//! The files inside a .zip, read in memory (nothing leaves the browser).

use std::io::{Cursor, Read};

use super::{MAX_FILE_BYTES, OwnImagesError};

/// Everything a zip may unpack to; more is refused (a zip bomb would take the tab down).
const MAX_TOTAL_BYTES: u64 = 1 << 30;

/// Files as (path, bytes), and notes on what was left out.
pub type Unzipped = (Vec<(String, Vec<u8>)>, Vec<String>);

/// The first few names, and how many more.
fn named(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = names[..names.len().min(SHOWN)].join(", ");
    if names.len() > SHOWN {
        text += &format!(" and {} more", names.len() - SHOWN);
    }
    text
}

/// The files of the zip in `bytes` (folders omitted), with their '/'-separated paths. Entries too large
/// or unreadable are skipped and counted in the notes.
pub fn unzip(bytes: &[u8]) -> Result<Unzipped, OwnImagesError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| OwnImagesError::NotZip(e.to_string()))?;
    let mut files = Vec::new();
    let (mut total, mut broken) = (0u64, 0usize);
    let mut too_large: Vec<String> = Vec::new();
    for i in 0..archive.len() {
        let mut entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(_) => {
                broken += 1;
                continue;
            }
        };
        if entry.is_dir() {
            continue;
        }
        if entry.size() > MAX_FILE_BYTES as u64 {
            too_large.push(entry.name().to_string());
            continue;
        }
        // The sizes in a zip's headers are claims: read at most one byte past the limit, and count
        // what was actually produced.
        let name = entry.name().to_string();
        let mut data = Vec::with_capacity((entry.size() as usize).min(MAX_FILE_BYTES));
        let limit = MAX_FILE_BYTES as u64 + 1;
        match (&mut entry).take(limit).read_to_end(&mut data) {
            Ok(_) if data.len() > MAX_FILE_BYTES => too_large.push(name),
            Ok(_) => {
                total += data.len() as u64;
                if total > MAX_TOTAL_BYTES {
                    return Err(OwnImagesError::ZipTooLarge);
                }
                files.push((name, data));
            }
            Err(_) => broken += 1,
        }
    }
    let mut notes = Vec::new();
    if !too_large.is_empty() {
        notes.push(format!(
            "{} over 25 MB left out: {}",
            match too_large.len() {
                1 => "1 file".to_string(),
                n => format!("{n} files"),
            },
            named(&too_large)
        ));
    }
    if broken > 0 {
        notes.push(match broken {
            1 => "1 damaged entry of the .zip left out".to_string(),
            n => format!("{n} damaged entries of the .zip left out"),
        });
    }
    Ok((files, notes))
}
