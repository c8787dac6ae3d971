//! Finished comparisons survive a reload: they are kept in this browser's localStorage (never sent
//! anywhere) until the person clears them, each with the settings that produced it. Every tab saves
//! under its own key (a tab id kept in sessionStorage, which survives the tab's reloads), so one tab
//! never overwrites another's; a new tab shows the most recent comparison of any tab, and says so. A
//! browser that refuses storage (private mode, quota) simply keeps nothing.

use crate::data::TargetKind;
use crate::protocol::{MethodResult, Showcase};
use js_sys::{Function, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

const PREFIX: &str = "lwkd.comparison.v2.";
/// The tab's id, in sessionStorage.
const TAB: &str = "lwkd.tab";
/// Comparisons kept at most (each holds every test prediction: a few hundred kB).
const KEEP: usize = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The settings (URL query) of the run.
    pub query: String,
    pub target: TargetKind,
    pub results: Vec<MethodResult>,
    pub showcase: Option<Showcase>,
    /// When it was saved (ms since the epoch): the newest comes back in a new tab.
    #[serde(default)]
    pub saved_at: f64,
}

fn store(name: &str) -> Option<JsValue> {
    let w = web_sys::window()?;
    let s = Reflect::get(&w, &name.into()).ok()?;
    (!s.is_null() && !s.is_undefined()).then_some(s)
}

fn call(store_name: &str, name: &str, args: &[&str]) -> Option<JsValue> {
    let s = store(store_name)?;
    let f: Function = Reflect::get(&s, &name.into()).ok()?.dyn_into().ok()?;
    let args: Vec<JsValue> = args.iter().map(|a| JsValue::from_str(a)).collect();
    match args.len() {
        1 => f.call1(&s, &args[0]).ok(),
        _ => f.call2(&s, &args[0], &args[1]).ok(),
    }
}

fn local(name: &str, args: &[&str]) -> Option<JsValue> {
    call("localStorage", name, args)
}

/// This tab's id (made on its first visit).
fn tab() -> String {
    if let Some(id) = call("sessionStorage", "getItem", &[TAB]).and_then(|v| v.as_string()) {
        return id;
    }
    let id = format!("{:x}", (js_sys::Math::random() * 1e15) as u64);
    call("sessionStorage", "setItem", &[TAB, &id]);
    id
}

/// Every saved comparison's key.
fn keys() -> Vec<String> {
    let n = store("localStorage")
        .and_then(|s| Reflect::get(&s, &"length".into()).ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as u32;
    (0..n)
        .filter_map(|i| local("key", &[&i.to_string()])?.as_string())
        .filter(|k| k.starts_with(PREFIX))
        .collect()
}

fn read(key: &str) -> Option<Saved> {
    let text = local("getItem", &[key])?.as_string()?;
    let saved = serde_json::from_str(&text).ok();
    if saved.is_none() {
        // Unreadable (an older format, a damaged entry): dropped.
        local("removeItem", &[key]);
    }
    saved
}

/// Saves this tab's comparison, keeping the newest few of all tabs.
pub fn save(saved: &Saved) {
    let saved = Saved {
        saved_at: js_sys::Date::now(),
        ..saved.clone()
    };
    if let Ok(text) = serde_json::to_string(&saved) {
        local("setItem", &[&format!("{PREFIX}{}", tab()), &text]);
    }
    let mut all: Vec<(f64, String)> = keys()
        .into_iter()
        .filter_map(|k| read(&k).map(|s| (s.saved_at, k)))
        .collect();
    all.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, old) in all.into_iter().skip(KEEP) {
        local("removeItem", &[&old]);
    }
}

/// This tab's saved comparison, or else the newest of any tab (true: from another tab or visit).
pub fn load() -> Option<(Saved, bool)> {
    let own = format!("{PREFIX}{}", tab());
    if let Some(s) = read(&own) {
        return Some((s, false));
    }
    keys()
        .iter()
        .filter_map(|k| read(k))
        .max_by(|a, b| a.saved_at.total_cmp(&b.saved_at))
        .map(|s| (s, true))
}

/// Forgets every saved comparison, of every tab.
pub fn clear() {
    for k in keys() {
        local("removeItem", &[&k]);
    }
}

/// A plain setting in localStorage (None where there is none or storage is off).
pub fn local_get(key: &str) -> Option<String> {
    local("getItem", &[key])?.as_string()
}

/// Keeps a plain setting in localStorage (nothing happens where storage is off or full).
pub fn local_set(key: &str, value: &str) {
    local("setItem", &[key, value]);
}
