//! The app's shared state: plain-data signals the components read, plus the non-reactive data
//! (digit images, the synthesized set) kept in stored values.

use std::sync::Arc;

use crate::data::{ImageSet, SynthSet};
use crate::pipeline::{BackendChoice, Config, GpuInfo, Stage};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum DataStatus {
    Loading,
    Ready { ms: f64 },
    Failed(String),
}

/// What the user asked the running stage to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    Run,
    Pause,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    pub step: usize,
    pub total: usize,
    pub samples_per_s: f32,
    pub elapsed_s: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SynthSummary {
    pub classes: usize,
    pub train: usize,
    pub val: usize,
    pub rows: usize,
    pub cols: usize,
    pub seconds: f32,
    pub fingerprint: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeacherSummary {
    pub val_acc: f32,
    pub train_acc: f32,
    pub seconds: f32,
    pub first_step_s: f32,
    pub ms_per_step: f32,
    pub backend: String,
    /// The teacher's prediction for every validation image.
    pub preview: Vec<u8>,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub config: RwSignal<Config>,
    /// Per-field messages for the form (field name, message).
    pub field_errors: RwSignal<Vec<(String, String)>>,
    /// None while probing; Some(None) when the browser has no WebGPU.
    pub gpu: RwSignal<Option<Option<GpuInfo>>>,
    pub backend: RwSignal<Option<BackendChoice>>,
    pub data: RwSignal<DataStatus>,
    pub synth: RwSignal<Option<SynthSummary>>,
    pub busy: RwSignal<Option<Stage>>,
    pub control: RwSignal<Control>,
    pub progress: RwSignal<Progress>,
    pub losses: RwSignal<Vec<(f32, f32)>>,
    /// (epoch, train accuracy, validation accuracy)
    pub accuracy: RwSignal<Vec<(usize, f32, f32)>>,
    pub teacher: RwSignal<Option<TeacherSummary>>,
    pub notice: RwSignal<Option<String>>,
    pub digits: StoredValue<Option<Arc<(ImageSet, ImageSet)>>>,
    pub set: StoredValue<Option<Arc<SynthSet>>>,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            config: RwSignal::new(Config::default()),
            field_errors: RwSignal::new(Vec::new()),
            gpu: RwSignal::new(None),
            backend: RwSignal::new(None),
            data: RwSignal::new(DataStatus::Loading),
            synth: RwSignal::new(None),
            busy: RwSignal::new(None),
            control: RwSignal::new(Control::Run),
            progress: RwSignal::new(Progress::default()),
            losses: RwSignal::new(Vec::new()),
            accuracy: RwSignal::new(Vec::new()),
            teacher: RwSignal::new(None),
            notice: RwSignal::new(None),
            digits: StoredValue::new(None),
            set: StoredValue::new(None),
        }
    }

    /// The config if every field is valid; otherwise None, with a notice pointing at the fields.
    pub fn valid_config(&self) -> Option<Config> {
        let cfg = self.config.get_untracked();
        if cfg.validate().is_empty() && self.field_errors.get_untracked().is_empty() {
            Some(cfg)
        } else {
            self.notice
                .set(Some("Fix the highlighted fields first.".into()));
            None
        }
    }

    pub fn error_for(&self, field: &str) -> Option<String> {
        self.field_errors
            .get()
            .into_iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m)
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
