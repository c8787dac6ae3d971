//! "Evaluate a saved student": read a burnpack file, rebuild the network it names and measure it on
//! the same test split it was trained for.

use std::sync::Arc;

use crate::data::{Target, TargetKind};
use crate::model::{Arch, WeightsInfo};
use crate::protocol::Stop;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::targets;
use crate::web::platform::js::blob_bytes;
use crate::web::state::AppState;
use crate::web::trainer::{
    client,
    messages::{Done, Request, Shared},
};

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

/// `request` on the evaluating worker, its failure in the words the page shows.
async fn ask(state: AppState, request: Request) -> Result<Done, String> {
    match client::run_on(client::SIDE, state, request).await {
        Ok(done) => Ok(done),
        Err(Stop::Failed(e)) => Err(e.trim_end_matches('.').to_string()),
        Err(_) => Err("cancelled".into()),
    }
}

pub async fn evaluate_file(state: AppState, file: JsValue) -> Result<String, String> {
    let bytes = blob_bytes(&file).await?;
    // The worker reads the file (the page has no Burn), the page fetches the test split it names,
    // then the worker rebuilds the network and tests it.
    let weights = bytes.clone();
    let info: WeightsInfo = match ask(state, Request::ReadWeights { weights }).await? {
        Done::WeightsRead(info) => info,
        _ => return Err("the worker answered something else".into()),
    };
    let target = target_for(state, &info.target, &info.class_names).await?;
    let request = Request::Evaluate {
        weights: bytes,
        test: Shared(Arc::new(target.test.clone())),
    };
    let acc = match ask(state, request).await? {
        Done::Evaluated(acc) => acc,
        _ => return Err("the worker answered something else".into()),
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
