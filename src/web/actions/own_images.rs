//! Making the person's own images the target: read (in this browser), check, and use them.

use crate::data::TargetKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use crate::web::platform::own_files;
use crate::web::state::{AppState, OwnStatus};

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
    state.targets.reading_own(0, 0);
    spawn_local(async move {
        let outcome = match own_files::pick(files).await {
            Ok(picked) => {
                own_files::read(picked, |done, total| state.targets.reading_own(done, total)).await
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
                state.targets.own_read(target, notes);
                state.pick_target(TargetKind::Own, k);
            }
            Err(message) => state.targets.own_refused(message),
        }
    });
}
