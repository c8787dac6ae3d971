//! Where training runs: the WebGPU adapter found, both backends timed on it, the backend chosen for
//! the job, and a fallback to the CPU announced by a worker.

use leptos::prelude::*;

use super::AppState;
use crate::pipeline::{BackendChoice, GpuInfo};
use crate::train::{BackendKind, Measured};

impl AppState {
    /// The adapter the browser offers (None: no WebGPU), and a measurement remembered for it.
    pub fn gpu_probed(&self, info: Option<GpuInfo>, remembered: Option<Measured>) {
        self.measured.set(remembered);
        self.gpu.set(Some(info));
    }

    /// Both backends are being timed (no job starts meanwhile).
    pub fn measuring_now(&self, on: bool) {
        self.measuring.set(on);
    }

    pub fn measured_now(&self, m: Measured) {
        self.measured.set(Some(m));
    }

    /// The backend the job trains on, and why.
    pub fn chose_backend(&self, choice: BackendChoice) {
        self.backend.set(Some(choice));
    }

    /// A worker could not start WebGPU and trains on the CPU instead: the backend line and a notice
    /// beside the running stage say why.
    pub fn fell_back_to_cpu(&self, reason: &str) {
        self.backend.update(|b| {
            if let Some(b) = b {
                b.kind = BackendKind::Cpu;
                b.reason = format!("CPU (Flex): {reason}");
            }
        });
        let stage = self.busy.get_untracked().map(|s| s.number());
        self.tell(stage, format!("{reason}. Training on the CPU instead."));
    }
}
