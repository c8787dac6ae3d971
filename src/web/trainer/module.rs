//! The training module, compiled once per page and handed to every worker it starts: WebKit compiles a
//! module anew in each worker, and a new worker's first steps then ran in its slowest tier
//! (`bench/engine-timeline.mjs`); a compiled `WebAssembly.Module` sent to a worker shares its code,
//! the tiers already optimised included. Where the page cannot compile it (a host that serves `.wasm`
//! with another type and no fallback works), each worker loads it by URL as before.

use std::cell::RefCell;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Worker;

type Compiling = Shared<LocalBoxFuture<'static, Option<JsValue>>>;

thread_local! {
    static MODULE: RefCell<Option<Compiling>> = const { RefCell::new(None) };
}

fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<Promise> {
    let f: Function = Reflect::get(target, &name.into()).ok()?.dyn_into().ok()?;
    let result = match args {
        [a] => f.call1(target, a),
        _ => f.call0(target),
    };
    result.ok()?.dyn_into().ok()
}

/// Fetches and compiles the module at `url` (streaming where the server's type allows it).
async fn compile(url: String) -> Option<JsValue> {
    let global = js_sys::global();
    let wasm = Reflect::get(&global, &"WebAssembly".into()).ok()?;
    let fetch = || call(&global, "fetch", &[JsValue::from_str(&url)]);
    if let Some(p) = call(&wasm, "compileStreaming", &[fetch()?.into()])
        && let Ok(module) = JsFuture::from(p).await
    {
        return Some(module);
    }
    // Streaming needs `application/wasm`; the bytes compile all the same.
    let response = JsFuture::from(fetch()?).await.ok()?;
    let bytes = JsFuture::from(call(&response, "arrayBuffer", &[])?)
        .await
        .ok()?;
    JsFuture::from(call(&wasm, "compile", &[bytes])?).await.ok()
}

/// Sends `worker` the page's compiled module (compiled on first use), or null: then it loads the
/// module by URL itself. The worker's loader waits for this message before anything else.
pub async fn hand_to(worker: &Worker, url: &str) {
    let compiling = MODULE.with_borrow_mut(|m| {
        m.get_or_insert_with(|| compile(url.to_string()).boxed_local().shared())
            .clone()
    });
    let module = compiling.await.unwrap_or(JsValue::NULL);
    let message = Object::new();
    Reflect::set(&message, &"lwkdModule".into(), &module).ok();
    if worker.post_message(&message).is_err() {
        // A module this engine cannot send: the worker loads its own.
        let fallback = Object::new();
        Reflect::set(&fallback, &"lwkdModule".into(), &JsValue::NULL).ok();
        worker.post_message(&fallback).ok();
    }
}
