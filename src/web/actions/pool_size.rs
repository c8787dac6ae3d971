//! How many training workers stage 3's pool runs on this machine.

/// Each worker holds its own copy of the wasm and of the datasets (about 100 MB).
const MAX_WORKERS: usize = 4;
/// Overrides the pool's size (tests and benchmarks compare sizes).
const OVERRIDE_KEY: &str = "lwkd-workers";

/// How many workers run `jobs` jobs: one on a GPU (its jobs would only queue behind each other on
/// it); otherwise a core each but one, yet two on a 2-core machine — the page itself needs about 4 %
/// of a core during a comparison (README, "Performance") — and no more than memory allows.
pub fn size(jobs: usize, gpu: bool) -> usize {
    if gpu {
        return 1;
    }
    let navigator = web_sys::window().map(|w| w.navigator());
    let cores = navigator.as_ref().map_or(1.0, |n| n.hardware_concurrency()) as usize;
    // Chrome's rough figure in GB (0.25–8); other browsers have none.
    let memory_gb = navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"deviceMemory".into()).ok())
        .and_then(|m| m.as_f64())
        .unwrap_or(8.0);
    let by_memory = ((memory_gb * 2.0) as usize).max(1);
    let chosen = cores.saturating_sub(1).clamp(2, MAX_WORKERS).min(by_memory);
    let n = crate::web::platform::storage::local_get(OVERRIDE_KEY)
        .and_then(|v| v.parse().ok())
        .unwrap_or(chosen);
    n.clamp(1, MAX_WORKERS.min(jobs.max(1)))
}
