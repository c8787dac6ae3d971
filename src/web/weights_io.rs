//! A finished student's weights out of the page (a burnpack file) and back in: "Evaluate a saved
//! student" reads a .bpk, rebuilds the network it names and measures it on the same test split.

use std::sync::Arc;

use crate::data::{Target, TargetKind};
use crate::distill::MethodResult;
use crate::model::{Arch, import};
use crate::train::evaluate::evaluate;
use js_sys::{Array, Function, Reflect, Uint8Array};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use super::host::WebHost;
use super::js::{blob_bytes, get};
use super::state::{AppState, use_state};

/// Hands `bytes` to the browser's download as `filename` (a blob: URL of this page, revoked after).
pub fn download(bytes: &[u8], filename: &str) {
    let global = js_sys::global();
    let parts = Array::of1(&Uint8Array::from(bytes));
    let Ok(blob) = Reflect::construct(
        &get(&global, "Blob").unchecked_into::<Function>(),
        &Array::of1(&parts),
    ) else {
        return;
    };
    let url_api = get(&global, "URL");
    let Some(url) = get(&url_api, "createObjectURL")
        .dyn_into::<Function>()
        .ok()
        .and_then(|f| f.call1(&url_api, &blob).ok())
        .and_then(|u| u.as_string())
    else {
        return;
    };
    super::export::download(&url, filename);
    let revoke = get(&url_api, "revokeObjectURL");
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(10_000).await;
        if let Ok(f) = revoke.dyn_into::<Function>() {
            f.call1(&get(&js_sys::global(), "URL"), &JsValue::from_str(&url))
                .ok();
        }
    });
}

pub fn save(r: &MethodResult) {
    download(
        &r.weights,
        &format!("lwkd-{}-{}.bpk", r.method.key(), r.student.key()),
    );
}

/// The loaded (or downloadable) target whose classes are the file's.
async fn target_for(
    state: AppState,
    name: &str,
    classes: &[String],
) -> Result<Arc<Target>, String> {
    let loaded = state
        .targets
        .with_value(|v| v.iter().find(|t| t.class_names == classes).cloned());
    if let Some(t) = loaded {
        return Ok(t);
    }
    match TargetKind::ALL.into_iter().find(|k| k.label() == name) {
        Some(kind) => super::distill_panel::ensure_target(state, kind).await,
        None => Err(format!(
            "it was trained on {name} with classes {}; load those images first (stage 3, “Your own images”)",
            classes.join(", ")
        )),
    }
}

async fn evaluate_file(state: AppState, file: JsValue) -> Result<String, String> {
    let bytes = blob_bytes(&file).await?;
    let device = burn::prelude::Device::flex();
    let (net, info) = import(&bytes, &device)?;
    let target = target_for(state, &info.target, &info.class_names).await?;
    let mut host = WebHost { state };
    let (acc, _) = evaluate(|x| net.forward(x), &target.test, &device, &mut host)
        .await
        .map_err(|_| "cancelled")?;
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

#[component]
pub fn ImportWeights() -> impl IntoView {
    let state = use_state();
    let result = RwSignal::new(None::<Result<String, String>>);
    let working = RwSignal::new(false);
    view! {
        <div class="field import">
            <label for="import-weights">"Evaluate a saved student (.bpk)"</label>
            <input type="file" id="import-weights" accept=".bpk" disabled=move || working.get() || state.busy.get().is_some()
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    let Some(file) = Reflect::get(&input, &"files".into()).ok().and_then(|l| Reflect::get(&l, &0.into()).ok()).filter(|f| !f.is_undefined()) else { return };
                    input.set_value("");
                    working.set(true);
                    result.set(None);
                    spawn_local(async move {
                        result.set(Some(evaluate_file(state, file).await));
                        working.set(false);
                    });
                }/>
        </div>
        <p id="import-result" aria-live="polite" class:error=move || matches!(result.get(), Some(Err(_)))>
            {move || match result.get() {
                None if working.get() => "Evaluating…".to_string(),
                None => String::new(),
                Some(Ok(m)) => m,
                Some(Err(e)) => format!("Not loaded: {e}."),
            }}
        </p>
    }
}
