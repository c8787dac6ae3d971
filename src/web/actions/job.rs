//! One job in the training worker, from the click to its end: the page marks the stage busy, clears
//! the last notice and lost-device note, runs the job, and turns how it stopped into what the person
//! sees (a notice, or the lost-device offer); then the page is idle again.

use std::future::Future;

use crate::protocol::{Stage, Stop};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::state::AppState;

/// What a job is, for the page: the stage it runs as, and the notice a cancel leaves.
pub struct Job {
    pub stage: Stage,
    pub cancelled: &'static str,
}

/// Runs `work` as `job`; `done` takes its result when it finishes.
pub fn run_job<T: 'static>(
    state: AppState,
    job: Job,
    work: impl Future<Output = Result<T, Stop>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    if state.busy_now() {
        return;
    }
    // The backends are being timed (*Measure both backends*): a job now would skew the numbers.
    if state.measuring.get_untracked() {
        state.tell(
            None,
            "The backends are being timed; start again in a few seconds.",
        );
        return;
    }
    state.begin_job(job.stage);
    spawn_local(async move {
        match work.await {
            Ok(result) => done(result),
            Err(Stop::DeviceLost(reason)) => state.lose_gpu(job.stage, reason),
            Err(Stop::Cancelled) => state.tell(Some(job.stage.number()), job.cancelled),
            Err(Stop::Failed(message)) => state.tell(Some(job.stage.number()), message),
        }
        state.end_job();
    });
}
