//! Making the person's own images the target: read (in this browser), check, and use them.

use std::sync::Arc;

use crate::data::TargetKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::web::platform::own_files;
use crate::web::state::{AppState, OwnStatus, TargetStatus};

/// Reads `files` and, when enough of them are usable, makes them the target.
pub fn read(state: AppState, files: Vec<(String, JsValue)>) {
    if state.busy_now() {
        // New images would change K and the classes under a running job.
        state.tell(
            Some(3),
            "Other images can be loaded when the run has finished (or after Cancel).",
        );
        return;
    }
    if files.is_empty()
        || matches!(
            state.targets.own_status.get_untracked(),
            OwnStatus::Reading { .. }
        )
    {
        return;
    }
    state
        .targets
        .own_status
        .set(OwnStatus::Reading { done: 0, total: 0 });
    spawn_local(async move {
        let outcome = match own_files::pick(files).await {
            Ok(picked) => {
                own_files::read(picked, |done, total| {
                    state
                        .targets
                        .own_status
                        .set(OwnStatus::Reading { done, total })
                })
                .await
            }
            Err(e) => Err(e),
        };
        // A run started while the images were read keeps the images it started with.
        let outcome = match outcome {
            Ok(_) if state.busy_now() => Err(
                "a run started while they were read; load them again when it has finished".into(),
            ),
            other => other,
        };
        match outcome {
            Ok((target, notes)) => {
                let k = target.classes();
                state.targets.loaded.update_value(|v| {
                    v.retain(|t| t.kind != TargetKind::Own);
                    v.push(Arc::new(target));
                });
                state.config.update(|c| {
                    c.target = TargetKind::Own;
                    c.classes = k;
                });
                state
                    .targets
                    .status
                    .set(TargetStatus::Ready(TargetKind::Own));
                state.targets.own_notes.set(notes);
                state.targets.own_status.set(OwnStatus::Ready);
            }
            Err(message) => {
                state.targets.own_notes.set(Vec::new());
                state.targets.own_status.set(OwnStatus::Failed(message));
            }
        }
    });
}
