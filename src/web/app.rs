//! The page: header, backend line, notices and the two stages.

use std::sync::Arc;

use crate::pipeline::backend::choose;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::autoplay;
use super::distill_panel::DistillPanel;
use super::fetch;
use super::gpu;
use super::share::{self, ShareBar};
use super::state::{AppState, DataStatus};
use super::storage;
use super::synth_panel::SynthPanel;
use super::teacher_panel::TeacherPanel;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Loads the digits from the page's own origin; any failure becomes a message, not a panic.
async fn load_data(state: AppState) {
    let result = async {
        let manifest = fetch::manifest().await?;
        let train = fetch::image_set(&manifest, "mnist", "train").await?;
        let heldout = fetch::image_set(&manifest, "mnist", "test").await?;
        Ok::<_, crate::data::DataError>((train, heldout))
    }
    .await;
    match result {
        Ok(d) => {
            state.digits.set_value(Some(Arc::new(d)));
            state.data.set(DataStatus::Ready { ms: now_ms() });
        }
        Err(e) => state.data.set(DataStatus::Failed(e.to_string())),
    }
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    let (config, view, problems) = share::initial_state();
    state.config.set(config);
    state.url_problems.set(problems);
    let (embed, shows) = (view.embed, [view.shows(1), view.shows(2), view.shows(3)]);
    state.view.set_value(view);
    provide_context(state);
    // The address bar always holds the current settings.
    Effect::new(move |_| share::sync_url(&state.config.get(), &state.view.get_value()));
    autoplay::start(state);
    // A comparison finished on an earlier visit comes back (its dataset loads for the pictures).
    if let Some(saved) = storage::load() {
        state.results_target.set(Some(saved.target));
        state.chosen.set(saved.results.first().map(|r| r.method));
        state.results.set(saved.results);
        state.showcase.set(saved.showcase);
        state.restored.set(true);
        super::distill_panel::load_target(state, saved.target);
    }
    // …and every finished method is saved as it lands.
    Effect::new(move |_| {
        let results = state.results.get();
        if let (false, Some(target)) = (results.is_empty(), state.results_target.get_untracked()) {
            storage::save(&storage::Saved {
                query: crate::pipeline::url::to_query(&state.config.get_untracked()),
                target,
                results,
                showcase: state.showcase.get_untracked(),
            });
        }
    });
    // Pause / resume / cancel reach the training worker.
    Effect::new(move |_| super::trainer::client::control(state.control.get()));
    spawn_local(load_data(state));
    spawn_local(async move {
        let info = gpu::probe().await;
        state.gpu.set(Some(info));
    });
    let backend_line = move || match state.backend.get() {
        Some(c) => format!("Training runs on {}.", c.reason),
        None => match state.gpu.get() {
            None => "Looking for a WebGPU adapter…".to_string(),
            Some(info) => format!(
                "Will run on {}.",
                choose(state.config.get().backend, info.as_ref()).reason
            ),
        },
    };
    let full_app = move || {
        share::url_for(
            &state.config.get(),
            &crate::pipeline::view::ViewOptions::default(),
        )
    };
    view! {
        <div id="app" class:embed=embed>
        <header>
            <h1>"LW-KD in your browser"</h1>
            {embed.then(|| view! {
                <a id="full-app" class="small" href=full_app target="_blank" rel="noopener">"Open the full app ↗"</a>
            })}
            <p class="lede">
                "Knowledge distillation with a "<em>"lightweight"</em>" teacher: build a toy dataset of handwritten
                numerals, train a tiny teacher on it in seconds — here, on your own machine, nothing uploaded."
            </p>
            <p id="backend-line" class="backend" role="status">{backend_line}</p>
            <ShareBar/>
        </header>
        <main>
            {move || match state.data.get() {
                DataStatus::Loading => view! { <p class="notice" id="data-status">"Loading MNIST digits (7.8 MB)…"</p> }.into_any(),
                DataStatus::Failed(msg) => view! {
                    <div class="notice error" id="data-status" role="alert">
                        <strong>"The digit data could not be loaded. "</strong>{msg}
                    </div>
                }.into_any(),
                DataStatus::Ready { ms } => view! {
                    <p class="muted small" id="data-status" data-ready-ms=format!("{ms:.0}")>
                        {format!("Digits ready {:.1} s after the page started loading.", ms / 1000.0)}
                    </p>
                }.into_any(),
            }}
            {move || state.notice.get().map(|n| view! { <p class="notice" id="notice" role="status">{n}</p> })}
            <super::gpu_lost::GpuLost/>
            <div class:hidden=!shows[0]><SynthPanel/></div>
            <div class:hidden=!shows[1]><TeacherPanel/></div>
            <div class:hidden=!shows[2]><DistillPanel/></div>
        </main>
        <footer>
            <p class="muted small">
                "Implements "<em>"Learning from a Lightweight Teacher for Efficient Knowledge Distillation"</em>
                " (Liu, Zhang, Wang, 2020). Rust + WebAssembly: Leptos, Burn (WebGPU / Flex), plotters."
            </p>
        </footer>
        </div>
    }
}
