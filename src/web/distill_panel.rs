//! Stage 3 in the page: pick the target dataset, set the student and the method knobs, run the chosen
//! methods one after another with live charts, then compare them.

use std::sync::Arc;

use crate::data::{SynthConfig, Target, TargetKind};
use crate::distill::{Method, TeacherInput};
use crate::model::{Arch, StudentKind, parameter_count};
use crate::pipeline::Stage;
use crate::pipeline::backend::choose;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::chart::{self, BLUE, GREY, ORANGE, PURPLE, Series, VERMILLION};
use super::controls::NumberField;
use super::grid::{self, Tile};
use super::own_picker::OwnData;
use super::results::Results;
use super::state::{AppState, Control, TargetStatus, use_state};
use super::teacher_panel::eta;
use super::trainer;
use super::trainer::protocol::{DistillJob, Request, Shared, Stop, TeacherInputs};

/// The target of `kind`, downloaded once per page.
pub(super) async fn ensure_target(
    state: AppState,
    kind: TargetKind,
) -> Result<Arc<Target>, String> {
    if let Some(t) = state.target(kind) {
        return Ok(t);
    }
    if kind == TargetKind::Own {
        // Never downloaded, never stored: the person picks them again after a reload.
        return Err(
            "Choose your images first: a folder or .zip with one sub-folder per class".into(),
        );
    }
    state.target_status.set(TargetStatus::Loading(kind));
    match super::fetch::target(kind).await {
        Ok(t) => {
            let t = Arc::new(t);
            state.targets.update_value(|v| v.push(t.clone()));
            // The status is about the chosen target (this one may have been loaded for saved results).
            let chosen = state.config.get_untracked().target;
            state.target_status.set(match state.target(chosen) {
                Some(_) => TargetStatus::Ready(chosen),
                None => TargetStatus::Idle,
            });
            Ok(t)
        }
        Err(e) => {
            let msg = format!("{} could not be loaded: {e}", kind.label());
            state.target_status.set(TargetStatus::Failed(msg.clone()));
            Err(msg)
        }
    }
}

/// Starts downloading the chosen target in the background (e.g. while the teacher trains).
pub fn prefetch_target(state: AppState) {
    load_target(state, state.config.get_untracked().target);
}

/// Starts downloading `kind` in the background unless it is there or on its way.
pub fn load_target(state: AppState, kind: TargetKind) {
    if kind != TargetKind::Own
        && state.target(kind).is_none()
        && !matches!(
            state.target_status.get_untracked(),
            TargetStatus::Loading(_)
        )
    {
        spawn_local(async move {
            let _ = ensure_target(state, kind).await;
        });
    }
}

fn select_target(state: AppState, kind: TargetKind) {
    let loaded = state.target(kind);
    state.config.update(|c| {
        c.target = kind;
        // The synthesized dataset follows the target's K (Fashion-MNIST and MNIST have 10 classes).
        c.classes = loaded.as_ref().map_or(10, |t| t.classes());
    });
    match (loaded, kind) {
        (Some(_), _) => state.target_status.set(TargetStatus::Ready(kind)),
        // The picker below the settings asks for the images.
        (None, TargetKind::Own) => state.target_status.set(TargetStatus::Idle),
        (None, _) => spawn_local(async move {
            let _ = ensure_target(state, kind).await;
        }),
    }
}

pub(super) fn run(state: AppState) {
    let Some(cfg) = state.valid_config() else {
        return;
    };
    let methods = cfg.methods.clone();
    start(state, cfg, methods, true);
}

/// Runs the chosen methods that have no result yet, keeping the finished ones (after a lost GPU).
pub(super) fn resume(state: AppState) {
    let Some(cfg) = state.valid_config() else {
        return;
    };
    let done: Vec<Method> = state
        .results
        .get_untracked()
        .iter()
        .map(|r| r.method)
        .collect();
    let (methods, skipped): (Vec<Method>, Vec<Method>) = cfg
        .methods
        .iter()
        .copied()
        .filter(|m| !done.contains(m))
        .partition(|m| !m.uses_light_teacher() || state.teacher_model.with_value(Option::is_some));
    if methods.is_empty() {
        state.busy.set(None);
    } else {
        start(state, cfg, methods, false);
    }
    if !skipped.is_empty() {
        let names: Vec<&str> = skipped.iter().map(|m| m.label()).collect();
        state.notice.set(Some(format!(
            "Not continued: {} — it needs the lightweight teacher, which was on the lost GPU. Train the teacher again (stage 2), then distill.",
            names.join(", ")
        )));
    }
}

fn start(state: AppState, cfg: crate::pipeline::Config, methods: Vec<Method>, fresh: bool) {
    let teacher = state.teacher_model.get_value();
    let digits = state.digits.get_value();
    if methods.is_empty() {
        state.notice.set(Some("Tick at least one method.".into()));
        return;
    }
    state.busy.set(Some(Stage::Student(methods[0])));
    state.control.set(Control::Run);
    state.notice.set(None);
    state.gpu_lost.set(None);
    if fresh {
        state.results.set(Vec::new());
        state.results_target.set(Some(cfg.target));
        state.restored.set(false);
        state.chosen.set(None);
        state.showcase.set(None);
    }
    state.distill_losses.set(Vec::new());
    state.distill_acc.set(Vec::new());
    spawn_local(async move {
        let finish = move |message: Option<String>| {
            if message.is_some() {
                state.notice.set(message);
            }
            state.busy.set(None);
            state.control.set(Control::Run);
        };
        let target = match ensure_target(state, cfg.target).await {
            Ok(t) => t,
            Err(msg) => return finish(Some(msg)),
        };
        let teacher = match (&teacher, &digits) {
            (Some(t), Some(d)) => Some(TeacherInputs {
                cost_s: t.cost_s,
                digits: Shared(d.clone()),
                max_shift: SynthConfig::default().max_shift,
            }),
            _ => None,
        };
        let gpu_info = state.gpu.get_untracked().flatten();
        let job = DistillJob {
            methods: methods.clone(),
            target: Shared(target.clone()),
            cfg: cfg.distill(),
            backend: choose(cfg.backend, gpu_info.as_ref()).kind,
            teacher,
            showcase: fresh || state.showcase.get_untracked().is_none(),
        };
        match trainer::client::run(state, Request::Distill(Box::new(job))).await {
            Ok(_) => finish(None),
            Err(Stop::DeviceLost(reason)) => {
                state
                    .gpu_lost
                    .set(Some((Stage::Student(methods[0]), reason)));
                finish(None)
            }
            Err(Stop::Cancelled) => finish(Some(
                "Cancelled. Finished methods stay in the table; run again to redo them.".into(),
            )),
            Err(Stop::Failed(message)) => finish(Some(message)),
        }
    });
}

#[component]
fn Select(
    id: &'static str,
    /// The control's name for `hide=` in the URL.
    control: &'static str,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    current: Signal<&'static str>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let state = use_state();
    let hidden = state.view.with_value(|v| v.hides(control));
    view! {
        <div class="field" class:hidden=hidden>
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick(event_target_value(&ev))
                disabled=move || state.busy.get().is_some()>
                {options.into_iter().map(|(key, text)| view! {
                    <option value=key selected=move || current.get() == key>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn MethodBoxes() -> impl IntoView {
    let state = use_state();
    view! {
        <fieldset class="methods" class:hidden=state.view.with_value(|v| v.hides("methods"))>
            <legend>"Methods to compare (run in this order)"</legend>
            {Method::ALL.into_iter().map(|m| {
                let id = format!("method-{}", m.key());
                let label_for = id.clone();
                view! {
                    <label class="check" for=label_for>
                        <input type="checkbox" id=id
                            prop:checked=move || state.config.get().methods.contains(&m)
                            disabled=move || state.busy.get().is_some()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.config.update(|c| {
                                    c.methods = Method::ALL
                                        .into_iter()
                                        .filter(|&x| if x == m { on } else { c.methods.contains(&x) })
                                        .collect();
                                });
                            }/>
                        <span class="swatch" style=format!("background:{}", chart::css(chart::method_color(m)))></span>
                        {m.label()}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
pub fn DistillPanel() -> impl IntoView {
    let state = use_state();
    let sample_canvas = NodeRef::<html::Canvas>::new();
    let loss_canvas = NodeRef::<html::Canvas>::new();
    let disc_canvas = NodeRef::<html::Canvas>::new();
    let acc_canvas = NodeRef::<html::Canvas>::new();

    Effect::new(move |_| {
        let status = state.target_status.get();
        let (TargetStatus::Ready(kind), Some(canvas)) = (status, sample_canvas.get()) else {
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
        grid::draw(&canvas, &t.train, &tiles, per_row);
    });
    Effect::new(move |_| {
        let parts = state.distill_losses.get();
        let pick = |f: fn(&crate::pipeline::events::LossParts) -> f32| -> Vec<(f32, f32)> {
            parts.iter().map(|p| (p.step as f32, f(p))).collect()
        };
        let (total, ce, soft, adv, disc) = (
            pick(|p| p.total),
            pick(|p| p.ce),
            pick(|p| p.soft),
            pick(|p| p.adv),
            pick(|p| p.disc),
        );
        if let Some(c) = loss_canvas.get() {
            let mut series = vec![
                Series {
                    name: "total",
                    color: BLUE,
                    points: &total,
                },
                Series {
                    name: "CE (hard labels)",
                    color: GREY,
                    points: &ce,
                },
                Series {
                    name: "soft-target term",
                    color: ORANGE,
                    points: &soft,
                },
            ];
            if parts.iter().any(|p| p.adv != 0.0) {
                series.push(Series {
                    name: "adversarial (student)",
                    color: VERMILLION,
                    points: &adv,
                });
                series.push(Series {
                    name: "discriminator",
                    color: PURPLE,
                    points: &disc,
                });
            }
            chart::draw(c, "training step", "loss", &series, None);
        }
        if let Some(c) = loss_canvas.get() {
            c.set_attribute("data-points", &parts.len().to_string())
                .ok();
        }
    });
    Effect::new(move |_| {
        let acc = state.disc_acc.get();
        if let Some(c) = disc_canvas.get() {
            c.set_attribute("data-points", &acc.len().to_string()).ok();
            chart::draw(
                c,
                "training step",
                "discriminator accuracy (%)",
                &[Series {
                    name: "teacher vs student",
                    color: PURPLE,
                    points: &acc,
                }],
                Some((0.0, 100.0)),
            );
        }
    });
    Effect::new(move |_| {
        let acc = state.distill_acc.get();
        let train: Vec<(f32, f32)> = acc.iter().map(|a| (a.0 as f32, a.1 * 100.0)).collect();
        let test: Vec<(f32, f32)> = acc.iter().map(|a| (a.0 as f32, a.2 * 100.0)).collect();
        if let Some(c) = acc_canvas.get() {
            chart::draw(
                c,
                "epoch",
                "student accuracy (%)",
                &[
                    Series {
                        name: "training",
                        color: BLUE,
                        points: &train,
                    },
                    Series {
                        name: "test",
                        color: ORANGE,
                        points: &test,
                    },
                ],
                Some((0.0, 100.0)),
            );
        }
    });

    let busy = move || {
        matches!(
            state.busy.get(),
            Some(Stage::Student(_) | Stage::HeavyTeacher)
        )
    };
    let paused = move || state.control.get() == Control::Pause;
    let can_run = move || {
        state.busy.get().is_none()
            && state.field_errors.get().is_empty()
            && matches!(state.data.get(), super::state::DataStatus::Ready { .. })
    };
    let progress = move || {
        let p = state.progress.get();
        match p.stage {
            Some(s @ (Stage::Student(_) | Stage::HeavyTeacher)) if p.total > 0 => Some((s, p)),
            _ => None,
        }
    };
    let students: Vec<(&'static str, String)> = StudentKind::ALL
        .into_iter()
        .map(|k| {
            (
                k.key(),
                format!(
                    "{} — {} weights",
                    k.label(),
                    parameter_count(Arch::Student(k), 10)
                ),
            )
        })
        .collect();
    let heavy_params = parameter_count(Arch::Heavy, 10);
    view! {
        <section class="stage" aria-labelledby="distill-title">
            <h2 id="distill-title"><span class="step">"3"</span>" Distill a student on a real dataset"</h2>
            <details class="explain-box" open>
            <summary>"What happens here"</summary>
            <p class="explain">
                "Now the teacher that only ever saw numerals teaches a small student to recognise clothes (or
                digits). For each training image of class "<em>"y"</em>", the teacher looks at a freshly drawn
                numeral "<em>"y"</em>" and its softened output becomes the student's soft target. LW-KD adds a
                discriminator that tries to tell the teacher's outputs from the student's; the student learns to
                fool it. The baselines use no teacher (CE, label smoothing), a hand-made one (Tf-KD_reg), or a
                heavy CNN trained on the target itself first (vanilla KD)."
            </p>
            </details>
            <details class="reading">
                <summary>"Our reading of the paper — what is our choice, not the paper's"</summary>
                <p>
                    "Only the paper's abstract is available to us, so these details are this app's design:
                    the loss (1 − α)·CE + α·T²·KL(teacher ‖ student) + β·(−log D(student)); a discriminator
                    K → 64 → 64 → 1 trained one step before each student step, teacher outputs as “real”;
                    a fresh synthesized numeral per sample as the teacher's input (or, switchable, the
                    teacher's mean output per class); T = 2, α = 0.1, β = 0.1, chosen by a sweep on held-out
                    training images. Tf-KD_reg follows its authors' code: softmax of the hand-made
                    probabilities divided by T = 20. Every method gets the same student, data, budget and seed."
                </p>
                <p>
                    "What to look at: the table's total time (LW-KD's teacher is trained on numerals, vanilla
                    KD's on the target), the soft targets below (per-image for LW-KD, one fixed row per class
                    for Tf-KD), and the discriminator's accuracy drifting toward 50 % as the student learns to
                    sound like the teacher. On this small budget all methods end within about half a point
                    of each other; the README shows the numbers over three seeds."
                </p>
            </details>
            <div class="fields">
                <Select id="field-target" control="target" label="Target dataset"
                    options=TargetKind::ALL.into_iter().map(|k| (k.key(), k.label().to_string()))
                        .chain([(TargetKind::Own.key(), "Your own images (a folder or .zip)…".to_string())]).collect()
                    current=Signal::derive(move || state.config.get().target.key())
                    on_pick=move |v| if let Some(k) = TargetKind::from_key(&v).or((v == "own").then_some(TargetKind::Own)) { select_target(state, k) }/>
                <Select id="field-student" control="student" label="Student"
                    options=students
                    current=Signal::derive(move || state.config.get().student.key())
                    on_pick=move |v| if let Some(k) = StudentKind::from_key(&v) { state.config.update(|c| c.student = k) }/>
                <Select id="field-teacher-input" control="teacher_input" label="Teacher input"
                    options=vec![
                        (TeacherInput::PerInstance.key(), "a fresh numeral per sample".to_string()),
                        (TeacherInput::ClassMean.key(), "class mean (fixed per class)".to_string()),
                    ]
                    current=Signal::derive(move || state.config.get().teacher_input.key())
                    on_pick=move |v| if let Some(k) = TeacherInput::from_key(&v) { state.config.update(|c| c.teacher_input = k) }/>
                <NumberField field="train_per_class" label="Training images per class" help="10 – 1000"/>
                <NumberField field="distill_epochs" label="Student epochs" help="1 – 50"/>
                <NumberField field="temperature" label="Temperature T" help="0.5 – 100" step="any"/>
                <NumberField field="alpha" label="α (soft-target weight)" help="0 – 1" step="any"/>
                <NumberField field="beta" label="β (adversarial weight)" help="0 – 10" step="any"/>
                <NumberField field="heavy_epochs" label="Heavy teacher epochs" help="vanilla KD only"/>
            </div>
            <OwnData/>
            <p class="muted small">{format!(
                "Vanilla KD's heavy teacher: a CNN with 16 and 32 channels and a 128-unit layer — {heavy_params} weights, trained on the target first."
            )}</p>
            <MethodBoxes/>
            <div class="actions">
                <button id="distill-run" class="primary" on:click=move |_| run(state) disabled=move || !can_run()>
                    {move || if busy() { "Distilling…" } else { "Distill and compare" }}
                </button>
                <button id="distill-pause"
                    on:click=move |_| state.control.update(|c| *c = if *c == Control::Pause { Control::Run } else { Control::Pause })
                    disabled=move || !busy()
                    aria-pressed=move || if paused() { "true" } else { "false" }>
                    {move || if paused() { "Resume" } else { "Pause" }}
                </button>
                <button id="distill-cancel" on:click=move |_| state.control.set(Control::Cancel) disabled=move || !busy()>
                    "Cancel"
                </button>
                <span id="target-status" class="figures muted">
                    {move || match state.target_status.get() {
                        TargetStatus::Idle => String::new(),
                        TargetStatus::Loading(k) => format!("Loading {}…", k.label()),
                        TargetStatus::Ready(k) => {
                            let t = state.target(k);
                            t.map(|t| format!("{}: {} training and {} test images, {} classes", k.label(), t.train.len(), t.test.len(), t.classes())).unwrap_or_default()
                        }
                        TargetStatus::Failed(m) => m,
                    }}
                </span>
            </div>
            <div class="progress-row" aria-live="polite">
                <progress id="distill-progress" max="100"
                    value=move || progress().map_or(0.0, |(_, p)| 100.0 * p.step as f32 / p.total as f32).to_string()></progress>
                <span id="distill-rate" class="figures">
                    {move || match progress() {
                        Some((s, p)) => format!(
                            "{} · step {} / {} · {:.0} samples/s · {}{}",
                            s.label(), p.step, p.total, p.samples_per_s,
                            if busy() { eta(&p) } else { format!("{:.1} s", p.elapsed_s) },
                            if paused() { " · paused" } else { "" }
                        ),
                        None => "—".to_string(),
                    }}
                </span>
            </div>
            <canvas id="target-grid" node_ref=sample_canvas class="grid" width="0" height="0"
                aria-label="Sample images of the target dataset with their class names"></canvas>
            <div class="charts">
                <figure>
                    <canvas id="distill-loss-chart" node_ref=loss_canvas width="560" height="260"
                        aria-label="Loss components of the running method per step"></canvas>
                    <figcaption>"Loss components of the method running now: hard-label CE, the soft-target term, and for LW-KD the adversarial terms."</figcaption>
                </figure>
                <figure>
                    <canvas id="disc-chart" node_ref=disc_canvas width="560" height="260"
                        aria-label="Discriminator accuracy per step"></canvas>
                    <figcaption>"LW-KD's discriminator (its latest run): how often it tells the teacher's outputs from the student's. Near 50 % the student's outputs pass for the teacher's."</figcaption>
                </figure>
                <figure>
                    <canvas id="distill-acc-chart" node_ref=acc_canvas width="560" height="260"
                        aria-label="Student training and test accuracy per epoch"></canvas>
                    <figcaption>"The running student's accuracy per epoch on its training images and on the test split."</figcaption>
                </figure>
            </div>
            <Results/>
        </section>
    }
}
