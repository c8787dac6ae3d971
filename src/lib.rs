//! LW-KD in the browser: the ML core (data, models, training) and the pipeline that drives it.
//!
//! The core has no DOM and no platform switches: the caller picks the Burn `Device`
//! (Flex on the CPU, wgpu natively or WebGPU in a browser) and drives the async stages. The web UI
//! (wasm only) and the native CLI (`src/bin/lwkd.rs`) are two such callers.

pub mod data;
pub mod distill;
pub mod model;
pub mod pipeline;
pub mod protocol;
pub mod train;

#[cfg(target_arch = "wasm32")]
pub mod web;
