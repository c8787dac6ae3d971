//! Which backend runs the training, and why. A software WebGPU adapter (e.g. SwiftShader) is 9–18×
//! slower than Burn's Flex CPU backend in the same page (README, ../shared/TOOLING.md), so *Automatic*
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

/// How a reason says that it rests on a measurement.
pub const MEASURED: &str = "measured in this browser";

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
    let measured = format!("{MEASURED}: {}", m.summary());
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
