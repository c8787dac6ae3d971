//! The app's shared state: plain-data signals the components read, plus the non-reactive data
//! (digit images, the synthesized set) kept in stored values.

use std::rc::Rc;
use std::sync::Arc;

use crate::data::{ImageSet, SynthSet, Target, TargetKind};
use crate::distill::{Method, MethodResult, Showcase};
use crate::pipeline::events::LossParts;
use crate::pipeline::view::ViewOptions;
use crate::pipeline::{BackendChoice, Config, GpuInfo, Stage};
use leptos::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum DataStatus {
    Loading,
    Ready { ms: f64 },
    Failed(String),
}

/// What the user asked the running stage to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Control {
    Run,
    Pause,
    Cancel,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TargetStatus {
    Idle,
    Loading(TargetKind),
    Ready(TargetKind),
    Failed(String),
}

/// Reading the person's own images.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnStatus {
    Idle,
    Reading { done: usize, total: usize },
    Ready,
    Failed(String),
}

/// The trained lightweight teacher. The model itself stays in the training worker, on the device it
/// trained on, to teach in stage 3; the page keeps what it needs to ask for it.
pub struct TeacherHandle {
    pub classes: usize,
    /// Synthesis + training time: LW-KD's teacher cost.
    pub cost_s: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// The stage the figures belong to.
    pub stage: Option<Stage>,
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

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
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
    // Stage 3
    pub target_status: RwSignal<TargetStatus>,
    pub targets: StoredValue<Vec<Arc<Target>>>,
    pub own_status: RwSignal<OwnStatus>,
    /// The stage WebGPU stopped in, and why (a lost device); offers to continue on the CPU.
    pub gpu_lost: RwSignal<Option<(Stage, String)>>,
    /// What was left out of the person's images, and why.
    pub own_notes: RwSignal<Vec<String>>,
    pub teacher_model: StoredValue<Option<Rc<TeacherHandle>>, LocalStorage>,
    /// Loss components of the method running now.
    pub distill_losses: RwSignal<Vec<LossParts>>,
    /// (epoch, train accuracy, test accuracy) of the method running now.
    pub distill_acc: RwSignal<Vec<(usize, f32, f32)>>,
    /// (step, accuracy %) of LW-KD's discriminator in its latest run.
    pub disc_acc: RwSignal<Vec<(f32, f32)>>,
    pub results: RwSignal<Vec<MethodResult>>,
    pub showcase: RwSignal<Option<Showcase>>,
    /// Whose confusion matrix and outputs are shown.
    pub chosen: RwSignal<Option<Method>>,
    /// What was wrong with the link the page was opened with.
    pub url_problems: RwSignal<Vec<String>>,
    /// The dataset the shown results were computed on.
    pub results_target: RwSignal<Option<TargetKind>>,
    /// The shown results came from this browser's storage (a previous visit).
    pub restored: RwSignal<bool>,
    /// Embed mode, visible stages, hidden controls, autoplay (fixed for the page's life).
    pub view: StoredValue<ViewOptions>,
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
            target_status: RwSignal::new(TargetStatus::Idle),
            targets: StoredValue::new(Vec::new()),
            own_status: RwSignal::new(OwnStatus::Idle),
            gpu_lost: RwSignal::new(None),
            own_notes: RwSignal::new(Vec::new()),
            teacher_model: StoredValue::new_local(None),
            distill_losses: RwSignal::new(Vec::new()),
            distill_acc: RwSignal::new(Vec::new()),
            disc_acc: RwSignal::new(Vec::new()),
            results: RwSignal::new(Vec::new()),
            showcase: RwSignal::new(None),
            chosen: RwSignal::new(None),
            url_problems: RwSignal::new(Vec::new()),
            results_target: RwSignal::new(None),
            restored: RwSignal::new(false),
            view: StoredValue::new(ViewOptions::default()),
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

    /// The loaded target dataset of `kind`, if any.
    pub fn target(&self, kind: TargetKind) -> Option<Arc<Target>> {
        self.targets
            .with_value(|t| t.iter().find(|t| t.kind == kind).cloned())
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
