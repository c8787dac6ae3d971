//! Stage 1 in the page: the synthesizer's controls, its sample grid and figures.

use std::sync::Arc;

use crate::data::numeral::numeral_text;
use crate::pipeline::{Stage, stages};
use gloo_timers::future::TimeoutFuture;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::controls::NumberField;
use super::grid::{self, Tile};
use super::host::WebHost;
use super::state::{AppState, SynthSummary, use_state};

pub(super) fn generate(state: AppState) {
    let Some(cfg) = state.valid_config() else {
        return;
    };
    let Some(digits) = state.digits.get_value() else {
        return;
    };
    state.busy.set(Some(Stage::Synthesize));
    state.notice.set(None);
    spawn_local(async move {
        // Let the page show "Generating…" before the (synchronous) synthesizer runs.
        TimeoutFuture::new(16).await;
        let mut host = WebHost { state };
        if let Some((set, seconds)) =
            stages::synthesize(cfg.synth(), &digits.0, &digits.1, &mut host)
        {
            state.synth.set(Some(SynthSummary {
                classes: set.config.classes,
                train: set.train.len(),
                val: set.val.len(),
                rows: set.train.rows,
                cols: set.train.cols,
                seconds,
                fingerprint: set.fingerprint(),
            }));
            state.set.set_value(Some(Arc::new(set)));
            state.teacher.set(None);
            state.teacher_model.set_value(None);
            state.losses.set(Vec::new());
            state.accuracy.set(Vec::new());
        }
        state.busy.set(None);
    });
}

#[component]
pub fn SynthPanel() -> impl IntoView {
    let state = use_state();
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let (Some(summary), Some(canvas)) = (state.synth.get(), canvas.get()) else {
            return;
        };
        let Some(set) = state.set.get_value() else {
            return;
        };
        let k = summary.classes;
        let per = if k <= 10 { 3 } else { 1 };
        let shown: Vec<usize> = grid::first_of_each_class(&set.train, k.min(20), per);
        let tiles: Vec<Tile> = shown
            .into_iter()
            .map(|i| Tile {
                index: i,
                caption: numeral_text(set.train.labels[i] as usize, set.digits),
                correct: None,
            })
            .collect();
        let per_row = if set.digits == 1 { 10 } else { 8 };
        grid::draw(&canvas, &set.train, &tiles, per_row);
    });
    let ready = move || matches!(state.data.get(), super::state::DataStatus::Ready { .. });
    let busy = move || state.busy.get().is_some();
    let invalid = move || !state.field_errors.get().is_empty();
    view! {
        <section class="stage" aria-labelledby="synth-title">
            <h2 id="synth-title"><span class="step">"1"</span>" Synthesize a simple dataset"</h2>
            <details class="explain-box" open>
            <summary>"What happens here"</summary>
            <p class="explain">
                "Class "<em>"k"</em>" is the number "<em>"k"</em>" written with real handwritten MNIST digits, each digit
                drawn at random and nudged by up to 2 pixels. With K ≤ 10 an image is one digit; with K up to 100
                it is two digits side by side (28 × 56 px). Validation images use only digits held out from training.
                Look at: the sample grid (one row per class) and the fingerprint — the same seed gives the same
                fingerprint on any machine, and in the command-line tool."
            </p>
            </details>
            <div class="fields">
                <NumberField field="classes" label="Classes K" help="2 – 100"/>
                <NumberField field="per_class" label="Images per class" help="10 – 5000"/>
                <NumberField field="val_per_class" label="Validation per class" help="10 – 1000"/>
                <NumberField field="seed" label="Seed" help="same seed, same data"/>
            </div>
            <div class="actions">
                <button
                    id="generate"
                    class="primary"
                    on:click=move |_| generate(state)
                    disabled=move || !ready() || busy() || invalid()
                >
                    {move || if state.busy.get() == Some(Stage::Synthesize) { "Generating…" } else { "Generate" }}
                </button>
                {move || match state.synth.get() {
                    Some(s) => view! {
                        <span id="synth-summary" class="figures">
                            {format!(
                                "{} training + {} validation images · {} classes · {}×{} px · {:.0} ms · fingerprint {}",
                                s.train, s.val, s.classes, s.rows, s.cols, s.seconds * 1000.0, s.fingerprint
                            )}
                        </span>
                    }.into_any(),
                    None => view! { <span class="figures muted">"Nothing generated yet."</span> }.into_any(),
                }}
            </div>
            <canvas id="synth-grid" node_ref=canvas class="grid" width="0" height="0"
                aria-label="Sample images of the synthesized dataset, labelled with their class"></canvas>
        </section>
    }
}
