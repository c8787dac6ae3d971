//! The Burn device a training worker trains on: Flex on the CPU, or Burn's WebGPU runtime, started
//! once per worker (the page has no Burn; it only asks the browser about WebGPU, `gpu.rs`).

use std::cell::RefCell;

use burn::prelude::Device;

use crate::train::BackendKind;

thread_local! {
    // Burn's wgpu runtime can be initialised once per worker; later runs reuse the device.
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
