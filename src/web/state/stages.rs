//! The state of each stage: what stage 1 made, what stage 2 trained, what stage 3 compared, and the
//! live figures of a training run ([`RunView`]) that stages 2 and 3 share in shape.

use std::rc::Rc;
use std::sync::Arc;

use crate::data::{SynthSet, Target, TargetKind};
use crate::pipeline::TeacherSummary;
use crate::protocol::{LossParts, Method, MethodResult, Showcase};
use leptos::prelude::*;

use super::status::{OwnStatus, Progress, Restored, SynthSummary, TargetStatus, TeacherHandle};
use crate::web::platform::storage::Saved;

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

    /// A new teacher starts training: the old one and its charts go.
    pub fn start(&self) {
        self.forget();
        self.run.clear_charts();
    }

    /// The trained teacher: its handle for stage 3 and its summary for the page.
    pub fn trained(&self, handle: TeacherHandle, summary: TeacherSummary) {
        self.model.set_value(Some(Rc::new(handle)));
        self.summary.set(Some(summary));
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
    pub results_target: RwSignal<Option<TargetKind>>,
    /// The shown results came from this browser's storage (a previous visit or another tab).
    pub restored: RwSignal<Option<Restored>>,
    /// The students whose weights were downloaded (the others would be lost by leaving the page).
    pub downloaded: StoredValue<Vec<Method>>,
    /// A fresh comparison on this target was asked for: the shown one goes when it really starts.
    pub replace_on_start: StoredValue<Option<TargetKind>>,
}

impl SynthState {
    pub fn new() -> Self {
        Self {
            summary: RwSignal::new(None),
            set: StoredValue::new(None),
        }
    }

    /// The numerals just synthesized, in `seconds`.
    pub fn made(&self, set: SynthSet, seconds: f32) {
        self.summary.set(Some(SynthSummary {
            classes: set.config.classes,
            train: set.train.len(),
            val: set.val.len(),
            rows: set.train.rows,
            cols: set.train.cols,
            seconds,
            fingerprint: set.fingerprint(),
        }));
        self.set.set_value(Some(Arc::new(set)));
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

    /// The loaded target of `kind`, if any.
    pub fn get(&self, kind: TargetKind) -> Option<Arc<Target>> {
        self.loaded
            .with_value(|t| t.iter().find(|t| t.kind == kind).cloned())
    }

    /// The status line speaks of `chosen`: ready if loaded, else nothing (a download of another
    /// target, e.g. for saved results, says nothing about the chosen one).
    pub fn show(&self, chosen: TargetKind) {
        self.status.set(match self.get(chosen) {
            Some(_) => TargetStatus::Ready(chosen),
            None => TargetStatus::Idle,
        });
    }

    /// A download of `kind` began.
    pub fn loading(&self, kind: TargetKind) {
        self.status.set(TargetStatus::Loading(kind));
    }

    /// A target arrived; the status line speaks of `chosen`.
    pub fn arrived(&self, target: Arc<Target>, chosen: TargetKind) {
        self.loaded.update_value(|v| v.push(target));
        self.show(chosen);
    }

    pub fn failed(&self, message: String) {
        self.status.set(TargetStatus::Failed(message));
    }

    /// The person's images are being read: `done` of `total` files.
    pub fn reading_own(&self, done: usize, total: usize) {
        self.own_status.set(OwnStatus::Reading { done, total });
    }

    /// The person's images, read, replace any read before; `notes` say what was left out.
    pub fn own_read(&self, target: Target, notes: Vec<String>) {
        self.loaded.update_value(|v| {
            v.retain(|t| t.kind != TargetKind::Own);
            v.push(Arc::new(target));
        });
        self.status.set(TargetStatus::Ready(TargetKind::Own));
        self.own_notes.set(notes);
        self.own_status.set(OwnStatus::Ready);
    }

    /// The person's images could not be used; those read before stay.
    pub fn own_refused(&self, message: String) {
        self.own_notes.set(Vec::new());
        self.own_status.set(OwnStatus::Failed(message));
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

    /// A comparison is asked for: a fresh one (on `fresh`'s target) replaces the shown one once it
    /// really starts (a refused run changes nothing); LW-KD's discriminator chart follows its first.
    pub fn asked(&self, fresh: Option<TargetKind>) {
        self.replace_on_start.set_value(fresh);
        self.disc_source.set_value(None);
    }

    /// Shows a comparison saved on an earlier visit (or by another tab), or the recorded run in
    /// the file `recording`.
    pub fn restore(&self, saved: Saved, other_tab: bool, recording: Option<String>) {
        self.results_target.set(Some(saved.target));
        self.chosen.set(saved.results.first().map(|r| r.method));
        self.results.set(saved.results);
        self.showcase.set(saved.showcase);
        self.restored.set(Some(Restored {
            query: saved.query,
            other_tab,
            recording,
        }));
    }

    /// The shown comparison as it would be saved, with the settings that produced it (`now`: the
    /// form's, for a comparison run on this page); None when there is none.
    pub fn as_saved(&self, now: String) -> Option<Saved> {
        let results = self.results.get_untracked();
        let target = self.results_target.get_untracked()?;
        (!results.is_empty()).then(|| Saved {
            query: self.restored.get_untracked().map_or(now, |r| r.query),
            target,
            results,
            showcase: self.showcase.get_untracked(),
            saved_at: 0.0,
        })
    }

    /// *Clear saved results*: the restored comparison goes from the page too.
    pub fn clear_restored(&self) {
        self.results.set(Vec::new());
        self.showcase.set(None);
        self.restored.set(None);
    }

    /// `m`'s student was downloaded (leaving the page no longer loses it).
    pub fn mark_downloaded(&self, m: Method) {
        self.downloaded.update_value(|w| w.push(m));
    }

    /// Whose confusion matrix and outputs to show.
    pub fn choose(&self, m: Method) {
        self.chosen.set(Some(m));
    }

    /// Keeps only the results of `done` methods (the others run again).
    pub fn keep_only(&self, done: &[Method]) {
        self.results
            .update(|v| v.retain(|r| done.contains(&r.method)));
    }

    /// Forgets the shown comparison (a fresh run).
    pub fn clear_results(&self, target: TargetKind) {
        self.results.set(Vec::new());
        self.results_target.set(Some(target));
        self.restored.set(None);
        self.downloaded.set_value(Vec::new());
        self.chosen.set(None);
        self.showcase.set(None);
    }
}
