//! A K that cannot distill is caught when it is chosen, not at *Distill*: LW-KD's teacher must know the
//! target's classes. The message sits by the methods, with a one-click fix when K itself is off.

use crate::data::TargetKind;
use leptos::prelude::*;

use crate::web::state::use_state;

/// Fashion-MNIST and MNIST have ten classes (own images: as many as their folders).
const DATASET_CLASSES: usize = 10;

#[component]
pub fn KCheck() -> impl IntoView {
    let state = use_state();
    // (message, the K that fixes it by a click if K is what is off)
    let problem = move || -> Option<(String, Option<usize>)> {
        let cfg = state.config.get();
        if !cfg.methods.iter().any(|m| m.uses_light_teacher()) {
            return None;
        }
        state.targets.status.track();
        state.teacher.summary.track();
        let target_k = match cfg.target {
            TargetKind::Own => state.target(TargetKind::Own)?.classes(),
            _ => DATASET_CLASSES,
        };
        let name = cfg.target.label();
        let teacher_k = state
            .teacher
            .model
            .with_value(|t| t.as_ref().map(|t| t.classes));
        // With a teacher, its K is what must match (K in the form only matters for the next one).
        match teacher_k {
            Some(k) if k != target_k => Some((
                format!(
                    "The trained teacher knows {k} classes but {name} has {target_k}: generate the numerals and train the teacher again (K = {target_k}) for LW-KD."
                ),
                (cfg.classes != target_k).then_some(target_k),
            )),
            Some(_) => None,
            None if cfg.classes != target_k => Some((
                format!(
                    "K is {} but {name} has {target_k} classes: LW-KD's teacher must know the target's classes.",
                    cfg.classes
                ),
                Some(target_k),
            )),
            None => None,
        }
    };
    move || {
        problem().map(|(text, fix)| {
            view! {
                <p class="notice" id="k-check" role="status">
                    {text}
                    {fix.map(|k| view! {
                        " "<button id="k-fix" class="small" disabled=move || state.busy.get().is_some()
                            on:click=move |_| state.set_classes(k)>
                            {format!("Set K to {k}")}
                        </button>
                    })}
                </p>
            }
        })
    }
}
