//! Stage 1 in the page: the synthesizer's controls, its sample grid and figures.

use crate::data::numeral::numeral_text;
use crate::protocol::Stage;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::web::actions::synthesize::generate;
use crate::web::state::{AppState, DataStatus, use_state};
use crate::web::widgets::{
    fields::KnobFields,
    grid::{self, ImageGrid, Tile},
    notice::NoticeSlot,
    settings::Settings,
    stage::{StageSection, WhatHappens},
};

/// A few synthesized images of each class, labelled with their numeral.
fn draw_samples(state: AppState, canvas: &HtmlCanvasElement) {
    let (Some(summary), Some(set)) = (state.synth.summary.get(), state.synth.set.get_value())
    else {
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
    grid::draw(canvas, &set.train, &tiles, per_row);
}

#[component]
pub fn SynthPanel() -> impl IntoView {
    let state = use_state();
    let ready = move || matches!(state.data.get(), DataStatus::Ready { .. });
    let busy = move || state.busy.get().is_some();
    let synthesizing = move || state.busy.get() == Some(Stage::Synthesize);
    let invalid = move || !state.field_errors.get().is_empty();
    view! {
        <StageSection step="1" title_id="synth-title" title=" Synthesize a simple dataset">
            <WhatHappens>
                "Class "<em>"k"</em>" is the number "<em>"k"</em>" written with real handwritten MNIST digits, each digit
                drawn at random and nudged by up to 2 pixels. With K ≤ 10 an image is one digit; with K up to 100
                it is two digits side by side (28 × 56 px). Validation images use only digits held out from training.
                Look at: the sample grid (three images of each class, numeral underneath) and the fingerprint — the same seed gives the same
                fingerprint on any machine, and in the command-line tool."
            </WhatHappens>
            <Settings stage=1>
                <div class="fields">
                    <KnobFields stage=1/>
                </div>
            </Settings>
            <div class="actions">
                // While it synthesizes it only says so (aria-disabled): a disabled button would drop the
                // keyboard's focus to the page's start.
                <button
                    id="generate"
                    class="primary"
                    on:click=move |_| generate(state)
                    disabled=move || !ready() || invalid() || (busy() && !synthesizing())
                    aria-disabled=move || synthesizing().to_string()
                >
                    {move || if state.busy.get() == Some(Stage::Synthesize) { "Generating…" } else { "Generate" }}
                </button>
                {move || match state.synth.summary.get() {
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
            <NoticeSlot stage=Some(1)/>
            <ImageGrid id="synth-grid" aria_label="Sample images of the synthesized dataset, labelled with their class"
                draw=move |canvas| draw_samples(state, canvas)/>
        </StageSection>
    }
}
