//! The comparison's pictures: every method's accuracy curve, accuracy against total time, the
//! soft targets beside the student's outputs, and the chosen student's confusion matrix.

use crate::distill::{Method, MethodResult};
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::web::state::{AppState, DistillState, use_state};
use crate::web::widgets::chart;
use crate::web::widgets::grid::ImageGrid;
use crate::web::widgets::line_chart::{Line, LineChart};
use crate::web::widgets::{confusion, soft_view};

/// The result whose confusion matrix and outputs are shown: the chosen one, else the first.
fn chosen_result(d: DistillState) -> Option<MethodResult> {
    let results = d.results.get();
    let m = d.chosen.get();
    results
        .iter()
        .find(|r| Some(r.method) == m)
        .or(results.first())
        .cloned()
}

#[component]
pub fn CompareCharts(
    curves_canvas: NodeRef<html::Canvas>,
    cost_canvas: NodeRef<html::Canvas>,
) -> impl IntoView {
    let d = use_state().distill;
    let curves = Signal::derive(move || {
        d.results.with(|results| {
            results
                .iter()
                .map(|r| Line {
                    name: r.method.label(),
                    color: chart::method_color(r.method),
                    points: r
                        .curve
                        .iter()
                        .map(|p| (p.epoch as f32, p.test_acc * 100.0))
                        .collect(),
                })
                .collect::<Vec<_>>()
        })
    });
    Effect::new(move |_| {
        let results = d.results.get();
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
    view! {
            <div class="charts">
                <LineChart id="compare-curves" aria_label="Test accuracy per epoch of every method"
                        x_label="epoch" y_label="test accuracy (%)" lines=curves height="280" canvas=curves_canvas
                    caption="Test accuracy per epoch, every method on one chart."/>
                <figure>
                    <canvas id="compare-cost" node_ref=cost_canvas width="560" height="280"
                        aria-label="Test accuracy against total time of every method"></canvas>
                    <figcaption>"Accuracy against total cost: up and to the left is better."</figcaption>
                </figure>
            </div>
    }
}

/// The showcase's test images with the teachers' soft targets and a student's outputs.
fn draw_soft_targets(state: AppState, canvas: &HtmlCanvasElement) {
    let d = state.distill;
    let Some(show) = d.showcase.get() else {
        return;
    };
    state.targets.status.track();
    let Some(target) = d.results_target.get().and_then(|k| state.target(k)) else {
        return;
    };
    let results = d.results.get();
    // The student beside the teachers: LW-KD's when it ran, else the chosen one.
    let student = results
        .iter()
        .find(|r| r.method == Method::LwKd)
        .cloned()
        .or_else(|| chosen_result(d));
    soft_view::draw(canvas, &target, &show, student.as_ref());
}

#[component]
pub fn SoftTargets(soft_canvas: NodeRef<html::Canvas>) -> impl IntoView {
    let state = use_state();
    view! {
            <h3>"Soft targets: why LW-KD is not label smoothing"</h3>
            <p class="explain">
                "For a few test images: the numeral the lightweight teacher saw for that class and its softened
                output, Tf-KD_reg's hand-made distribution (identical for every image of a class, the true class
                only slightly ahead), and what the student answers. The teacher's targets differ from image to
                image and put weight on classes that look alike to it; the true class is the dark bar."
            </p>
            <ImageGrid id="soft-targets" canvas=soft_canvas
                aria_label="Teacher soft targets, Tf-KD distribution and student output for a few test images"
                draw=move |canvas| draw_soft_targets(state, canvas)/>
    }
}

/// The chosen student's confusion matrix on the test split.
fn draw_confusion(state: AppState, canvas: &HtmlCanvasElement) {
    let d = state.distill;
    let Some(r) = chosen_result(d) else {
        return;
    };
    state.targets.status.track();
    let Some(target) = d.results_target.get().and_then(|k| state.target(k)) else {
        return;
    };
    let m = confusion::counts(&target.test.labels, &r.test_predictions, target.classes());
    confusion::draw(canvas, &m, &target.class_names);
}

#[component]
pub fn ConfusionMatrix(confusion_canvas: NodeRef<html::Canvas>) -> impl IntoView {
    let state = use_state();
    let d = state.distill;
    view! {
            <h3>"Confusion matrix"</h3>
            <div class="field">
                <label for="field-confusion">"Student"</label>
                <select id="field-confusion" on:change=move |ev| {
                    if let Some(m) = Method::from_key(&event_target_value(&ev)) { d.chosen.set(Some(m)) }
                }>
                    {move || d.results.get().into_iter().map(|r| {
                        let m = r.method;
                        view! { <option value=m.key() selected=move || d.chosen.get() == Some(m)>{m.label()}</option> }
                    }).collect_view()}
                </select>
            </div>
            <ImageGrid id="confusion" canvas=confusion_canvas
                aria_label="Confusion matrix of the chosen student on the test split"
                draw=move |canvas| draw_confusion(state, canvas)/>
    }
}
