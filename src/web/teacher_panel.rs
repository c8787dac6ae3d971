//! Stage 2 in the page: train the LeNet-5 teacher with live charts, progress and pause/resume/cancel.

use crate::data::numeral::numeral_text;
use crate::pipeline::Stage;
use crate::pipeline::backend::choose;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Validation images shown with the teacher's prediction.
const PREVIEW: usize = 24;

use super::chart::{self, BLUE, ORANGE, Series};
use super::controls::{BackendSelect, NumberField};
use super::grid::{self, Tile};
use super::state::{AppState, Control, Progress, TeacherHandle, TeacherSummary, use_state};
use super::trainer;
use super::trainer::protocol::{Done, Request, Shared, Stop};
use std::rc::Rc;

pub(super) fn train(state: AppState) {
    let Some(set) = state.set.get_value() else {
        state
            .notice
            .set(Some("Generate the synthesized dataset first.".into()));
        return;
    };
    let Some(cfg) = state.valid_config() else {
        return;
    };
    state.busy.set(Some(Stage::Teacher));
    state.gpu_lost.set(None);
    state.control.set(Control::Run);
    state.notice.set(None);
    state.teacher.set(None);
    state.losses.set(Vec::new());
    state.accuracy.set(Vec::new());
    state.progress.set(Progress::default());
    state.teacher_model.set_value(None);
    // Stage 3's dataset downloads while the teacher trains.
    super::distill_panel::prefetch_target(state);
    spawn_local(async move {
        let gpu_info = state.gpu.get_untracked().flatten();
        let choice = choose(cfg.backend, gpu_info.as_ref());
        let backend = choice.kind;
        // The worker says if WebGPU fails to start and it trains on the CPU (see `trainer::client`).
        state.backend.set(Some(choice));
        let request = Request::Teacher {
            set: Shared(set.clone()),
            cfg: cfg.teacher(),
            backend,
        };
        match trainer::client::run(state, request).await {
            Ok(Done::Teacher(t)) => {
                let synth_s = state.synth.get_untracked().map_or(0.0, |s| s.seconds);
                state.teacher_model.set_value(Some(Rc::new(TeacherHandle {
                    classes: set.config.classes,
                    cost_s: synth_s + t.seconds,
                })));
                state.teacher.set(Some(TeacherSummary {
                    backend: state
                        .backend
                        .get_untracked()
                        .map(|b| b.reason)
                        .unwrap_or_default(),
                    ..t
                }))
            }
            Ok(Done::Distill) => {}
            Err(Stop::DeviceLost(reason)) => state.gpu_lost.set(Some((Stage::Teacher, reason))),
            Err(Stop::Cancelled) => state.notice.set(Some(
                "Training cancelled. The charts keep what was done; change settings or train again."
                    .into(),
            )),
            Err(Stop::Failed(message)) => state.notice.set(Some(message)),
        }
        state.busy.set(None);
        state.control.set(Control::Run);
    });
}

pub(super) fn eta(p: &Progress) -> String {
    if p.step == 0 || p.total == 0 {
        return "starting…".into();
    }
    let left = p.elapsed_s / p.step as f32 * (p.total - p.step) as f32;
    format!("{:.0} s left", left.ceil())
}

#[component]
pub fn TeacherPanel() -> impl IntoView {
    let state = use_state();
    let loss_canvas = NodeRef::<html::Canvas>::new();
    let acc_canvas = NodeRef::<html::Canvas>::new();
    let preview_canvas = NodeRef::<html::Canvas>::new();

    Effect::new(move |_| {
        let losses = state.losses.get();
        if let Some(c) = loss_canvas.get() {
            chart::draw(
                c,
                "training step",
                "cross-entropy loss",
                &[Series {
                    name: "loss",
                    color: BLUE,
                    points: &losses,
                }],
                None,
            );
        }
    });
    Effect::new(move |_| {
        let acc = state.accuracy.get();
        let train: Vec<(f32, f32)> = acc.iter().map(|a| (a.0 as f32, a.1 * 100.0)).collect();
        let val: Vec<(f32, f32)> = acc.iter().map(|a| (a.0 as f32, a.2 * 100.0)).collect();
        if let Some(c) = acc_canvas.get() {
            chart::draw(
                c,
                "epoch",
                "accuracy (%)",
                &[
                    Series {
                        name: "training",
                        color: BLUE,
                        points: &train,
                    },
                    Series {
                        name: "validation",
                        color: ORANGE,
                        points: &val,
                    },
                ],
                Some((0.0, 100.0)),
            );
        }
    });
    Effect::new(move |_| {
        let (Some(t), Some(canvas)) = (state.teacher.get(), preview_canvas.get()) else {
            return;
        };
        let Some(set) = state.set.get_value() else {
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
        grid::draw(
            &canvas,
            &set.val,
            &tiles,
            if set.digits == 1 { 12 } else { 8 },
        );
    });

    let busy = move || state.busy.get() == Some(Stage::Teacher);
    let can_train = move || {
        state.synth.get().is_some()
            && state.busy.get().is_none()
            && state.field_errors.get().is_empty()
    };
    let paused = move || state.control.get() == Control::Pause;
    let pct = move || {
        let p = state.progress.get();
        if p.total == 0 || p.stage != Some(Stage::Teacher) {
            0.0
        } else {
            100.0 * p.step as f32 / p.total as f32
        }
    };
    view! {
        <section class="stage" aria-labelledby="teacher-title">
            <h2 id="teacher-title"><span class="step">"2"</span>" Train the lightweight teacher"</h2>
            <details class="explain-box" open>
            <summary>"What happens here"</summary>
            <p class="explain">
                "A LeNet-5 (two convolutions, three fully connected layers; the modern variant with ReLU and
                max-pooling) learns to read the numerals. It is tiny — about 60 thousand weights — and trains in
                seconds, which is the point of LW-KD: its soft outputs will later teach a student on a real
                dataset, instead of a big teacher that takes hours. Look at: the loss falling fast and then
                flattening, and validation accuracy (digits it never saw) staying close to training accuracy."
            </p>
            </details>
            <div class="fields">
                <NumberField field="teacher_epochs" label="Epochs" help="1 – 50"/>
                <NumberField field="batch_size" label="Batch size" help="1 – 1024"/>
                <NumberField field="lr" label="Learning rate (Adam)" help="e.g. 0.001" step="any"/>
                <div class="field" class:hidden=state.view.with_value(|v| v.hides("backend"))><BackendSelect/></div>
            </div>
            <div class="actions">
                <button id="train" class="primary" on:click=move |_| train(state) disabled=move || !can_train()>
                    {move || if busy() { "Training…" } else { "Train teacher" }}
                </button>
                <button
                    id="pause"
                    on:click=move |_| state.control.update(|c| *c = if *c == Control::Pause { Control::Run } else { Control::Pause })
                    disabled=move || !busy()
                    aria-pressed=move || if paused() { "true" } else { "false" }
                >
                    {move || if paused() { "Resume" } else { "Pause" }}
                </button>
                <button id="cancel" on:click=move |_| state.control.set(Control::Cancel) disabled=move || !busy()>
                    "Cancel"
                </button>
            </div>
            <div class="progress-row" aria-live="polite">
                <progress id="teacher-progress" max="100" value=move || pct().to_string()></progress>
                <span id="teacher-rate" class="figures">
                    {move || {
                        let p = state.progress.get();
                        if p.total == 0 || p.stage != Some(Stage::Teacher) {
                            String::from("—")
                        } else {
                            format!(
                                "step {} / {} · {:.0} samples/s · {}{}",
                                p.step,
                                p.total,
                                p.samples_per_s,
                                if busy() { eta(&p) } else { format!("{:.1} s", p.elapsed_s) },
                                if paused() { " · paused" } else { "" }
                            )
                        }
                    }}
                </span>
            </div>
            <div class="charts">
                <figure>
                    <canvas id="loss-chart" node_ref=loss_canvas width="560" height="260"
                        aria-label="Training loss per step"></canvas>
                    <figcaption>"Training loss per step — it should fall fast, then flatten."</figcaption>
                </figure>
                <figure>
                    <canvas id="acc-chart" node_ref=acc_canvas width="560" height="260"
                        aria-label="Training and validation accuracy per epoch"></canvas>
                    <figcaption>"Accuracy per epoch on training images and on held-out validation images."</figcaption>
                </figure>
            </div>
            {move || state.teacher.get().map(|t| view! {
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
            <canvas id="teacher-preview" node_ref=preview_canvas class="grid" width="0" height="0"
                aria-label="Validation images with the teacher's prediction; green is right, red is wrong"></canvas>
        </section>
    }
}
