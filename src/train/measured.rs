//! Which backend trains ([`BackendKind`]), and both backends timed on the same LeNet-5 steps and
//! checked against each other ([`Measured`]): what *Automatic* decides by on a hardware adapter. Plain
//! data (the page shows it); the measurement itself is `measure.rs`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackendKind {
    /// Burn's wgpu backend on the browser's WebGPU (or Vulkan natively).
    WebGpu,
    /// Burn's Flex backend on the CPU.
    Cpu,
}

/// Both backends timed on the same few LeNet-5 training steps (batch 64) in a training worker, and
/// checked against each other: what *Automatic* decides by on a hardware adapter (measured the first
/// time and remembered for that adapter), and what *Measure both* shows on any adapter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    pub cpu_ms: f32,
    /// None where WebGPU could not start or failed during the steps (`problem` says why).
    pub gpu_ms: Option<f32>,
    /// The largest difference between the two backends' logits for the same weights and images
    /// (None where they could not be compared).
    pub max_diff: Option<f32>,
    /// Why WebGPU's numbers cannot be used, in words (None: it ran and agreed with the CPU).
    pub problem: Option<String>,
}

impl Measured {
    /// WebGPU's logits may differ from the CPU's by rounding only: a shader that failed validation
    /// on wasm can silently yield zeros, which would train nothing, fast.
    pub const TOLERANCE: f32 = 1e-3;

    /// The agreement check: `cpu` and `gpu` are the same network's logits on the same images.
    /// Returns the largest difference, or why the GPU's cannot be trusted.
    pub fn compare_logits(cpu: &[f32], gpu: &[f32]) -> Result<f32, String> {
        if cpu.len() != gpu.len() || gpu.iter().any(|v| !v.is_finite()) {
            return Err("gave malformed results (wrong size or not finite)".into());
        }
        if cpu.iter().any(|v| !v.is_finite()) {
            return Err("could not be checked: the CPU's own results were not finite".into());
        }
        let scale = cpu.iter().fold(1.0f32, |m, v| m.max(v.abs()));
        let diff = cpu
            .iter()
            .zip(gpu)
            .fold(0.0f32, |m, (a, b)| m.max((a - b).abs()));
        if diff > Self::TOLERANCE * scale {
            return Err(format!(
                "gave results that differ from the CPU's (largest difference {diff:.3})"
            ));
        }
        Ok(diff)
    }

    /// WebGPU is taken only when it is faster by more than this share: three timed steps are noisy,
    /// and the CPU needs no GPU to stay healthy.
    pub const MARGIN: f32 = 0.1;

    /// A measurement that could not be made (the worker failed or took too long): the CPU, for this
    /// visit only.
    pub fn failed(why: String) -> Self {
        Self {
            cpu_ms: f32::NAN,
            gpu_ms: None,
            max_diff: None,
            problem: Some(why),
        }
    }

    /// WebGPU's time per step, where both backends ran and agreed.
    fn gpu_ok(&self) -> Option<f32> {
        self.gpu_ms
            .filter(|_| self.problem.is_none() && self.cpu_ms.is_finite())
    }

    /// The faster backend that computes correctly (WebGPU by more than [`Self::MARGIN`]).
    pub fn winner(&self) -> BackendKind {
        match self.gpu_ok() {
            Some(g) if g < self.cpu_ms * (1.0 - Self::MARGIN) => BackendKind::WebGpu,
            _ => BackendKind::Cpu,
        }
    }

    /// Worth remembering for this adapter on later visits: a clean measurement, or WebGPU computing
    /// wrong results. Not a failure that may pass (a worker that stopped, a device that was lost).
    pub fn worth_keeping(&self) -> bool {
        self.cpu_ms.is_finite()
            && (self.gpu_ok().is_some()
                || self
                    .problem
                    .as_deref()
                    .is_some_and(|p| p.contains("differ")))
    }

    /// The measurement in words, e.g. "12.0 ms per training step on the CPU, 48.0 on WebGPU, results
    /// agree: the CPU is 4.0× faster".
    pub fn summary(&self) -> String {
        let cpu = self.cpu_ms;
        match (self.gpu_ok(), &self.problem) {
            (Some(gpu), _) => {
                let verdict = match self.winner() {
                    BackendKind::WebGpu => format!("WebGPU is {:.1}× faster", cpu / gpu),
                    BackendKind::Cpu if gpu < cpu => format!(
                        "WebGPU is only {:.2}× faster, within the {:.0} % margin: the CPU is kept",
                        cpu / gpu,
                        Self::MARGIN * 100.0
                    ),
                    BackendKind::Cpu => format!("the CPU is {:.1}× faster", gpu / cpu),
                };
                let agree = match self.max_diff {
                    Some(d) => format!("results agree (largest difference {d:.1e})"),
                    None => "results agree".to_string(),
                };
                format!(
                    "{cpu:.1} ms per training step on the CPU, {gpu:.1} on WebGPU, {agree}: {verdict}"
                )
            }
            (None, Some(why)) if cpu.is_finite() => {
                format!("{cpu:.1} ms per training step on the CPU; WebGPU {why}")
            }
            (None, Some(why)) => format!("the measurement failed ({why})"),
            (None, None) => format!("{cpu:.1} ms per training step on the CPU"),
        }
    }
}
