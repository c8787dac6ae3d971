//! The web app's entry point: Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
unsafe extern "C" {
    /// The static constructors (Burn's cubecl registers its IR with `inventory`), synthesized by wasm-ld.
    fn __wasm_call_ctors();
}

#[cfg(target_arch = "wasm32")]
fn main() {
    // Without an explicit call, wasm-ld treats a binary as a "new-style command" and wraps *every*
    // export — each closure the browser calls, each string passed in — with a run of all constructors:
    // most of the page's main-thread time in a CPU profile (`bench/longtasks.mjs --profile`). One explicit
    // call, here at start-up, turns that off (LLVM D81689).
    unsafe { __wasm_call_ctors() };
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

/// Starts the training worker's message loop; `trainer-worker.js` calls it once the module is loaded
/// in the worker.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn trainer_worker_main() {
    lwkd::web::trainer::worker::start();
}

/// LeNet-5 training throughput on "webgpu" or "cpu", as JSON: the benchmark page (`bench/browser.mjs`)
/// calls it beside TensorFlow.js.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub async fn lenet_throughput(
    backend: String,
    pixels: Vec<u8>,
    labels: Vec<u8>,
    batch: usize,
    warmup: usize,
    steps: usize,
) -> Result<String, wasm_bindgen::JsValue> {
    let cfg = lwkd::train::throughput::ThroughputConfig {
        classes: 10,
        batch,
        warmup,
        steps,
    };
    lwkd::web::bench::run(&backend, pixels, labels, cfg)
        .await
        .map_err(|e| e.into())
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lwkd-web is the browser app: build and serve it with `bash scripts/serve.sh`.");
    std::process::exit(2);
}
