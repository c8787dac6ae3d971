//! Which backend a job trains on: *Automatic* on a hardware adapter times both backends first (in the
//! side worker, once per adapter and training module: a clean result is remembered in localStorage),
//! and anyone can ask for the same measurement on any adapter (*Measure both backends*, beside the
//! backend line).

use futures::future::{Either, select};
use gloo_timers::future::TimeoutFuture;

use crate::pipeline::{BackendChoice, BackendPreference, backend::choose};
use crate::protocol::Stop;
use crate::train::Measured;
use crate::web::platform::storage;
use crate::web::state::AppState;
use crate::web::trainer::{
    client,
    messages::{Done, Request},
};
use leptos::prelude::*;

/// Longer than any healthy measurement (13 s on SwiftShader, kernels compiled on a CPU): a GPU that
/// hangs must not hold the side worker, and every job after it, for ever.
const LIMIT_MS: u32 = 60_000;

/// Per adapter and per training module: new kernels deserve a new measurement.
fn key(adapter: &str) -> String {
    format!("lwkd-measured:{}:{adapter}", client::module_version())
}

/// The measurement remembered for `adapter` on an earlier visit, if any.
pub fn remembered(adapter: &str) -> Option<Measured> {
    serde_json::from_str(&storage::local_get(&key(adapter))?).ok()
}

/// Both backends timed in the side worker, or why not.
async fn ask_worker(state: AppState) -> Result<Measured, String> {
    let run = Box::pin(client::run_on(
        client::SIDE,
        state,
        Request::MeasureBackends,
    ));
    let answer = match select(run, TimeoutFuture::new(LIMIT_MS)).await {
        Either::Left((answer, _)) => answer,
        Either::Right(((), run)) => {
            client::abandon(client::SIDE, "it took over a minute to time the backends");
            run.await
        }
    };
    match answer {
        Ok(Done::Measured(m)) => Ok(m),
        Ok(_) => Err("the worker answered something else".into()),
        Err(Stop::Failed(e)) => Err(e.trim_end_matches('.').to_string()),
        Err(_) => Err("the measurement stopped".into()),
    }
}

/// Times both backends, shows the result and remembers a clean one for this adapter. A failure is
/// kept for this visit only, as a measurement that chose the CPU and says why.
pub async fn measure(state: AppState) -> Result<Measured, String> {
    let Some(adapter) = state.gpu.get_untracked().flatten() else {
        return Err("this browser offers no WebGPU adapter to measure".into());
    };
    state.measuring_now(true);
    let answer = ask_worker(state).await;
    state.measuring_now(false);
    let measured = answer.clone().unwrap_or_else(Measured::failed);
    if measured.worth_keeping()
        && let Ok(json) = serde_json::to_string(&measured)
    {
        storage::local_set(&key(&adapter.name), &json);
    }
    state.measured_now(measured);
    answer
}

/// The backend for the next job, measured first where *Automatic* meets a hardware adapter it has
/// not timed yet this visit or before (a failed measurement counts: it chooses the CPU and says why).
pub async fn resolve(state: AppState) -> BackendChoice {
    let pref = state.config.get_untracked().backend;
    let gpu = state.gpu.get_untracked().flatten();
    let hardware = gpu.as_ref().is_some_and(|g| !g.is_fallback);
    if pref == BackendPreference::Auto && hardware && state.measured.get_untracked().is_none() {
        let _ = measure(state).await;
    }
    choose(pref, gpu.as_ref(), state.measured.get_untracked().as_ref())
}
