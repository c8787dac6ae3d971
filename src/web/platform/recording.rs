//! Recorded runs: a finished comparison exported as a file (*Save as a recorded run*) that an embed's
//! link names (`rec=`), so a blog post shows its result the moment it loads and trains only when the
//! reader asks. The file is the comparison as the browser's storage keeps it (every result with its
//! curve, test predictions and showcase outputs; no weights), in an envelope that says what it is.

use js_sys::{Function, Object, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::storage::Saved;

/// What the envelope's `format` says.
const FORMAT: &str = "lwkd-recorded-run";
/// The envelope's version this build reads and writes.
const VERSION: u32 = 1;
/// The largest file read (a K = 100 comparison over five seeds is a few MB).
const MAX_BYTES: f64 = 32e6;

#[derive(Serialize, Deserialize)]
struct Recording {
    format: String,
    version: u32,
    /// When it was recorded (ISO 8601, the browser's clock).
    recorded_at: String,
    run: Saved,
}

/// The file's text for `run`.
pub fn to_json(run: Saved) -> String {
    let recording = Recording {
        format: FORMAT.into(),
        version: VERSION,
        recorded_at: js_sys::Date::new_0().to_iso_string().into(),
        run,
    };
    serde_json::to_string(&recording).unwrap_or_default()
}

/// Reads a recorded run from its text; the error says in plain words what is wrong with it.
fn parse(text: &str) -> Result<Saved, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|_| "it is not a JSON file".to_string())?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(
            "it is not a recorded run of this app (make one with “Save as a recorded run”)".into(),
        );
    }
    if value
        .get("version")
        .and_then(|v| v.as_u64())
        .is_some_and(|v| v > VERSION as u64)
    {
        return Err("it was recorded by a newer version of the app".into());
    }
    let recording: Recording = serde_json::from_value(value).map_err(|_| {
        "it is damaged (a part of the comparison is missing or malformed)".to_string()
    })?;
    if recording.run.results.is_empty() {
        return Err("it holds no results".into());
    }
    Ok(recording.run)
}

/// Fetches the recorded run at `path` (on the app's own site, relative to the page) past any cache,
/// so that a file replaced on the host shows at once.
pub async fn fetch(path: &str) -> Result<Saved, String> {
    let fail = |why: String| format!("The recorded run “{path}” could not be shown: {why}.");
    let window = web_sys::window().ok_or_else(|| fail("there is no window".into()))?;
    let init = Object::new();
    Reflect::set(&init, &"cache".into(), &"no-store".into()).ok();
    let fetch: Function = Reflect::get(&window, &"fetch".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| fail("this browser cannot fetch files".into()))?;
    let offline = |e: JsValue| {
        web_sys::console::warn_2(&format!("fetching {path}").into(), &e);
        fail("the site could not be reached (offline?)".into())
    };
    let promise = fetch
        .call2(&window, &JsValue::from_str(path), &init)
        .map_err(offline)?;
    let resp: web_sys::Response = JsFuture::from(js_sys::Promise::from(promise))
        .await
        .map_err(offline)?
        .dyn_into()
        .map_err(|_| fail("the answer was not a response".into()))?;
    if !resp.ok() {
        return Err(fail(format!(
            "the site answered {} {} — put the file made by “Save as a recorded run” at that path, beside the app",
            resp.status(),
            resp.status_text()
        )));
    }
    let text = JsFuture::from(resp.text().map_err(offline)?)
        .await
        .map_err(offline)?
        .as_string()
        .unwrap_or_default();
    if text.len() as f64 > MAX_BYTES {
        return Err(fail(format!("it is larger than {} MB", MAX_BYTES / 1e6)));
    }
    parse(&text).map_err(fail)
}
