//! Shared by the integration tests: the prepared data (made by `scripts/prepare-data.mjs`; the README's
//! test command runs it first). A missing data folder fails the test with that instruction, never skips it.
#![allow(dead_code)]

use std::path::PathBuf;

use lwkd::data::ImageSet;
use lwkd::data::local::load_digits;

pub fn data_dir() -> PathBuf {
    std::env::var_os("LWKD_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data"))
}

pub fn digits() -> (ImageSet, ImageSet) {
    load_digits(&data_dir()).unwrap_or_else(|e| {
        panic!("the test data is missing ({e}); run `node scripts/prepare-data.mjs` (bash scripts/test.sh does)")
    })
}
