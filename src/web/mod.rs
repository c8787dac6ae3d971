//! The browser app (wasm32 only): Leptos components over the core pipeline.

mod app;
mod autoplay;
pub mod bench;
mod chart;
mod confusion;
mod controls;
mod distill_panel;
mod export;
mod fetch;
mod gpu;
mod gpu_lost;
mod grid;
mod host;
mod js;
mod own_files;
mod own_picker;
mod panic;
mod results;
mod share;
mod soft_view;
mod state;
mod storage;
mod synth_panel;
mod teacher_panel;
pub mod trainer;
mod weights_io;
mod yield_now;

/// Entry point called by `src/bin/lwkd_web.rs`.
pub fn start() {
    // The same module runs in the training worker, which has no page to mount on.
    if web_sys::window().is_none() {
        return;
    }
    panic::install();
    if bench::is_bench_page() {
        return;
    }
    leptos::mount::mount_to_body(app::App);
}
