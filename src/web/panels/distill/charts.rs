//! Stage 3's live pictures: sample images of the target, and the running method's charts.

use crate::protocol::LossParts;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::web::state::{AppState, TargetStatus, use_state};
use crate::web::widgets::chart::YRange;
use crate::web::widgets::{
    chart::{BLUE, GREY, ORANGE, PURPLE, VERMILLION},
    grid::{self, ImageGrid, Tile},
    line_chart::{Line, LineChart, accuracy_lines},
};

/// A few training images of the chosen target, labelled with their class names.
fn draw_samples(state: AppState, canvas: &HtmlCanvasElement) {
    let TargetStatus::Ready(kind) = state.targets.status.get() else {
        return;
    };
    let Some(t) = state.target(kind) else { return };
    let k = t.classes();
    let by_class = t.train.by_class(k);
    // Two rows, one class per column; with many classes one image each, 20 to a row.
    let (rows, per_row) = if k <= 12 { (2, k) } else { (1, 20) };
    let tiles: Vec<Tile> = (0..rows)
        .flat_map(|r| by_class.iter().filter_map(move |c| c.get(r).copied()))
        .map(|i| Tile {
            index: i as usize,
            caption: t.class_names[t.train.labels[i as usize] as usize].clone(),
            correct: None,
        })
        .collect();
    grid::draw(canvas, &t.train, &tiles, per_row);
}

#[component]
pub fn TargetGrid() -> impl IntoView {
    let state = use_state();
    view! {
        <ImageGrid id="target-grid" aria_label="Sample images of the target dataset with their class names"
            draw=move |canvas| draw_samples(state, canvas)/>
    }
}

/// The loss components as lines: total, CE and the soft term, and LW-KD's adversarial terms when
/// the method has them.
fn loss_lines(parts: &[LossParts]) -> Vec<Line> {
    let line = |name, color, f: fn(&LossParts) -> f32| Line {
        name,
        color,
        points: parts.iter().map(|p| (p.step as f32, f(p))).collect(),
        ..Line::default()
    };
    let mut lines = vec![
        line("total", BLUE, |p| p.total),
        line("CE (hard labels)", GREY, |p| p.ce),
        line("soft-target term", ORANGE, |p| p.soft),
    ];
    if parts.iter().any(|p| p.adv != 0.0) {
        lines.push(line("adversarial (student)", VERMILLION, |p| p.adv));
        lines.push(line("discriminator", PURPLE, |p| p.disc));
    }
    lines
}

#[component]
pub fn DistillCharts() -> impl IntoView {
    let d = use_state().distill;
    let losses = Signal::derive(move || d.run.losses.with(|p| loss_lines(p)));
    let disc = Signal::derive(move || {
        vec![Line {
            name: "teacher vs student",
            color: PURPLE,
            points: d.disc_acc.get(),
            ..Line::default()
        }]
    });
    let accuracy = Signal::derive(move || accuracy_lines(&d.run.accuracy.get(), "test"));
    // The pool trains several networks at once; these charts follow the one that started last.
    let title = move |what: &'static str| {
        Signal::derive(move || match d.run.progress.with(|p| p.stage) {
            Some(stage) => format!("{what} — {}", stage.label()),
            None => what.to_string(),
        })
    };
    view! {
        <div class="charts">
            <LineChart id="distill-loss-chart" aria_label="Loss components of the running method per step"
                    x_label="training step" y_label="loss" lines=losses count_points=true
                    title=title("Loss")
                caption="Loss components of the method running now: hard-label CE, the soft-target term, and for LW-KD the adversarial terms."/>
            <LineChart id="disc-chart" aria_label="Discriminator accuracy per step"
                    x_label="training step" y_label="discriminator accuracy (%)" lines=disc
                    y=YRange::Fixed(0.0, 100.0) count_points=true
                caption="LW-KD's discriminator (its latest run): how often it tells the teacher's outputs from the student's. 50 % would mean it cannot tell them apart. Empty when β = 0: no discriminator is trained."/>
            <LineChart id="distill-acc-chart" aria_label="Student training and test accuracy per epoch"
                    x_label="epoch" y_label="student accuracy (%)" lines=accuracy y=YRange::Data
                    title=title("Accuracy")
                caption="The running student's accuracy per epoch on its training images and on the test split."/>
        </div>
    }
}
