//! Taking results out of the page: the comparison as CSV and JSON, each chart as PNG, a student's
//! weights as a burnpack file. Everything is
//! made in the browser and handed to the browser's own download; nothing goes over the network.

use crate::protocol::MethodResult;
use js_sys::{Array, Function, Reflect, Uint8Array};
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlCanvasElement};

use super::js::get;

/// Downloads `href` (a data: or blob: URL) as `filename`.
fn download_url(href: &str, filename: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(href);
    a.set_download(filename);
    a.click();
}

fn text_href(mime: &str, text: &str) -> String {
    format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(text)
    )
}

/// One row per method and seed: what the table summarises, with more digits.
pub fn csv(results: &[MethodResult]) -> String {
    let mut out = String::from(
        "method,seed,student,weights,test_accuracy,train_accuracy,teacher_seconds,distillation_seconds,total_seconds,teacher_seed\n",
    );
    for r in results {
        let teacher_seed = r.teacher_seed.map_or(String::new(), |s| s.to_string());
        out.push_str(&format!(
            "{},{},{},{},{:.4},{:.4},{:.3},{:.3},{:.3},{teacher_seed}\n",
            r.method.key(),
            r.seed,
            r.student.key(),
            r.params,
            r.test_acc,
            r.train_acc,
            r.teacher_s,
            r.distill_s,
            r.total_s
        ));
    }
    out
}

/// Every result with its per-epoch curve (predictions and showcase outputs left out: they are large
/// and only meaningful beside the test set), and the technical details of what went wrong during the
/// visit (the page shows plain words).
pub fn json(results: &[MethodResult], query: &str, details: &[String]) -> String {
    let runs: Vec<_> = results
        .iter()
        .map(|r| {
            serde_json::json!({
                "method": r.method.key(), "seed": r.seed, "student": r.student.key(), "weights": r.params,
                "test_accuracy": r.test_acc, "train_accuracy": r.train_acc,
                "teacher_seconds": r.teacher_s, "distillation_seconds": r.distill_s,
                "total_seconds": r.total_s, "teacher_seed": r.teacher_seed, "curve": r.curve,
            })
        })
        .collect();
    let out = serde_json::json!({ "settings": query, "results": runs, "problem_details": details });
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

pub fn save_csv(results: &[MethodResult]) {
    download_url(&text_href("text/csv", &csv(results)), "lwkd-comparison.csv");
}

pub fn save_json(results: &[MethodResult], query: &str, details: &[String]) {
    download_url(
        &text_href("application/json", &json(results, query, details)),
        "lwkd-comparison.json",
    );
}

/// A recorded run (see `recording`), for an embed to open on.
pub fn save_recording(text: &str) {
    download_url(
        &text_href("application/json", text),
        "lwkd-recorded-run.json",
    );
}

pub fn save_png(canvas: &HtmlCanvasElement, name: &str) {
    if let Ok(url) = canvas.to_data_url() {
        download_url(&url, &format!("lwkd-{name}.png"));
    }
}

/// Hands `bytes` to the browser's download as `filename` (a blob: URL of this page, revoked after).
fn download_bytes(bytes: &[u8], filename: &str) {
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
    download_url(&url, filename);
    let revoke = get(&url_api, "revokeObjectURL");
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(10_000).await;
        if let Ok(f) = revoke.dyn_into::<Function>() {
            f.call1(&get(&js_sys::global(), "URL"), &JsValue::from_str(&url))
                .ok();
        }
    });
}

/// Offers a finished student's weights as a burnpack download.
pub fn save_weights(r: &MethodResult) {
    download_bytes(
        &r.weights,
        &format!("lwkd-{}-{}.bpk", r.method.key(), r.student.key()),
    );
}
