//! The tab's memory for a run: a model of the copies of the numerals it holds, measured in Chromium
//! (`node bench/memory.mjs`; docs/performance.md has the runs it was fitted to), and the limit beyond
//! which a run is refused before anything is generated.

// Least squares over five sets, 2.4–125 MB of numerals (`node bench/memory.mjs`, 2026-12-06, headless
// Chromium 156): the fit is within 20 % of each measured peak.
/// The page's wasm memory without numerals, and what it adds per byte of them: the set itself and the
/// message that carries it to the worker (a wasm memory never shrinks back).
const PAGE_BASE: f64 = 41e6;
const PAGE_PER_BYTE: f64 = 1.74;
/// The same for the training workers: the teacher's — the message it receives, the set read from it
/// (read into a buffer that grows by doubling), the batches — and stage 3's first, started meanwhile.
const WORKER_BASE: f64 = 52e6;
const WORKER_PER_BYTE: f64 = 3.37;

/// The most a run may take in one tab: a phone or a school laptop has little more to give it.
pub const TAB_LIMIT: u64 = 1_000_000_000;

/// The tab's expected peak while the teacher trains on `data_bytes` of numerals: page + worker.
pub fn tab_peak(data_bytes: usize) -> u64 {
    (PAGE_BASE + WORKER_BASE + (PAGE_PER_BYTE + WORKER_PER_BYTE) * data_bytes as f64) as u64
}

/// The most numerals (bytes) whose run stays within [`TAB_LIMIT`].
pub fn max_data_bytes() -> usize {
    ((TAB_LIMIT as f64 - PAGE_BASE - WORKER_BASE) / (PAGE_PER_BYTE + WORKER_PER_BYTE)) as usize
}

/// Bytes in words: "180 MB", "1.2 GB".
pub fn in_words(bytes: u64) -> String {
    let mb = bytes as f64 / 1e6;
    if mb < 1000.0 {
        format!("{mb:.0} MB")
    } else {
        format!("{:.1} GB", mb / 1000.0)
    }
}
