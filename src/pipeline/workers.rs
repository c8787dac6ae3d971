//! How many training workers a comparison runs on in a browser: the rule, apart from the page code
//! that asks the browser about the machine (`web/actions/pool_size.rs`), so that native tests pin it.

/// Each worker holds its own copy of the wasm and of the datasets (about 100 MB).
pub const MAX_WORKERS: usize = 4;

/// What the browser says about the machine.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Machine {
    /// `navigator.hardwareConcurrency`.
    pub cores: usize,
    /// The engine is WebKit (Safari, and every browser on iOS).
    pub webkit: bool,
    /// `navigator.deviceMemory` in GB, where the browser tells (Chromium's rough 0.25–8).
    pub memory_gb: Option<f64>,
}

impl Machine {
    /// The cores the machine has at least. WebKit reports a rounded figure (4 on a 2-core machine,
    /// measured with WebKitGTK 2.50): its 4 may be 2.
    pub fn cores_at_least(&self) -> usize {
        if self.webkit && self.cores <= 4 {
            2
        } else {
            self.cores
        }
    }
}

/// Workers for `jobs` jobs: one on a GPU (its jobs would only queue behind each other on it);
/// otherwise a core each but one, yet two on a 2-core machine — the page itself needs about 4 % of a
/// core during a comparison (docs/performance.md) — and no more than memory allows (two per GB).
/// `asked` (a test's or a benchmark's override) replaces the choice, within 1 and [`MAX_WORKERS`].
pub fn workers(jobs: usize, gpu: bool, machine: Machine, asked: Option<usize>) -> usize {
    if gpu {
        return 1;
    }
    let by_memory = ((machine.memory_gb.unwrap_or(8.0) * 2.0) as usize).max(1);
    let chosen = machine
        .cores_at_least()
        .saturating_sub(1)
        .clamp(2, MAX_WORKERS)
        .min(by_memory);
    asked
        .unwrap_or(chosen)
        .clamp(1, MAX_WORKERS.min(jobs.max(1)))
}
