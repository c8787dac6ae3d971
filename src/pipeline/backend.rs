//! Which backend runs the training, and why. A software WebGPU adapter (e.g. SwiftShader) is 9–18×
//! slower than Burn's Flex CPU backend in the same page (README, ../shared/TOOLING.md), so *Automatic*
//! never uses one. On a hardware adapter WebGPU is not always faster either (a small CNN is bound by
//! dispatches), so *Automatic* times both backends there first ([`Measured`]) and takes the faster
//! one that computes correctly.

use serde::{Deserialize, Serialize};

use crate::train::{BackendKind, Measured};

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

/// What the browser told us about its WebGPU adapter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GpuInfo {
    pub name: String,
    pub is_fallback: bool,
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
