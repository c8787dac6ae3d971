//! This module's linear memory: what a wasm instance (the page's, or a worker's) holds from the system.
//! It only grows — a worker gives its memory back by ending (`trainer::client::retire`).

use wasm_bindgen::JsCast;

/// The bytes of this instance's wasm memory.
pub fn wasm_bytes() -> u64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0, |b| b.byte_length() as u64)
        })
        .unwrap_or(0)
}
