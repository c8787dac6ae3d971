//! Stage 2's action: train the lightweight teacher in the worker.

use std::cell::Cell;
use std::sync::Arc;

use crate::pipeline::TeacherSummary;
use crate::protocol::Stage;
use crate::train::BackendKind;
use leptos::prelude::*;

use super::backend;
use super::heavy_ahead;
use super::job::{Job, run_job};
use super::targets;
use crate::web::state::{AppState, TeacherHandle};
use crate::web::trainer::{
    self,
    messages::{Done, Request, Shared},
};

pub fn train(state: AppState) {
    if state.busy_now() {
        return;
    }
    let Some(set) = state.synth.set.get_value() else {
        state.tell(Some(2), "Generate the synthesized dataset first.");
        return;
    };
    let Some(cfg) = state.valid_config(2) else {
        return;
    };
    state.teacher.start();
    state.clear_progress();
    // Stage 3's dataset downloads while the teacher trains.
    targets::prefetch(state);
    // The settings it trains with: the numerals' own, and the teacher's now.
    let (synth, teacher) = (set.config, cfg.teacher());
    let synth_s = state
        .synth
        .summary
        .get_untracked()
        .map_or(0.0, |s| s.seconds);
    let id = NEXT_ID.replace(NEXT_ID.get() + 1);
    let work = async move {
        let choice = backend::resolve(state).await;
        let backend = choice.kind;
        // The worker says if WebGPU fails to start and it trains on the CPU (see `trainer::client`).
        state.chose_backend(choice);
        // Students train where the teacher lives: on the CPU, stage 3's pool can start early.
        if backend == BackendKind::Cpu {
            heavy_ahead::start(state, &cfg);
        }
        let request = Request::Teacher {
            set: Shared(set),
            synth_s,
            cfg: teacher,
            backend,
            id,
        };
        trainer::client::run(state, request).await
    };
    let job = Job {
        stage: Stage::Teacher,
        cancelled: "Training cancelled. The charts keep what was done; change settings or train again.",
    };
    run_job(state, job, work, move |done| {
        if let Done::Teacher { summary, params } = done {
            let handle = TeacherHandle {
                classes: synth.classes,
                cost_s: synth_s + summary.seconds,
                id,
                params: Arc::new(params),
                synth,
                teacher,
                on_gpu: false,
            };
            trained(state, handle, summary);
        }
    });
}

thread_local! {
    /// The id the next teacher gets (the workers tell teachers apart by it).
    static NEXT_ID: Cell<u64> = const { Cell::new(1) };
}

/// Keeps the trained teacher: its handle for stage 3 (on the GPU if it trained there) and its summary
/// for the page.
fn trained(state: AppState, handle: TeacherHandle, t: TeacherSummary) {
    let choice = state.backend.get_untracked();
    let handle = TeacherHandle {
        on_gpu: choice
            .as_ref()
            .is_some_and(|b| b.kind == BackendKind::WebGpu),
        ..handle
    };
    let backend = choice.map(|b| b.reason).unwrap_or_default();
    state
        .teacher
        .trained(handle, TeacherSummary { backend, ..t });
}
