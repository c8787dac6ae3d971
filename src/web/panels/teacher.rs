//! Stage 2 in the page: train the LeNet-5 teacher with live charts, progress and pause/resume/cancel.

use crate::data::numeral::numeral_text;
use crate::protocol::Stage;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::web::actions::teacher::train;
use crate::web::state::{AppState, use_state};
use crate::web::widgets::chart::YRange;
use crate::web::widgets::{
    chart::BLUE,
    fields::{BackendSelect, KnobFields},
    grid::{self, ImageGrid, Tile},
    line_chart::{Line, LineChart, accuracy_lines},
    notice::NoticeSlot,
    run_controls::{RunControls, RunIds},
    settings::Settings,
    stage::{StageSection, WhatHappens},
};

/// Validation images shown with the teacher's prediction.
const PREVIEW: usize = 24;

#[component]
pub fn TeacherPanel() -> impl IntoView {
    let state = use_state();
    let busy = Signal::derive(move || state.busy.get() == Some(Stage::Teacher));
    let can_train = Signal::derive(move || {
        state.synth.summary.get().is_some()
            && state.busy.get().is_none()
            && state.field_errors.get().is_empty()
    });
    let progress = Signal::derive(move || {
        let p = state.teacher.run.progress.get();
        (p.total != 0 && p.stage == Some(Stage::Teacher)).then_some(p)
    });
    let ids = RunIds {
        run: "train",
        pause: "pause",
        cancel: "cancel",
        progress: "teacher-progress",
        rate: "teacher-rate",
    };
    view! {
        <StageSection step="2" title_id="teacher-title" title=" Train the lightweight teacher">
            <WhatHappens>
                "A LeNet-5 (two convolutions, three fully connected layers; the modern variant with ReLU and
                max-pooling) learns to read the numerals. It is tiny — about 60 thousand weights — and trains in
                seconds, which is the point of LW-KD: its soft outputs will later teach a student on a real
                dataset, instead of a big teacher that takes hours. Look at: the loss falling fast and then
                flattening, and validation accuracy (digits it never saw) staying close to training accuracy."
            </WhatHappens>
            <Settings stage=2>
                <div class="fields">
                    <KnobFields stage=2/>
                    <div class="field" class:hidden=state.view.with_value(|v| v.hides("backend"))><BackendSelect/></div>
                </div>
            </Settings>
            <p id="teacher-estimate" class="small muted">{move || {
                let ms = state.teacher.summary.get().map(|t| t.ms_per_step);
                format!("This run: {}.", state.config.get().teacher_estimate().describe(ms))
            }}</p>
            <RunControls ids=ids label="Train teacher" busy_label="Training…" on_run=move || train(state)
                can_run=can_train busy=busy progress=progress/>
            <NoticeSlot stage=Some(2)/>
            <TeacherCharts/>
            <TeacherResult/>
        </StageSection>
    }
}

#[component]
fn TeacherCharts() -> impl IntoView {
    let run = use_state().teacher.run;
    let losses = Signal::derive(move || {
        vec![Line {
            name: "loss",
            color: BLUE,
            points: run.losses.get(),
            ..Line::default()
        }]
    });
    let accuracy = Signal::derive(move || accuracy_lines(&run.accuracy.get(), "validation"));
    view! {
        <div class="charts">
            <LineChart id="loss-chart" aria_label="Training loss per step"
                    x_label="training step" y_label="cross-entropy loss" lines=losses
                caption="Training loss per step — it should fall fast, then flatten."/>
            <LineChart id="acc-chart" aria_label="Training and validation accuracy per epoch"
                    x_label="epoch" y_label="accuracy (%)" lines=accuracy y=YRange::Fixed(0.0, 100.0)
                caption="Accuracy per epoch on training images and on held-out validation images."/>
        </div>
    }
}

/// Validation images with the teacher's prediction, right ones framed green, wrong ones orange-red.
fn draw_preview(state: AppState, canvas: &HtmlCanvasElement) {
    let (Some(t), Some(set)) = (state.teacher.summary.get(), state.synth.set.get_value()) else {
        return;
    };
    // Validation images are grouped by class, so stepping through them spreads the classes.
    let n = t.preview.len();
    let tiles: Vec<Tile> = (0..PREVIEW.min(n))
        .map(|j| {
            let i = j * n / PREVIEW.min(n);
            let (p, truth) = (t.preview[i], set.val.labels[i]);
            Tile {
                index: i,
                caption: format!("→ {}", numeral_text(p as usize, set.digits)),
                correct: Some(p == truth),
            }
        })
        .collect();
    let per_row = if set.digits == 1 { 12 } else { 8 };
    grid::draw(canvas, &set.val, &tiles, per_row);
}

/// The trained teacher's figures and its predictions on validation images.
#[component]
fn TeacherResult() -> impl IntoView {
    let state = use_state();
    view! {
        {move || state.teacher.summary.get().map(|t| view! {
            <div id="teacher-result" class="result">
                <p>
                    <strong>{format!("Validation accuracy {:.1}%", t.val_acc * 100.0)}</strong>
                    {format!(
                        " · training accuracy {:.1}% · wall time {:.1} s · first step {:.2} s · {:.1} ms/step",
                        t.train_acc * 100.0, t.seconds, t.first_step_s, t.ms_per_step
                    )}
                </p>
                <p class="muted">{format!("Ran on {}", t.backend)}</p>
            </div>
        })}
        <ImageGrid id="teacher-preview"
            aria_label="Validation images with the teacher's prediction; green is right, orange-red is wrong"
            draw=move |canvas| draw_preview(state, canvas)/>
    }
}
