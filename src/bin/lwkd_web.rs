//! The web page's entry point: Trunk builds this binary for wasm32. It holds the UI and the data
//! handling only — no Burn backend is reachable from here, so none is linked (training runs in
//! `lwkd-worker`, a module of its own that arrives while the person reads).

#[cfg(target_arch = "wasm32")]
fn main() {
    lwkd::web::run_constructors();
    lwkd::web::start();
}

/// Panics on purpose. Reachable only from the browser console or a test (`wasmBindings`), it shows that
/// a panic ends in the error panel with its reload button, never in a blank page.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn deliberate_panic() {
    panic!("a deliberate panic, triggered from outside the app to test the error panel");
}

/// The same inside the training worker: its panic must reach the page's panel too, and the next run
/// must get a fresh worker.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn deliberate_worker_panic() -> Result<(), wasm_bindgen::JsValue> {
    lwkd::web::trainer::client::deliberate_panic()
        .await
        .map_err(|e| e.into())
}

/// The page's and the training workers' memory, as JSON (the memory benchmark and tests read it).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn memory_report() -> String {
    lwkd::web::trainer::client::memory_report()
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lwkd-web is the browser app: build and serve it with `bash scripts/serve.sh`.");
    std::process::exit(2);
}
