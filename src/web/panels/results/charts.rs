//! The comparison's pictures: every method's accuracy curve, accuracy against total time, the
//! soft targets beside the student's outputs, and the chosen student's confusion matrix.

use crate::distill::stats::{MethodStats, Spread, summarize};
use crate::protocol::{Method, MethodResult};
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::web::state::{AppState, DistillState, use_state};
use crate::web::widgets::chart::YRange;
use crate::web::widgets::redraw::redraw;
use crate::web::widgets::{
    chart, confusion,
    grid::ImageGrid,
    line_chart::{Line, LineChart},
    soft_view,
};

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

/// Per method, a line over epochs of the mean of `pick` (a percentage); `banded`: with a band of ± one
/// standard deviation over seeds when there are several; else dashed (a training curve), unbanded.
fn mean_lines(
    stats: &[MethodStats],
    pick: fn(&(Spread, Spread)) -> Spread,
    banded: bool,
) -> Vec<Line> {
    stats
        .iter()
        .map(|s| {
            let at = |e: usize| pick(&s.curve[e]);
            let epochs = 0..s.curve.len();
            Line {
                name: s.method.label(),
                color: chart::method_color(s.method),
                points: epochs
                    .clone()
                    .map(|e| ((e + 1) as f32, at(e).mean * 100.0))
                    .collect(),
                band: match banded && s.seeds > 1 {
                    true => epochs
                        .map(|e| {
                            (
                                (at(e).mean - at(e).std) * 100.0,
                                (at(e).mean + at(e).std) * 100.0,
                            )
                        })
                        .collect(),
                    false => Vec::new(),
                },
                dashed: false,
            }
        })
        .collect()
}

#[component]
pub fn CompareCharts(
    curves_canvas: NodeRef<html::Canvas>,
    cost_canvas: NodeRef<html::Canvas>,
    gap_canvas: NodeRef<html::Canvas>,
) -> impl IntoView {
    let d = use_state().distill;
    let stats = Memo::new(move |_| d.results.with(|r| summarize(r)));
    let curves = Signal::derive(move || stats.with(|s| mean_lines(s, |p| p.1, true)));
    // Training (dashed) and test (solid) accuracy of every method: the gap is overfitting.
    let gap = Signal::derive(move || {
        stats.with(|s| {
            let train = mean_lines(s, |p| p.0, false)
                .into_iter()
                .map(|l| Line { dashed: true, ..l });
            mean_lines(s, |p| p.1, false)
                .into_iter()
                .chain(train)
                .collect::<Vec<_>>()
        })
    });
    redraw(cost_canvas, move |c| {
        let points: Vec<chart::Point> = stats
            .get()
            .iter()
            .map(|s| chart::Point {
                x: s.total_s.mean,
                y: s.test_acc.mean * 100.0,
                y_err: s.test_acc.std * 100.0,
                name: s.method.label().to_string(),
                color: chart::method_color(s.method),
            })
            .collect();
        let labels = (
            "total time: teacher + distillation (s)",
            "test accuracy (%)",
        );
        chart::draw_points(c.clone(), 280.0, labels, &points);
    });
    view! {
            <div class="charts">
                <LineChart id="compare-curves" aria_label="Test accuracy per epoch of every method"
                        x_label="epoch" y_label="test accuracy (%)" lines=curves y=YRange::Data height=280.0 canvas=curves_canvas
                    caption="Test accuracy per epoch (on a fixed sample of 100 test images per class; the table's figure is on the whole test split). With several seeds: the mean, and a band of ± one standard deviation."/>
                <figure>
                    <canvas id="compare-cost" node_ref=cost_canvas width="560" height=280.0
                        aria-label="Test accuracy against total time of every method"></canvas>
                    <figcaption>"Accuracy against total cost: up and to the left is better. Bars: ± one standard deviation over seeds."</figcaption>
                </figure>
                <LineChart id="compare-gap" aria_label="Training and test accuracy per epoch of every method"
                        x_label="epoch" y_label="accuracy (%)" lines=gap y=YRange::Data height=280.0 canvas=gap_canvas dashed_means="dashed: training accuracy (solid: test)"
                    caption="Overfitting: training accuracy (dashed) and test accuracy (solid) per epoch, every method. The gap between a method's two lines is what it memorised; the regularising methods keep it smaller."/>
            </div>
    }
}

/// The showcase's test images with the teachers' soft targets and a student's outputs, softened at `t`.
fn draw_soft_targets(state: AppState, canvas: &HtmlCanvasElement, t: f32) {
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
    let picture = soft_view::SoftPicture {
        target: &target,
        show: &show,
        student: student.as_ref(),
        t,
    };
    soft_view::draw(canvas, &picture);
}

/// The explorer's temperatures: the slider's steps, from sharp to almost uniform.
const T_MIN: f32 = 0.5;
const T_MAX: f32 = 20.0;

#[component]
pub fn SoftTargets(soft_canvas: NodeRef<html::Canvas>) -> impl IntoView {
    let state = use_state();
    let t = RwSignal::new(2.0f32);
    // A new comparison starts the slider at the temperature LW-KD trained with.
    Effect::new(move |_| {
        if let Some(show) = state.distill.showcase.get() {
            t.set((show.temperature as f32).clamp(T_MIN, T_MAX));
        }
    });
    view! {
            <h3>"Soft targets: dark knowledge, and how LW-KD's differ from label smoothing's"</h3>
            <p class="explain">
                "For a few test images: the numeral the lightweight teacher saw for that class and its softened
                output, Tf-KD_reg's hand-made distribution (identical for every image of a class, the true class
                only slightly ahead), and what the student answers. The true class is the dark bar; H is the
                entropy (0 bits: certain; 3.32 bits: uniform over 10 classes). Move the temperature: every
                distribution is re-softened from the stored outputs, no retraining. In training, LW-KD used its T
                (the slider's starting point) and Tf-KD_reg its own (each tuned for the scenario). The last
                row shows numerals of one class — LW-KD takes one from its bank of labelled numerals for every
                training image, so its targets vary from image to image where Tf-KD's and label smoothing's
                never do."
            </p>
            <div class="field inline">
                <label for="soft-temperature">"Temperature T"</label>
                <input type="range" id="soft-temperature" min=T_MIN max=T_MAX step="0.5"
                    prop:value=move || t.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f32>() { t.set(v) }
                    }/>
                <output for="soft-temperature" id="soft-temperature-value">{move || format!("{}", t.get())}</output>
            </div>
            <ImageGrid id="soft-targets" canvas=soft_canvas
                aria_label="Teacher soft targets, Tf-KD distribution and student output for a few test images, and fresh numerals of one class"
                draw=move |canvas| draw_soft_targets(state, canvas, t.get())/>
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
                    if let Some(m) = Method::from_key(&event_target_value(&ev)) { d.choose(m) }
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
