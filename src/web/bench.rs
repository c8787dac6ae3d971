//! The benchmark page's entry (`bench/browser.mjs`): LeNet-5 training throughput on one of our backends,
//! measured in the same page as TensorFlow.js (it loads the training module, `lwkd-worker`).

use web_time::Instant;

use super::platform::{gpu, gpu_device};
use crate::train::{
    BackendKind,
    throughput::{ThroughputConfig, lenet_throughput},
};

/// Runs the benchmark on `backend` ("webgpu" or "cpu"); the result as JSON, with the time it took to get
/// the device (`init_ms`, the WebGPU adapter and device request; zero once cached).
pub async fn run(
    backend: &str,
    pixels: Vec<u8>,
    labels: Vec<u8>,
    cfg: ThroughputConfig,
) -> Result<String, String> {
    let kind = match backend {
        "webgpu" => BackendKind::WebGpu,
        "cpu" => BackendKind::Cpu,
        other => return Err(format!("unknown backend {other:?} (webgpu or cpu)")),
    };
    cfg.check(&pixels, &labels)?;
    if kind == BackendKind::WebGpu && gpu::probe().await.is_none() {
        return Err("this browser offers no WebGPU adapter".into());
    }
    let start = Instant::now();
    let device = gpu_device::device(kind).await?;
    let init_ms = start.elapsed().as_secs_f64() * 1e3;
    let result = lenet_throughput(&device, &pixels, &labels, &cfg)
        .await
        .map_err(|_| "the device stopped answering (lost)".to_string())?;
    let mut json = serde_json::to_value(result).map_err(|e| e.to_string())?;
    json["init_ms"] = init_ms.into();
    Ok(json.to_string())
}
