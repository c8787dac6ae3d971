//! Finished comparisons survive a reload: they are kept in this browser's localStorage (never sent
//! anywhere) until the user clears them. A browser that refuses storage (private mode, quota) simply
//! keeps nothing.

use crate::data::TargetKind;
use crate::distill::{MethodResult, Showcase};
use js_sys::{Function, Reflect};
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};

const KEY: &str = "lwkd.comparison.v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    /// The settings (URL query) of the run.
    pub query: String,
    pub target: TargetKind,
    pub results: Vec<MethodResult>,
    pub showcase: Option<Showcase>,
}

fn storage() -> Option<JsValue> {
    let w = web_sys::window()?;
    let s = Reflect::get(&w, &"localStorage".into()).ok()?;
    (!s.is_null() && !s.is_undefined()).then_some(s)
}

fn call(name: &str, args: &[&str]) -> Option<JsValue> {
    let s = storage()?;
    let f: Function = Reflect::get(&s, &name.into()).ok()?.dyn_into().ok()?;
    let args: Vec<JsValue> = args.iter().map(|a| JsValue::from_str(a)).collect();
    match args.len() {
        1 => f.call1(&s, &args[0]).ok(),
        _ => f.call2(&s, &args[0], &args[1]).ok(),
    }
}

pub fn save(saved: &Saved) {
    if let Ok(text) = serde_json::to_string(saved) {
        call("setItem", &[KEY, &text]);
    }
}

/// The saved comparison, if one is there and readable (an unreadable one is dropped).
pub fn load() -> Option<Saved> {
    let text = call("getItem", &[KEY])?.as_string()?;
    match serde_json::from_str(&text) {
        Ok(s) => Some(s),
        Err(_) => {
            clear();
            None
        }
    }
}

pub fn clear() {
    call("removeItem", &[KEY]);
}
