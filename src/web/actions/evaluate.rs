//! "Evaluate a saved student": read a burnpack file, rebuild the network it names and measure it on
//! the same test split it was trained for.

use std::sync::Arc;

use crate::data::{Target, TargetKind};
use crate::model::{Arch, read_info};
use crate::pipeline::Stop;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::targets;
use crate::web::platform::js::blob_bytes;
use crate::web::state::AppState;
use crate::web::trainer::client;
use crate::web::trainer::protocol::{Done, Request, Shared};

/// The loaded (or downloadable) target whose classes are the file's.
async fn target_for(
    state: AppState,
    name: &str,
    classes: &[String],
) -> Result<Arc<Target>, String> {
    let loaded = state
        .targets
        .loaded
        .with_value(|v| v.iter().find(|t| t.class_names == classes).cloned());
    if let Some(t) = loaded {
        return Ok(t);
    }
    match TargetKind::ALL.into_iter().find(|k| k.label() == name) {
        Some(kind) => targets::ensure(state, kind).await,
        None => Err(format!(
            "it was trained on {name} with classes {}; load those images first (stage 3, “Your own images”)",
            classes.join(", ")
        )),
    }
}

pub async fn evaluate_file(state: AppState, file: JsValue) -> Result<String, String> {
    let bytes = blob_bytes(&file).await?;
    // The page reads the file's metadata only; the worker rebuilds the network and tests it.
    let info = read_info(&bytes).map_err(|e| e.to_string())?;
    let target = target_for(state, &info.target, &info.class_names).await?;
    let request = Request::Evaluate {
        weights: bytes,
        test: Shared(Arc::new(target.test.clone())),
    };
    let acc = match client::run_on(client::EVALUATOR, state, request).await {
        Ok(Done::Evaluated(acc)) => acc,
        Ok(_) => return Err("the worker answered something else".into()),
        Err(Stop::Failed(e)) => return Err(e.trim_end_matches('.').to_string()),
        Err(_) => return Err("cancelled".into()),
    };
    let arch = match info.arch {
        Arch::Student(k) => k.key().to_uppercase(),
        Arch::Heavy => "heavy CNN".into(),
    };
    Ok(format!(
        "{} student ({arch}) trained on {}: test accuracy {:.2}% on {} test images ({:.2}% when it was saved).",
        info.method,
        info.target,
        acc * 100.0,
        target.test.len(),
        info.test_acc * 100.0
    ))
}
