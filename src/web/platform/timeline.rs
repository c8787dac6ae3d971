//! Where the page's time goes, in the browser's own User Timing (`performance.measure`): every job a
//! worker ran, after its wait for the worker and for its data, and — while `localStorage` holds
//! `lwkd-timeline` (the benchmark sets it) — every chart drawn. Browsers' profilers show these spans;
//! `bench/demo.mjs` reads them back as a timeline per worker.

use std::cell::OnceCell;

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::storage;

/// The storage key that turns on the charts' spans (a chart may redraw hundreds of times a run).
const CHARTS_KEY: &str = "lwkd-timeline";

thread_local! {
    static CHARTS: OnceCell<bool> = const { OnceCell::new() };
}

/// The page's high-resolution clock (ms), the one the spans are on.
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Records `name` from `start` to `end` (ms on [`now`]'s clock), for worker `worker` (None: the page).
pub fn span(name: &str, start: f64, end: f64, worker: Option<usize>) {
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    let options = Object::new();
    let detail = Object::new();
    let set = |o: &Object, k: &str, v: JsValue| {
        let _ = Reflect::set(o, &k.into(), &v);
    };
    set(
        &detail,
        "worker",
        worker.map_or(JsValue::NULL, |w| (w as f64).into()),
    );
    set(&options, "start", start.into());
    set(&options, "end", end.max(start).into());
    set(&options, "detail", detail.into());
    // `performance.measure(name, options)`: web-sys's binding lacks the options form.
    if let Some(measure) = Reflect::get(&performance, &"measure".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = measure.call2(&performance, &name.into(), &options);
    }
}

/// Whether drawing a chart is recorded.
pub fn charts() -> bool {
    CHARTS.with(|c| *c.get_or_init(|| storage::local_get(CHARTS_KEY).is_some()))
}
