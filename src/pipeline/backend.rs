//! Which backend runs the training, and why. A software WebGPU adapter (e.g. SwiftShader) is about
//! 18× slower than Burn's Flex CPU backend in the same page (../shared/TOOLING.md), so by default the
//! app only uses WebGPU on a hardware adapter.

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackendChoice {
    pub kind: BackendKind,
    pub reason: String,
}

/// Picks the backend for a preference, given the adapter (None: the browser has no WebGPU).
pub fn choose(pref: BackendPreference, gpu: Option<&GpuInfo>) -> BackendChoice {
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
        (BackendPreference::Auto, Some(g)) => {
            pick(WebGpu, format!("WebGPU on {} (hardware GPU)", g.name))
        }
    }
}
