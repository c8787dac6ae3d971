//! The browser app (wasm32 only): Leptos components over the core pipeline.
//!
//! - `state/`: the store (signals grouped per stage) and its reducer, `AppState::apply`.
//! - `actions/`: what a click or autoplay starts (generate, train, distill, …).
//! - `panels/`: the page's sections, which only render the store and call actions.
//! - `widgets/`: reusable pieces (charts, image grids, run controls, form fields).
//! - `platform/`: the browser underneath (WebGPU, fetch, storage, downloads, files, panics).
//! - `trainer/`: the training worker and the page's side of it.

mod actions;
mod app;
#[cfg(feature = "train")]
pub mod bench;
mod panels;
mod platform;
mod state;
pub mod trainer;

pub use platform::constructors::run_constructors;
mod widgets;

/// Entry point called by `src/bin/lwkd_web.rs`.
pub fn start() {
    platform::panic::install();
    leptos::mount::mount_to_body(app::App);
}
