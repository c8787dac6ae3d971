//! A set of labelled 8-bit grey images, decoded from the LWKD binary format and checked against the
//! manifest, so a truncated or corrupted download is reported instead of producing garbage.

use sha2::{Digest, Sha256};

use super::FileEntry;

const MAGIC: &[u8; 4] = b"LWKD";
const HEADER: usize = 20;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DataError {
    #[error(
        "{name} is truncated or padded: expected {expected} bytes, got {got}. Re-run the set-up (scripts/prepare-data.mjs) or reload the page."
    )]
    WrongSize {
        name: String,
        expected: usize,
        got: usize,
    },
    #[error(
        "{name} is corrupted: its SHA-256 does not match the manifest. Re-run the set-up (scripts/prepare-data.mjs) or reload the page."
    )]
    BadChecksum { name: String },
    #[error("{name} is not an LWKD image file: {reason}")]
    BadFormat { name: String, reason: String },
    #[error("the data manifest is unreadable: {0}")]
    BadManifest(String),
    #[error("could not load {name}: {reason}")]
    Unavailable { name: String, reason: String },
}

/// `count` images of `rows × cols` pixels (row-major, 0 = background), with a label each.
/// Serializable (as byte strings, not lists of numbers) so the page can hand it to the training worker.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImageSet {
    pub rows: usize,
    pub cols: usize,
    #[serde(with = "serde_bytes")]
    pub labels: Vec<u8>,
    #[serde(with = "serde_bytes")]
    pub pixels: Vec<u8>,
}

impl ImageSet {
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    pub fn image(&self, i: usize) -> &[u8] {
        let n = self.rows * self.cols;
        &self.pixels[i * n..(i + 1) * n]
    }

    /// Decodes `bytes`, checking size and checksum against the manifest entry first.
    pub fn decode(bytes: &[u8], entry: &FileEntry) -> Result<Self, DataError> {
        let name = entry.name.clone();
        if bytes.len() != entry.bytes {
            return Err(DataError::WrongSize {
                name,
                expected: entry.bytes,
                got: bytes.len(),
            });
        }
        let digest = hex(&Sha256::digest(bytes));
        if !digest.eq_ignore_ascii_case(&entry.sha256) {
            return Err(DataError::BadChecksum { name });
        }
        let bad = |reason: &str| DataError::BadFormat {
            name: name.clone(),
            reason: reason.into(),
        };
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(bad("missing the LWKD header"));
        }
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let (version, count, rows, cols) = (word(4), word(8), word(12), word(16));
        if version != 1 {
            return Err(bad(&format!("unsupported version {version}")));
        }
        if count != entry.count || rows != entry.rows || cols != entry.cols {
            return Err(bad("header disagrees with the manifest"));
        }
        if bytes.len() != HEADER + count + count * rows * cols {
            return Err(bad("length disagrees with its header"));
        }
        let labels = bytes[HEADER..HEADER + count].to_vec();
        let pixels = bytes[HEADER + count..].to_vec();
        Ok(Self {
            rows,
            cols,
            labels,
            pixels,
        })
    }

    /// Indices of the images of each class `0..classes`.
    pub fn by_class(&self, classes: usize) -> Vec<Vec<u32>> {
        let mut out = vec![Vec::new(); classes];
        for (i, &l) in self.labels.iter().enumerate() {
            if (l as usize) < classes {
                out[l as usize].push(i as u32);
            }
        }
        out
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
