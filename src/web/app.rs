//! The page: header, backend line, notices and the three stages.

use crate::pipeline::backend::{MEASURED, choose};
use crate::pipeline::view::ViewOptions;
use leptos::prelude::*;

use super::actions::{autoplay, backend, leaving, startup};
use super::panels::distill::DistillPanel;
use super::panels::gpu_lost_banner::GpuLost;
use super::panels::intro::Intro;
use super::panels::scenarios::Scenarios;
use super::panels::share::{self, ShareBar};
use super::panels::synth::SynthPanel;
use super::panels::teacher::TeacherPanel;
use super::state::{AppState, DataStatus, use_state};
use super::widgets::notice::NoticeSlot;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    let (config, view, problems) = share::initial_state();
    let (embed, shows) = (view.embed, [view.shows(1), view.shows(2), view.shows(3)]);
    state.open_link(config, view, problems);
    provide_context(state);
    // The address bar always holds the current settings. Edits are history entries, except in an
    // embed: there the host page's Back must leave the page, not step through its settings.
    Effect::new(move |first: Option<()>| {
        share::sync_url(
            &state.config.get(),
            &state.view.get_value(),
            first.is_some() && !embed,
        )
    });
    leaving::install(state);
    autoplay::start(state);
    startup::keep_results(state);
    // Pause / resume / cancel reach the training worker.
    Effect::new(move |_| super::trainer::client::control(state.control.get()));
    startup::load(state);
    if embed {
        super::platform::embed_height::post_to_host();
    }
    view! {
        <div id="app" class:embed=embed>
        <Header embed=embed/>
        <main>
            <DataLine/>
            <NoticeSlot stage=None/>
            <GpuLost/>
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

#[component]
fn Header(embed: bool) -> impl IntoView {
    let state = use_state();
    let backend_line = move || {
        let measured = state.measured.get();
        match (state.backend.get(), state.gpu.get()) {
            (_, _) if state.measuring.get() => {
                "Timing a few training steps on the CPU and on WebGPU…".to_string()
            }
            // The last job's backend, and the newest measurement (perhaps made since that job).
            (Some(c), _) => {
                let sep = format!(" — {MEASURED}");
                let chosen = c.reason.split(sep.as_str()).next().unwrap_or_default();
                match measured {
                    Some(m) => format!(
                        "Training runs on {chosen}. Measured in this browser: {}.",
                        m.summary()
                    ),
                    None => format!("Training runs on {chosen}."),
                }
            }
            (None, None) => "Looking for a WebGPU adapter…".to_string(),
            (None, Some(info)) => format!(
                "Will run on {}.",
                choose(state.config.get().backend, info.as_ref(), measured.as_ref()).reason
            ),
        }
    };
    // Measuring needs an adapter; it waits while a job runs (it would skew both).
    let can_measure = move || matches!(state.gpu.get(), Some(Some(_)));
    let measure = move |_| {
        leptos::task::spawn_local(async move {
            if let Err(e) = backend::measure(state).await {
                state.tell(None, format!("Could not time the backends: {e}."));
            }
        });
    };
    let full_app = move || share::url_for(&state.config.get(), &ViewOptions::default());
    view! {
        <header>
            <h1>"LW-KD in your browser"</h1>
            {embed.then(|| view! {
                <a id="full-app" class="small" href=full_app target="_blank" rel="noopener">"Open the full app ↗"</a>
            })}
            <p class="lede">
                "Knowledge distillation with a "<em>"lightweight"</em>" teacher, in your browser."
            </p>
            {(!embed).then(|| view! { <Intro/> })}
            <p class="backend">
                <span id="backend-line" role="status">{backend_line}</span>
                <Show when=can_measure>
                    " "
                    <button id="measure-backends" class="small" on:click=measure
                        disabled=move || state.measuring.get() || state.busy.get().is_some()
                        title="Times a few LeNet-5 training steps on each backend and checks that they agree">
                        "Measure both backends"
                    </button>
                </Show>
            </p>
            <ShareBar/>
            <Scenarios/>
        </header>
    }
}

/// Whether the digits are loading, failed, or ready (and when).
#[component]
fn DataLine() -> impl IntoView {
    let data = use_state().data;
    view! {
            {move || match data.get() {
                DataStatus::NotAsked => view! {
                    <p class="muted small" id="data-status">
                        "Nothing was trained or downloaded for this: the digits (7.8 MB) and the training load when you press "
                        <em>"Run it live"</em>"."
                    </p>
                }.into_any(),
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
    }
}
