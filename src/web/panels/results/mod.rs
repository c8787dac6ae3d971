//! The comparison (run here, kept from a visit, or recorded): results table, accuracy curves of every method, accuracy against total time, the
//! soft-target picture and the chosen student's confusion matrix.

mod charts;
mod recorded;
mod table;

use leptos::html;
use leptos::prelude::*;

use super::import_weights::ImportWeights;
use super::scenarios::ScenarioNotice;
use crate::web::state::use_state;
use charts::{CompareCharts, ConfusionMatrix, SoftTargets};
use recorded::RecordedNote;
use table::{ExportRow, RestoredNote, ResultsTable};

/// The canvases the PNG buttons save.
#[derive(Clone, Copy)]
pub struct Canvases {
    pub curves: NodeRef<html::Canvas>,
    pub cost: NodeRef<html::Canvas>,
    pub gap: NodeRef<html::Canvas>,
    pub soft: NodeRef<html::Canvas>,
    pub confusion: NodeRef<html::Canvas>,
}

#[component]
pub fn Results() -> impl IntoView {
    let d = use_state().distill;
    let canvases = Canvases {
        curves: NodeRef::new(),
        cost: NodeRef::new(),
        gap: NodeRef::new(),
        soft: NodeRef::new(),
        confusion: NodeRef::new(),
    };
    let has_results = move || !d.results.get().is_empty();
    view! {
        <div class="results" class:hidden=move || !has_results() && d.showcase.get().is_none()>
            <h3 id="results-title">"Comparison"</h3>
            <ScenarioNotice/>
            <RecordedNote/>
            <ResultsTable/>
            <RestoredNote/>
            <ExportRow canvases=canvases/>
            <ImportWeights/>
            <p class="muted small">
                "Teacher time: synthesis + lightweight teacher for LW-KD, the heavy teacher's training for vanilla
                KD, none for the others. Distillation time excludes the per-epoch test evaluations and pauses."
            </p>
            <CompareCharts curves_canvas=canvases.curves cost_canvas=canvases.cost gap_canvas=canvases.gap/>
            <SoftTargets soft_canvas=canvases.soft/>
            <ConfusionMatrix confusion_canvas=canvases.confusion/>
        </div>
    }
}
