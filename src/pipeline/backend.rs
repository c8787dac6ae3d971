//! Which backend runs the training, and why. A software WebGPU adapter (e.g. SwiftShader) is about
//! 18× slower than Burn's Flex CPU backend in the same page (../shared/TOOLING.md), so *Automatic*
//! never uses one. On a hardware adapter WebGPU is not always faster either (a small CNN is bound by
//! dispatches), so *Automatic* times both backends there first ([`Measured`]) and takes the faster
//! one that computes correctly.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum BackendPreference {
    #[default]
    Auto,
    WebGpu,
    Cpu,
}

impl BackendPreference {
    pub const ALL: [Self; 3] = [Self::Auto, Self::WebGpu, Self::Cpu];

    pub fn key(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::WebGpu => "webgpu",
            Self::Cpu => "cpu",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BackendKind {
    /// Burn's wgpu backend on the browser's WebGPU (or Vulkan natively).
    WebGpu,
    /// Burn's Flex backend on the CPU.
    Cpu,
}

/// What the browser told us about its WebGPU adapter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GpuInfo {
    pub name: String,
    pub is_fallback: bool,
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

    /// WebGPU's time per step, where it ran and agreed with the CPU.
    fn gpu_ok(&self) -> Option<f32> {
        self.gpu_ms.filter(|_| self.problem.is_none())
    }

    /// The faster backend that computes correctly.
    pub fn winner(&self) -> BackendKind {
        match self.gpu_ok() {
            Some(g) if g < self.cpu_ms => BackendKind::WebGpu,
            _ => BackendKind::Cpu,
        }
    }

    /// The measurement in words, e.g. "12.0 ms per training step on the CPU, 48.0 on WebGPU: the CPU
    /// is 4.0× faster".
    pub fn summary(&self) -> String {
        let cpu = self.cpu_ms;
        match (self.gpu_ok(), &self.problem) {
            (Some(gpu), _) => {
                let (faster, ratio) = if gpu < cpu {
                    ("WebGPU", cpu / gpu)
                } else {
                    ("the CPU", gpu / cpu)
                };
                format!(
                    "{cpu:.1} ms per training step on the CPU, {gpu:.1} on WebGPU, results agree: {faster} is {ratio:.1}× faster"
                )
            }
            (None, Some(why)) => format!("{cpu:.1} ms per training step on the CPU; WebGPU {why}"),
            (None, None) => format!("{cpu:.1} ms per training step on the CPU"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackendChoice {
    pub kind: BackendKind,
    pub reason: String,
}

/// Picks the backend for a preference, given the adapter (None: the browser has no WebGPU) and, where
/// both backends were measured on it, that measurement.
pub fn choose(
    pref: BackendPreference,
    gpu: Option<&GpuInfo>,
    measured: Option<&Measured>,
) -> BackendChoice {
    let choice = choose_unmeasured(pref, gpu);
    let Some(m) = measured.filter(|_| gpu.is_some()) else {
        return choice;
    };
    let measured = format!("measured in this browser: {}", m.summary());
    match (pref, gpu) {
        (BackendPreference::Auto, Some(g)) if !g.is_fallback => BackendChoice {
            kind: m.winner(),
            reason: match m.winner() {
                BackendKind::WebGpu => format!("WebGPU on {} — {measured}", g.name),
                BackendKind::Cpu => format!("CPU (Flex), not WebGPU on {} — {measured}", g.name),
            },
        },
        _ => BackendChoice {
            reason: format!("{} — {measured}", choice.reason),
            ..choice
        },
    }
}

/// The choice before any measurement: by the preference and the kind of adapter.
fn choose_unmeasured(pref: BackendPreference, gpu: Option<&GpuInfo>) -> BackendChoice {
    use BackendKind::*;
    let pick = |kind, reason: String| BackendChoice { kind, reason };
    match (pref, gpu) {
        (BackendPreference::Cpu, _) => pick(Cpu, "CPU (Flex), as you chose".into()),
        (_, None) => pick(
            Cpu,
            match pref {
                BackendPreference::WebGpu => {
                    "CPU (Flex): you asked for WebGPU, but this browser offers no WebGPU adapter"
                        .into()
                }
                _ => "CPU (Flex): this browser offers no WebGPU adapter".into(),
            },
        ),
        (BackendPreference::WebGpu, Some(g)) => pick(
            WebGpu,
            if g.is_fallback {
                format!(
                    "WebGPU on {}, as you chose — a software adapter, usually slower than the CPU backend",
                    g.name
                )
            } else {
                format!("WebGPU on {}, as you chose", g.name)
            },
        ),
        (BackendPreference::Auto, Some(g)) if g.is_fallback => pick(
            Cpu,
            format!(
                "CPU (Flex): the WebGPU adapter ({}) is a software fallback, far slower than the CPU backend",
                g.name
            ),
        ),
        (BackendPreference::Auto, Some(g)) => pick(
            WebGpu,
            format!(
                "WebGPU on {} (hardware GPU; timed against the CPU before the first run)",
                g.name
            ),
        ),
    }
}
