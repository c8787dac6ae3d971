//! Which backend a job trains on: *Automatic* on a hardware adapter times both backends first (in the
//! side worker, once per adapter: the result is remembered in localStorage), and anyone can ask for
//! the same measurement on any adapter (*Measure both*, beside the backend line).

use crate::pipeline::backend::choose;
use crate::pipeline::{BackendChoice, BackendPreference, Measured, Stop};
use crate::web::platform::storage;
use crate::web::state::AppState;
use crate::web::trainer::client;
use crate::web::trainer::protocol::{Done, Request};
use leptos::prelude::*;

fn key(adapter: &str) -> String {
    format!("lwkd-measured:{adapter}")
}

/// The measurement remembered for `adapter` on an earlier visit, if any.
pub fn remembered(adapter: &str) -> Option<Measured> {
    serde_json::from_str(&storage::local_get(&key(adapter))?).ok()
}

/// Times both backends in the side worker, remembers the result for this adapter and shows it.
pub async fn measure(state: AppState) -> Result<Measured, String> {
    let Some(adapter) = state.gpu.get_untracked().flatten() else {
        return Err("this browser offers no WebGPU adapter to measure".into());
    };
    state.measuring.set(true);
    let answer = client::run_on(client::SIDE, state, Request::MeasureBackends).await;
    state.measuring.set(false);
    let measured = match answer {
        Ok(Done::Measured(m)) => m,
        Ok(_) => return Err("the worker answered something else".into()),
        Err(Stop::Failed(e)) => return Err(e),
        Err(_) => return Err("the measurement stopped".into()),
    };
    if let Ok(json) = serde_json::to_string(&measured) {
        storage::local_set(&key(&adapter.name), &json);
    }
    state.measured.set(Some(measured.clone()));
    Ok(measured)
}

/// The backend for the next job, measured first where *Automatic* meets a hardware adapter it has
/// not timed yet (a failed measurement leaves the unmeasured choice, which says why).
pub async fn resolve(state: AppState) -> BackendChoice {
    let pref = state.config.get_untracked().backend;
    let gpu = state.gpu.get_untracked().flatten();
    let hardware = gpu.as_ref().is_some_and(|g| !g.is_fallback);
    if pref == BackendPreference::Auto && hardware && state.measured.get_untracked().is_none() {
        let _ = measure(state).await;
    }
    choose(pref, gpu.as_ref(), state.measured.get_untracked().as_ref())
}
