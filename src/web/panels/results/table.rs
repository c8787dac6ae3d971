//! The comparison's table, the note on results restored from a previous visit, and the downloads.

use leptos::prelude::*;

use super::Canvases;
use crate::web::platform::{export, storage};
use crate::web::state::use_state;
use crate::web::widgets::chart;

#[component]
pub fn ResultsTable() -> impl IntoView {
    let d = use_state().distill;
    view! {
            <div class="table-scroll">
            <table id="results-table">
                <thead><tr>
                    <th scope="col">"Method"</th>
                    <th scope="col">"Student"</th>
                    <th scope="col" class="num">"Test accuracy"</th>
                    <th scope="col" class="num">"Teacher time"</th>
                    <th scope="col" class="num">"Distillation time"</th>
                    <th scope="col" class="num">"Total"</th>
                    <th scope="col">"Weights"</th>
                </tr></thead>
                <tbody>
                    {move || d.results.get().into_iter().map(|r| view! {
                        <tr data-method=r.method.key()>
                            <th scope="row">
                                <span class="swatch" style=format!("background:{}", chart::css(chart::method_color(r.method)))></span>
                                {r.method.label()}
                            </th>
                            <td>{format!("{} ({} weights)", r.student.key().to_uppercase(), r.params)}</td>
                            <td class="num">{format!("{:.2}%", r.test_acc * 100.0)}</td>
                            <td class="num">{format!("{:.1} s", r.teacher_s)}</td>
                            <td class="num">{format!("{:.1} s", r.distill_s)}</td>
                            <td class="num">{format!("{:.1} s", r.total_s)}</td>
                            <td>{
                                let empty = r.weights.is_empty();
                                let kept = r.clone();
                                let label = format!("Download the {} student's weights (burnpack)", r.method.label());
                                view! {
                                    <button class="small" id=format!("weights-{}", r.method.key()) aria-label=label
                                        title=if empty { "Not kept across a reload: run again to download" } else { "Burn's burnpack format: load it here or with `lwkd evaluate`" }
                                        disabled=empty on:click=move |_| {
                                            export::save_weights(&kept);
                                            d.downloaded.update_value(|w| w.push(kept.method));
                                        }>".bpk"</button>
                                }
                            }</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
    }
}

#[component]
pub fn RestoredNote() -> impl IntoView {
    let d = use_state().distill;
    view! {
            {move || d.restored.get().map(|r| view! {
                <p class="notice" id="restored-note">
                    "These results are from your last visit, kept in this browser only"
                    {r.other_tab.then_some(" (saved by another tab)")}". "
                    <SavedSettings query=r.query/>
                    <button id="clear-saved" on:click=move |_| {
                        storage::clear();
                        d.results.set(Vec::new());
                        d.showcase.set(None);
                        d.restored.set(None);
                    }>"Clear saved results"</button>
                </p>
            })}
    }
}

/// The settings restored results were computed with, and a link to them when the form now differs.
#[component]
fn SavedSettings(query: String) -> impl IntoView {
    let state = use_state();
    let link = format!("?{query}");
    let differs = {
        let query = query.clone();
        move || crate::pipeline::url::to_query(&state.config.get()) != query
    };
    view! {
        <span id="restored-settings">
            {if query.is_empty() { "Computed with the default settings. ".to_string() }
             else { format!("Computed with {query}. ") }}
            {move || differs().then(|| view! {
                <a id="restored-open" href=link.clone()>"Open those settings"</a>" · "
            })}
        </span>
    }
}

/// CSV, JSON and each chart as PNG.
#[component]
pub fn ExportRow(canvases: Canvases) -> impl IntoView {
    let state = use_state();
    let d = state.distill;
    let has_results = move || !d.results.get().is_empty();
    let Canvases {
        curves: curves_canvas,
        cost: cost_canvas,
        soft: soft_canvas,
        confusion: confusion_canvas,
    } = canvases;
    view! {
            <div class="actions">
                <button id="save-csv" on:click=move |_| export::save_csv(&d.results.get_untracked())
                    disabled=move || !has_results()>"Download CSV"</button>
                <button id="save-json" on:click=move |_| export::save_json(
                    &d.results.get_untracked(),
                    &crate::pipeline::url::to_query(&state.config.get_untracked()),
                ) disabled=move || !has_results()>"Download JSON"</button>
                <span class="muted small">"Charts: "</span>
                {[("compare-curves", curves_canvas), ("compare-cost", cost_canvas), ("soft-targets", soft_canvas), ("confusion", confusion_canvas)]
                    .into_iter()
                    .map(|(name, node)| view! {
                        <button class="small" id=format!("png-{name}") on:click=move |_| {
                            if let Some(c) = node.get() { export::save_png(&c, name) }
                        } disabled=move || !has_results()>{format!("{name}.png")}</button>
                    })
                    .collect_view()}
            </div>
    }
}
