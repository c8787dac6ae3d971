//! The static constructors, run once at start-up by each module's `main` (the page's and the training
//! worker's).

unsafe extern "C" {
    /// Synthesized by wasm-ld from every `inventory` registration (Burn's cubecl registers its IR so).
    fn __wasm_call_ctors();
}

/// Runs the static constructors. Without an explicit call, wasm-ld treats a binary as a "new-style
/// command" and wraps *every* export — each closure the browser calls, each string passed in — with a
/// run of all constructors: most of the page's main-thread time in a CPU profile
/// (`bench/longtasks.mjs --profile`). One explicit call at start-up turns that off (LLVM D81689).
pub fn run_constructors() {
    unsafe { __wasm_call_ctors() };
}
