//! The comparison: results table, accuracy curves of every method, accuracy against total time, the
//! soft-target picture and the chosen student's confusion matrix.

use crate::distill::Method;
use leptos::html;
use leptos::prelude::*;

use super::chart::{self, Series};
use super::state::use_state;
use super::weights_io::{self, ImportWeights};
use super::{confusion, export, soft_view, storage};

#[component]
pub fn Results() -> impl IntoView {
    let state = use_state();
    let curves_canvas = NodeRef::<html::Canvas>::new();
    let cost_canvas = NodeRef::<html::Canvas>::new();
    let soft_canvas = NodeRef::<html::Canvas>::new();
    let confusion_canvas = NodeRef::<html::Canvas>::new();

    Effect::new(move |_| {
        let results = state.results.get();
        if let Some(c) = curves_canvas.get() {
            let curves: Vec<Vec<(f32, f32)>> = results
                .iter()
                .map(|r| {
                    r.curve
                        .iter()
                        .map(|p| (p.epoch as f32, p.test_acc * 100.0))
                        .collect()
                })
                .collect();
            let series: Vec<Series> = results
                .iter()
                .zip(&curves)
                .map(|(r, pts)| Series {
                    name: r.method.label(),
                    color: chart::method_color(r.method),
                    points: pts,
                })
                .collect();
            chart::draw(c, "epoch", "test accuracy (%)", &series, None);
        }
        if let Some(c) = cost_canvas.get() {
            let points: Vec<_> = results
                .iter()
                .map(|r| {
                    (
                        r.total_s,
                        r.test_acc * 100.0,
                        r.method.label().to_string(),
                        chart::method_color(r.method),
                    )
                })
                .collect();
            chart::draw_points(
                c,
                "total time: teacher + distillation (s)",
                "test accuracy (%)",
                &points,
            );
        }
    });
    let chosen_result = move || {
        let results = state.results.get();
        let m = state.chosen.get();
        results
            .iter()
            .find(|r| Some(r.method) == m)
            .or(results.first())
            .cloned()
    };
    Effect::new(move |_| {
        let (Some(show), Some(c)) = (state.showcase.get(), soft_canvas.get()) else {
            return;
        };
        state.target_status.track();
        let Some(target) = state.results_target.get().and_then(|k| state.target(k)) else {
            return;
        };
        let results = state.results.get();
        // The student beside the teachers: LW-KD's when it ran, else the chosen one.
        let student = results
            .iter()
            .find(|r| r.method == Method::LwKd)
            .cloned()
            .or_else(chosen_result);
        soft_view::draw(&c, &target, &show, student.as_ref());
    });
    Effect::new(move |_| {
        let (Some(r), Some(c)) = (chosen_result(), confusion_canvas.get()) else {
            return;
        };
        state.target_status.track();
        let Some(target) = state.results_target.get().and_then(|k| state.target(k)) else {
            return;
        };
        let m = confusion::counts(&target.test.labels, &r.test_predictions, target.classes());
        confusion::draw(&c, &m, &target.class_names);
    });

    let has_results = move || !state.results.get().is_empty();
    view! {
        <div class="results" class:hidden=move || !has_results() && state.showcase.get().is_none()>
            <h3>"Comparison"</h3>
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
                    {move || state.results.get().into_iter().map(|r| view! {
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
                                        disabled=empty on:click=move |_| weights_io::save(&kept)>".bpk"</button>
                                }
                            }</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            {move || state.restored.get().then(|| view! {
                <p class="notice" id="restored-note">
                    "These results are from your last visit, kept in this browser only. "
                    <button id="clear-saved" on:click=move |_| {
                        storage::clear();
                        state.results.set(Vec::new());
                        state.showcase.set(None);
                        state.restored.set(false);
                    }>"Clear saved results"</button>
                </p>
            })}
            <div class="actions">
                <button id="save-csv" on:click=move |_| export::save_csv(&state.results.get_untracked())
                    disabled=move || !has_results()>"Download CSV"</button>
                <button id="save-json" on:click=move |_| export::save_json(
                    &state.results.get_untracked(),
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
            <ImportWeights/>
            <p class="muted small">
                "Teacher time: synthesis + lightweight teacher for LW-KD, the heavy teacher's training for vanilla
                KD, none for the others. Distillation time excludes the per-epoch test evaluations and pauses."
            </p>
            <div class="charts">
                <figure>
                    <canvas id="compare-curves" node_ref=curves_canvas width="560" height="280"
                        aria-label="Test accuracy per epoch of every method"></canvas>
                    <figcaption>"Test accuracy per epoch, every method on one chart."</figcaption>
                </figure>
                <figure>
                    <canvas id="compare-cost" node_ref=cost_canvas width="560" height="280"
                        aria-label="Test accuracy against total time of every method"></canvas>
                    <figcaption>"Accuracy against total cost: up and to the left is better."</figcaption>
                </figure>
            </div>
            <h3>"Soft targets: why LW-KD is not label smoothing"</h3>
            <p class="explain">
                "For a few test images: the numeral the lightweight teacher saw for that class and its softened
                output, Tf-KD_reg's hand-made distribution (identical for every image of a class, the true class
                only slightly ahead), and what the student answers. The teacher's targets differ from image to
                image and put weight on classes that look alike to it; the true class is the dark bar."
            </p>
            <canvas id="soft-targets" node_ref=soft_canvas class="grid" width="0" height="0"
                aria-label="Teacher soft targets, Tf-KD distribution and student output for a few test images"></canvas>
            <h3>"Confusion matrix"</h3>
            <div class="field">
                <label for="field-confusion">"Student"</label>
                <select id="field-confusion" on:change=move |ev| {
                    if let Some(m) = Method::from_key(&event_target_value(&ev)) { state.chosen.set(Some(m)) }
                }>
                    {move || state.results.get().into_iter().map(|r| {
                        let m = r.method;
                        view! { <option value=m.key() selected=move || state.chosen.get() == Some(m)>{m.label()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <canvas id="confusion" node_ref=confusion_canvas class="grid" width="0" height="0"
                aria-label="Confusion matrix of the chosen student on the test split"></canvas>
        </div>
    }
}
