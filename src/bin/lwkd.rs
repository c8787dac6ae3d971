//! The native CLI: the same stages as the web app, from a terminal.
//!
//! `cargo run --release --bin lwkd -- synth --classes 10`
//! `cargo run --release --bin lwkd -- teacher --backend flex`
//! `cargo run --release --bin lwkd -- compare --target fashion --seeds 3`
//! `cargo run --release --bin lwkd -- tune --scenario noisy --seeds 5`
//! `cargo run --release --bin lwkd -- evaluate --weights lwkd.bpk`
//! `cargo run --release --bin lwkd -- bench --backend flex --batch 64,256`

#[cfg(not(target_arch = "wasm32"))]
#[path = "lwkd"]
mod commands {
    pub mod backend;
    pub mod bench;
    pub mod cli;
    pub mod compare;
    pub mod error;
    pub mod evaluate;
    pub mod knob_args;
    pub mod report;
    pub mod run_args;
    pub mod stages;
    pub mod sweep;
    pub mod table;
    pub mod tune;
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    commands::cli::run()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
