//! Taking results out of the page: the comparison as CSV and JSON, each chart as PNG. Everything is
//! made in the browser and handed to the browser's own download; nothing goes over the network.

use crate::distill::MethodResult;
use wasm_bindgen::JsCast;
use web_sys::{HtmlAnchorElement, HtmlCanvasElement};

/// Downloads `href` (a data: URL) as `filename`.
pub(super) fn download(href: &str, filename: &str) {
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

/// One row per method: what the table shows, with more digits.
pub fn csv(results: &[MethodResult]) -> String {
    let mut out = String::from(
        "method,student,weights,test_accuracy,train_accuracy,teacher_seconds,distillation_seconds,total_seconds\n",
    );
    for r in results {
        out.push_str(&format!(
            "{},{},{},{:.4},{:.4},{:.3},{:.3},{:.3}\n",
            r.method.key(),
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
/// and only meaningful beside the test set).
pub fn json(results: &[MethodResult], query: &str) -> String {
    let runs: Vec<_> = results
        .iter()
        .map(|r| {
            serde_json::json!({
                "method": r.method.key(), "student": r.student.key(), "weights": r.params,
                "test_accuracy": r.test_acc, "train_accuracy": r.train_acc,
                "teacher_seconds": r.teacher_s, "distillation_seconds": r.distill_s,
                "total_seconds": r.total_s, "curve": r.curve,
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "settings": query, "results": runs }))
        .unwrap_or_default()
}

pub fn save_csv(results: &[MethodResult]) {
    download(&text_href("text/csv", &csv(results)), "lwkd-comparison.csv");
}

pub fn save_json(results: &[MethodResult], query: &str) {
    download(
        &text_href("application/json", &json(results, query)),
        "lwkd-comparison.json",
    );
}

pub fn save_png(canvas: &HtmlCanvasElement, name: &str) {
    if let Ok(url) = canvas.to_data_url() {
        download(&url, &format!("lwkd-{name}.png"));
    }
}
