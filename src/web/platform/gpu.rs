//! Asking the browser for WebGPU before Burn does: a wgpu panic cannot be caught in wasm, so the app
//! first checks `navigator.gpu` and `requestAdapter()` itself, and reads whether the adapter is a
//! software fallback.

use super::js::get;
use crate::pipeline::GpuInfo;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn text(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

/// The adapter the browser would give us, or None when it has no WebGPU.
pub async fn probe() -> Option<GpuInfo> {
    let navigator = web_sys::window()?.navigator();
    let gpu = get(&navigator, "gpu");
    if gpu.is_undefined() || gpu.is_null() {
        return None;
    }
    let request = get(&gpu, "requestAdapter")
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = request
        .call0(&gpu)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let adapter = JsFuture::from(promise).await.ok()?;
    if adapter.is_null() || adapter.is_undefined() {
        return None;
    }
    let info = get(&adapter, "info");
    let (vendor, arch, desc) = (
        text(&info, "vendor"),
        text(&info, "architecture"),
        text(&info, "description"),
    );
    let name = match (desc.is_empty(), vendor.is_empty()) {
        (false, _) => desc,
        (true, false) => format!("{vendor} {arch}").trim().to_string(),
        (true, true) => "an unnamed adapter".to_string(),
    };
    // `isFallbackAdapter` moved from the adapter to its info; SwiftShader is software either way.
    let is_fallback = get(&info, "isFallbackAdapter").as_bool().unwrap_or(false)
        || get(&adapter, "isFallbackAdapter")
            .as_bool()
            .unwrap_or(false)
        || arch.eq_ignore_ascii_case("swiftshader");
    Some(GpuInfo { name, is_fallback })
}
