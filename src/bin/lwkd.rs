//! The native CLI: the same stages as the web app, from a terminal.
//!
//! `cargo run --release --bin lwkd -- synth --classes 10`
//! `cargo run --release --bin lwkd -- teacher --backend flex`
//! `cargo run --release --bin lwkd -- compare --target fashion --seeds 3`
//! `cargo run --release --bin lwkd -- evaluate --weights lwkd.bpk`
//! `cargo run --release --bin lwkd -- bench --backend flex --batch 64,256`

#[cfg(not(target_arch = "wasm32"))]
#[path = "lwkd/bench.rs"]
mod bench;

#[cfg(not(target_arch = "wasm32"))]
#[path = "lwkd/cli.rs"]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
#[path = "lwkd/compare.rs"]
mod compare;

#[cfg(not(target_arch = "wasm32"))]
#[path = "lwkd/evaluate.rs"]
mod evaluate;

#[cfg(not(target_arch = "wasm32"))]
#[path = "lwkd/sweep.rs"]
mod sweep;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
