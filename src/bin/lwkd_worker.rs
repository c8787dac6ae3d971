//! The training worker's module: Burn, its backends and the pipeline's training side. Trunk builds it
//! beside the page's (`index.html`, `data-type="worker"`); `trainer-worker.js` loads it in each worker
//! of the pool, and the benchmark page loads it to time LeNet-5 beside TensorFlow.js.

#[cfg(target_arch = "wasm32")]
fn main() {
    lwkd::web::run_constructors();
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
    eprintln!(
        "lwkd-worker is the browser app's training module: build and serve it with `bash scripts/serve.sh`."
    );
    std::process::exit(2);
}
