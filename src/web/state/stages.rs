//! The state of each stage: what stage 1 made, what stage 2 trained, what stage 3 compared, and the
//! live figures of a training run ([`RunView`]) that stages 2 and 3 share in shape.

use std::rc::Rc;
use std::sync::Arc;

use crate::data::{SynthSet, Target};
use crate::distill::{Method, MethodResult, Showcase};
use crate::pipeline::TeacherSummary;
use crate::pipeline::events::LossParts;
use leptos::prelude::*;

use super::status::{OwnStatus, Progress, Restored, SynthSummary, TargetStatus, TeacherHandle};

/// The live figures of one training run: progress, the loss points `L` per step and the accuracy
/// per epoch as (epoch, train accuracy, held-out accuracy).
pub struct RunView<L: Send + Sync + 'static> {
    pub progress: RwSignal<Progress>,
    pub losses: RwSignal<Vec<L>>,
    pub accuracy: RwSignal<Vec<(usize, f32, f32)>>,
}

impl<L: Send + Sync + 'static> Clone for RunView<L> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<L: Send + Sync + 'static> Copy for RunView<L> {}

impl<L: Send + Sync + 'static> RunView<L> {
    fn new() -> Self {
        Self {
            progress: RwSignal::new(Progress::default()),
            losses: RwSignal::new(Vec::new()),
            accuracy: RwSignal::new(Vec::new()),
        }
    }

    /// Forgets the charts' points (a new run).
    pub fn clear_charts(&self) {
        self.losses.set(Vec::new());
        self.accuracy.set(Vec::new());
    }
}

/// Stage 1: the synthesized dataset.
#[derive(Clone, Copy)]
pub struct SynthState {
    pub summary: RwSignal<Option<SynthSummary>>,
    pub set: StoredValue<Option<Arc<SynthSet>>>,
}

/// Stage 2: the lightweight teacher's run and result.
#[derive(Clone, Copy)]
pub struct TeacherState {
    /// (step, cross-entropy) losses.
    pub run: RunView<(f32, f32)>,
    pub summary: RwSignal<Option<TeacherSummary>>,
    pub model: StoredValue<Option<Rc<TeacherHandle>>, LocalStorage>,
}

impl TeacherState {
    /// Forgets the trained teacher (the page's summary and its handle on the worker's model).
    pub fn forget(&self) {
        self.summary.set(None);
        self.model.set_value(None);
    }
}

/// Stage 3's target datasets: the downloaded ones and the person's own.
#[derive(Clone, Copy)]
pub struct TargetState {
    pub status: RwSignal<TargetStatus>,
    pub loaded: StoredValue<Vec<Arc<Target>>>,
    pub own_status: RwSignal<OwnStatus>,
    /// What was left out of the person's images, and why.
    pub own_notes: RwSignal<Vec<String>>,
}

/// Stage 3: the running method's figures and the comparison.
#[derive(Clone, Copy)]
pub struct DistillState {
    /// Loss components and accuracy of the method running now.
    pub run: RunView<LossParts>,
    /// (step, accuracy %) of LW-KD's discriminator in its latest run.
    pub disc_acc: RwSignal<Vec<(f32, f32)>>,
    /// The worker whose LW-KD run `disc_acc` follows, from its start to its end (the pool may train
    /// LW-KD for several seeds at once, and the live figures follow whichever network started last).
    pub disc_source: StoredValue<Option<usize>>,
    pub results: RwSignal<Vec<MethodResult>>,
    pub showcase: RwSignal<Option<Showcase>>,
    /// Whose confusion matrix and outputs are shown.
    pub chosen: RwSignal<Option<Method>>,
    /// The dataset the shown results were computed on.
    pub results_target: RwSignal<Option<crate::data::TargetKind>>,
    /// The shown results came from this browser's storage (a previous visit or another tab).
    pub restored: RwSignal<Option<Restored>>,
    /// The students whose weights were downloaded (the others would be lost by leaving the page).
    pub downloaded: StoredValue<Vec<Method>>,
    /// A fresh comparison on this target was asked for: the shown one goes when it really starts.
    pub replace_on_start: StoredValue<Option<crate::data::TargetKind>>,
}

impl SynthState {
    pub fn new() -> Self {
        Self {
            summary: RwSignal::new(None),
            set: StoredValue::new(None),
        }
    }
}

impl TeacherState {
    pub fn new() -> Self {
        Self {
            run: RunView::new(),
            summary: RwSignal::new(None),
            model: StoredValue::new_local(None),
        }
    }
}

impl TargetState {
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(TargetStatus::Idle),
            loaded: StoredValue::new(Vec::new()),
            own_status: RwSignal::new(OwnStatus::Idle),
            own_notes: RwSignal::new(Vec::new()),
        }
    }
}

impl DistillState {
    pub fn new() -> Self {
        Self {
            run: RunView::new(),
            disc_acc: RwSignal::new(Vec::new()),
            disc_source: StoredValue::new(None),
            results: RwSignal::new(Vec::new()),
            showcase: RwSignal::new(None),
            chosen: RwSignal::new(None),
            results_target: RwSignal::new(None),
            restored: RwSignal::new(None),
            downloaded: StoredValue::new(Vec::new()),
            replace_on_start: StoredValue::new(None),
        }
    }

    /// Replaces the shown comparison if a fresh one was asked for and has now started.
    pub fn started(&self) {
        if let Some(target) = self.replace_on_start.get_value() {
            self.replace_on_start.set_value(None);
            self.clear_results(target);
        }
    }

    /// Forgets the shown comparison (a fresh run).
    pub fn clear_results(&self, target: crate::data::TargetKind) {
        self.results.set(Vec::new());
        self.results_target.set(Some(target));
        self.restored.set(None);
        self.downloaded.set_value(Vec::new());
        self.chosen.set(None);
        self.showcase.set(None);
    }
}
