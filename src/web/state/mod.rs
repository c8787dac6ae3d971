//! The app's store: plain-data signals the components read, grouped per stage, plus the non-reactive
//! data (digit images, the synthesized set) kept in stored values. [`AppState::apply`] (in `apply.rs`)
//! is the one place pipeline events change it.

mod apply;
mod backend;
mod jobs;
mod plain;
mod settings;
mod stages;
mod status;

use std::sync::Arc;

use crate::data::{ImageSet, Target, TargetKind};
use crate::pipeline::{BackendChoice, Config, FieldError, GpuInfo, view::ViewOptions};
use crate::protocol::{Control, Stage};
use crate::train::Measured;
use leptos::prelude::*;

pub use plain::plain_words;
pub use stages::{DistillState, SynthState, TargetState, TeacherState};
pub use status::{DataStatus, Notice, OwnStatus, Progress, TargetStatus, TeacherHandle};

#[derive(Clone, Copy)]
pub struct AppState {
    pub config: RwSignal<Config>,
    /// Per-field messages for the form (field name, message).
    pub field_errors: RwSignal<Vec<FieldError>>,
    /// What was wrong with the link the page was opened with.
    pub url_problems: RwSignal<Vec<String>>,
    /// Embed mode, visible stages, hidden controls, autoplay, a recorded run (fixed for the page's
    /// life, but a recorded run that could not be shown is dropped).
    pub view: StoredValue<ViewOptions>,
    /// None while probing; Some(None) when the browser has no WebGPU.
    pub gpu: RwSignal<Option<Option<GpuInfo>>>,
    pub backend: RwSignal<Option<BackendChoice>>,
    /// Both backends timed on this adapter (this visit or remembered from an earlier one).
    pub measured: RwSignal<Option<Measured>>,
    /// Both backends are being timed now.
    pub measuring: RwSignal<bool>,
    /// Changes when charts must be drawn again (resize, pixel ratio, colour scheme, presentation).
    pub screen: RwSignal<u32>,
    /// *Run the whole demo* was pressed this many times (autoplay runs the stages for the last press).
    pub demo: RwSignal<u32>,
    /// The stages' settings start unfolded (the link carried settings, or the page is embedded).
    pub settings_open: StoredValue<bool>,
    /// The stage WebGPU stopped in, and why (a lost device); offers to continue on the CPU.
    pub gpu_lost: RwSignal<Option<(Stage, String)>>,
    pub data: RwSignal<DataStatus>,
    pub digits: StoredValue<Option<Arc<(ImageSet, ImageSet)>>>,
    /// The stage running now (one at a time).
    pub busy: RwSignal<Option<Stage>>,
    /// The person's pause / resume / cancel for the running stage.
    pub control: RwSignal<Control>,
    pub notice: RwSignal<Option<Notice>>,
    /// The technical details behind the visit's notices (the page shows plain words; these go to the
    /// console and the exported JSON).
    pub problem_details: StoredValue<Vec<String>>,
    pub synth: SynthState,
    pub teacher: TeacherState,
    pub targets: TargetState,
    pub distill: DistillState,
}

impl AppState {
    pub fn new() -> Self {
        Self {
            config: RwSignal::new(Config::default()),
            field_errors: RwSignal::new(Vec::new()),
            url_problems: RwSignal::new(Vec::new()),
            view: StoredValue::new(ViewOptions::default()),
            gpu: RwSignal::new(None),
            backend: RwSignal::new(None),
            measured: RwSignal::new(None),
            measuring: RwSignal::new(false),
            screen: crate::web::platform::screen::watch(),
            demo: RwSignal::new(0),
            settings_open: StoredValue::new(true),
            gpu_lost: RwSignal::new(None),
            data: RwSignal::new(DataStatus::Loading),
            digits: StoredValue::new(None),
            busy: RwSignal::new(None),
            control: RwSignal::new(Control::Run),
            notice: RwSignal::new(None),
            problem_details: StoredValue::new(Vec::new()),
            synth: SynthState::new(),
            teacher: TeacherState::new(),
            targets: TargetState::new(),
            distill: DistillState::new(),
        }
    }

    /// The config if every field is valid; otherwise None, with a notice (beside stage `stage`'s
    /// controls) pointing at the fields.
    pub fn valid_config(&self, stage: u8) -> Option<Config> {
        let cfg = self.config.get_untracked();
        if cfg.validate().is_empty() && self.field_errors.get_untracked().is_empty() {
            Some(cfg)
        } else {
            self.tell(Some(stage), "Fix the highlighted fields first.");
            None
        }
    }

    /// Shows `text` beside stage `stage`'s controls (None: at the top of the page), in plain words:
    /// anything technical in it goes to the console and the exported JSON instead.
    pub fn tell(&self, stage: Option<u8>, text: impl Into<String>) {
        let text = text.into();
        let shown = plain_words(&text);
        if shown != text {
            web_sys::console::warn_1(&text.clone().into());
            self.problem_details.update_value(|d| d.push(text));
        }
        self.notice.set(Some(Notice { stage, text: shown }));
    }

    /// Whether a job runs now. Starting another is refused, whatever arrives in one task (several
    /// clicks, autoplay), so two jobs never overlap.
    pub fn busy_now(&self) -> bool {
        self.busy.get_untracked().is_some()
    }

    /// The loaded target dataset of `kind`, if any.
    pub fn target(&self, kind: TargetKind) -> Option<Arc<Target>> {
        self.targets.get(kind)
    }

    /// The digits arrived, `ms` after the page started loading.
    pub fn digits_ready(&self, digits: (ImageSet, ImageSet), ms: f64) {
        self.digits.set_value(Some(Arc::new(digits)));
        self.data.set(DataStatus::Ready { ms });
    }

    /// A recorded run is shown: the digits wait until a live run is asked for.
    pub fn defer_digits(&self) {
        self.data.set(DataStatus::NotAsked);
    }

    /// A live run is asked for: true if the digits were waiting (they load now).
    pub fn digits_asked(&self) -> bool {
        let waiting = self.data.get_untracked() == DataStatus::NotAsked;
        if waiting {
            self.data.set(DataStatus::Loading);
        }
        waiting
    }

    /// The link's recorded run could not be shown: the page is the one the link would give without it.
    pub fn recording_failed(&self, message: String) {
        self.tell(None, message);
        self.view.update_value(|v| v.recording = None);
    }

    pub fn digits_failed(&self, message: String) {
        self.data.set(DataStatus::Failed(message));
    }

    /// New numerals: the teacher trained on the old ones goes, with its charts.
    pub fn synthesized(&self, set: crate::data::SynthSet, seconds: f32) {
        self.synth.made(set, seconds);
        self.teacher.forget();
        self.teacher.run.clear_charts();
    }

    pub fn error_for(&self, field: &str) -> Option<String> {
        self.field_errors
            .get()
            .into_iter()
            .find(|e| e.field == field)
            .map(|e| e.to_string())
    }

    /// Empties every stage's progress line (only the latest stage's figures are shown).
    pub fn clear_progress(&self) {
        self.teacher.run.progress.set(Progress::default());
        self.distill.run.progress.set(Progress::default());
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}
