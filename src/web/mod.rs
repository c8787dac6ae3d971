//! The browser app (wasm32 only): Leptos components over the core pipeline.

mod app;
mod chart;
mod controls;
mod fetch;
mod gpu;
mod grid;
mod host;
mod panic;
mod state;
mod synth_panel;
mod teacher_panel;

/// Entry point called by `src/bin/lwkd_web.rs`.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
