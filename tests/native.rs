//! Every native integration test in one test binary: each binary links all of Burn (hundreds of MB even
//! without debug info), so one link instead of eleven keeps `cargo test` fast and a clean CI disk small.
//! The tests stay in their own files, named for what they check.

mod common;

mod adversarial;
mod backend_parity;
mod config;
mod controls;
mod data_loader;
mod distill;
mod explorer;
mod knobs;
mod losses;
mod noise;
mod own_data;
mod plan;
mod pool;
mod scenarios;
mod synthesizer;
mod teacher;
mod tune;
mod url;
mod weights;
