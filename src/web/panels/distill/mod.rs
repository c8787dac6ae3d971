//! Stage 3 in the page: pick the target dataset, set the student and the method knobs, run the chosen
//! methods one after another with live charts, then compare them.

mod charts;
mod k_check;
mod settings;

use crate::model::{Arch, parameter_count};
use crate::pipeline::knobs::MAX_TRAIN_PER_CLASS;
use crate::protocol::Stage;
use leptos::prelude::*;

use super::own_picker::OwnData;
use super::results::Results;
use crate::web::actions::distill::run;
use crate::web::state::{DataStatus, TargetStatus, use_state};
use crate::web::widgets::{
    notice::NoticeSlot,
    run_controls::{RunControls, RunIds},
    settings::Settings,
    stage::{StageSection, WhatHappens},
};
use charts::{DistillCharts, TargetGrid};
use k_check::KCheck;
use settings::{DistillFields, MethodBoxes};

/// The comparison's size before it starts, and its time at the speed the last one measured here.
#[component]
fn ComparisonEstimate() -> impl IntoView {
    let state = use_state();
    move || {
        let cfg = state.config.get();
        state.targets.status.track();
        let target = state.target(cfg.target);
        let classes = target.as_ref().map_or(10, |t| t.classes());
        let all = target
            .as_ref()
            .map_or(10 * MAX_TRAIN_PER_CLASS, |t| t.train.len());
        let results = state.distill.results.get();
        let (seconds, steps) = results
            .iter()
            .fold((0.0, 0), |(s, n), r| (s + r.distill_s, n + r.steps));
        let ms = (steps > 0).then(|| 1000.0 * seconds / steps as f32);
        let text = cfg.comparison_estimate(classes, all).describe(ms);
        view! { <p id="distill-estimate" class="small muted">{format!("This comparison: {text}.")}</p> }
    }
}

#[component]
pub fn DistillPanel() -> impl IntoView {
    let state = use_state();
    let busy = Signal::derive(move || {
        matches!(
            state.busy.get(),
            Some(Stage::Student(_) | Stage::HeavyTeacher | Stage::SeedTeacher)
        )
    });
    let can_run = Signal::derive(move || {
        state.busy.get().is_none()
            && state.field_errors.get().is_empty()
            && matches!(state.data.get(), DataStatus::Ready { .. })
    });
    let progress = Signal::derive(move || {
        let p = state.distill.run.progress.get();
        match p.stage {
            Some(Stage::Student(_) | Stage::HeavyTeacher | Stage::SeedTeacher) if p.total > 0 => {
                Some(p)
            }
            _ => None,
        }
    });
    let ids = RunIds {
        run: "distill-run",
        pause: "distill-pause",
        cancel: "distill-cancel",
        progress: "distill-progress",
        rate: "distill-rate",
    };
    let heavy_params = parameter_count(Arch::Heavy, 10);
    view! {
        <StageSection step="3" title_id="distill-title" title=" Distill a student on a real dataset">
            <DistillIntro/>
            <Settings stage=3><DistillFields/></Settings>
            <OwnData/>
            <p class="muted small">{format!(
                "Vanilla KD's heavy teacher: a CNN with 16 and 32 channels and a 128-unit layer — {heavy_params} weights, trained on the target first."
            )}</p>
            <MethodBoxes/>
            <KCheck/>
            <ComparisonEstimate/>
            <RunControls ids=ids label="Distill and compare" busy_label="Distilling…" on_run=move || run(state)
                can_run=can_run busy=busy progress=progress name_stage=true>
                <TargetLine/>
            </RunControls>
            <NoticeSlot stage=Some(3)/>
            <TargetGrid/>
            <DistillCharts/>
            <Results/>
        </StageSection>
    }
}

/// What the chosen target holds, or how its download goes.
#[component]
fn TargetLine() -> impl IntoView {
    let state = use_state();
    view! {
        <span id="target-status" class="figures muted">
            {move || match state.targets.status.get() {
                TargetStatus::Idle => String::new(),
                TargetStatus::Loading(k) => format!("Loading {}…", k.label()),
                TargetStatus::Ready(k) => {
                    let t = state.target(k);
                    t.map(|t| format!("{}: {} training and {} test images, {} classes", k.label(), t.train.len(), t.test.len(), t.classes())).unwrap_or_default()
                }
                TargetStatus::Failed(m) => m,
            }}
        </span>
    }
}

/// What stage 3 does, and which of its details are this app's reading of the paper.
#[component]
fn DistillIntro() -> impl IntoView {
    view! {
            <WhatHappens>
                "Now the teacher that only ever saw numerals teaches a small student to recognise clothes (or
                digits). It labels a bank of synthesized numerals once; for each training image of class "<em>"y"</em>",
                the student's soft target is the teacher's softened output on a numeral "<em>"y"</em>" drawn from
                that bank. LW-KD adds a discriminator that tries to tell the teacher's outputs from the
                student's; the student learns to fool it. The baselines use no teacher (CE, label smoothing), a
                hand-made one (Tf-KD_reg), or a heavy CNN trained first on every training image of the target
                (vanilla KD); the controls put an untrained, a shuffled or a uniform teacher in LW-KD's place.
                Every method runs with its own settings, tuned for the scenario on the same budget. By default
                30 % of the student's labels are wrong and training is long: watch plain CE memorise them (its
                training accuracy climbs, its test accuracy falls) while soft targets hold it back."
            </WhatHappens>
            <details class="reading">
                <summary>"Our reading of the paper — what is our choice, not the paper's"</summary>
                <p>
                    "Only the paper's abstract is available to us, so these details are this app's design:
                    the loss (1 − α)·CE + α·T²·KL(teacher ‖ student) + β·(−log D(student)) (β optionally
                    scaled by T², as the distillation term is); a discriminator K → 64 → 64 → 1 trained one step
                    before each student step, teacher outputs as “real”; as the teacher's input, a synthesized
                    numeral of the sample's class drawn from a bank the teacher labelled once (switchable: a
                    fresh numeral per sample, or the teacher's mean output per class). Tf-KD_reg's hand-made
                    target follows its authors' code (softmax of the hand-made probabilities divided by its T);
                    its student side follows the paper (softened by the same T, scaled by T²). Every method
                    gets the same student, data, budget and seeds, and its own settings (T, α, β, ε, a) chosen
                    by `lwkd tune` on validation images carved from the training split, never the test split."
                </p>
                <p>
                    "What to look at: the overfitting chart (training beside test accuracy), each teacher's cost
                    beside the heavy one's, the soft targets below (per-image for LW-KD, one fixed row per class
                    for Tf-KD) and the discriminator's accuracy. Measured over five seeds with every method tuned
                    (docs/science.md): on clothes with noisy labels LW-KD's gain is what any smoothing gives —
                    its untrained, shuffled and uniform controls do as well; on digits, where numeral k is digit k,
                    only the trained teacher helps; with plenty of clean labels nothing does."
                </p>
            </details>
    }
}
