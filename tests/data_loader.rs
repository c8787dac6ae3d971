//! The data loader refuses damaged files with a message that says what to do.

use crate::common;

use lwkd::data::local::read_manifest;
use lwkd::data::{DataError, ImageSet, Manifest};

fn mnist_test_file() -> (Vec<u8>, lwkd::data::FileEntry) {
    let dir = common::data_dir();
    let m = read_manifest(&dir).expect("run scripts/prepare-data.mjs first");
    let entry = m.file("mnist", "test").unwrap().clone();
    (std::fs::read(dir.join(&entry.name)).unwrap(), entry)
}

#[test]
fn a_good_file_decodes_with_the_manifest_counts() {
    let (bytes, entry) = mnist_test_file();
    let set = ImageSet::decode(&bytes, &entry).unwrap();
    assert_eq!(set.len(), entry.count);
    assert_eq!((set.rows, set.cols), (28, 28));
    for (class, &n) in entry.per_class.iter().enumerate() {
        assert_eq!(
            set.labels.iter().filter(|&&l| l as usize == class).count(),
            n
        );
    }
    assert!(set.pixels.contains(&255) && set.pixels.contains(&0));
}

#[test]
fn a_truncated_file_is_refused_with_its_sizes() {
    let (bytes, entry) = mnist_test_file();
    let err = ImageSet::decode(&bytes[..bytes.len() / 2], &entry).unwrap_err();
    assert!(matches!(err, DataError::WrongSize { .. }));
    let msg = err.to_string();
    assert!(
        msg.contains("truncated") && msg.contains(&entry.bytes.to_string()),
        "{msg}"
    );
}

#[test]
fn a_corrupted_file_is_refused_by_checksum() {
    let (mut bytes, entry) = mnist_test_file();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x40;
    let err = ImageSet::decode(&bytes, &entry).unwrap_err();
    assert_eq!(
        err,
        DataError::BadChecksum {
            name: entry.name.clone()
        }
    );
    assert!(err.to_string().contains("corrupted"));
}

#[test]
fn a_garbled_manifest_is_reported() {
    let err = Manifest::parse("{ not json").unwrap_err();
    assert!(err.to_string().contains("manifest"), "{err}");
}

#[test]
fn a_missing_folder_says_how_to_make_the_data() {
    let err = read_manifest(std::path::Path::new("/nonexistent/lwkd-data")).unwrap_err();
    assert!(err.to_string().contains("scripts/setup.sh"), "{err}");
}
