//! Asking the browser for WebGPU before Burn does: a wgpu panic cannot be caught in wasm, so the app
//! first checks `navigator.gpu` and `requestAdapter()` itself, and reads whether the adapter is a
//! software fallback.

use std::cell::RefCell;

use super::js::get;
use crate::pipeline::{BackendKind, GpuInfo};
use burn::prelude::Device;
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

thread_local! {
    // Burn's wgpu runtime can be initialised once per page; later runs reuse the device.
    static WGPU: RefCell<Option<Device>> = const { RefCell::new(None) };
}

/// The Burn device for `kind`. WebGPU is initialised asynchronously (a lazy init blocks and panics).
pub async fn device(kind: BackendKind) -> Result<Device, String> {
    match kind {
        BackendKind::Cpu => Ok(Device::flex()),
        BackendKind::WebGpu => {
            if let Some(d) = WGPU.with(|w| w.borrow().clone()) {
                return Ok(d);
            }
            let d = Device::wgpu_options()
                .init_async()
                .await
                .map_err(|e| format!("WebGPU could not start: {e}"))?;
            WGPU.with(|w| *w.borrow_mut() = Some(d.clone()));
            Ok(d)
        }
    }
}

/// Drops the cached WebGPU device (it was lost); a later run asks the browser for a new one.
pub fn forget_webgpu() {
    WGPU.with(|w| *w.borrow_mut() = None);
}
