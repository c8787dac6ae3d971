//! Stage 3's target datasets: downloaded once per page, in the background where they can be, and the
//! person's choice of one.

use std::cell::RefCell;
use std::sync::Arc;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};

use crate::data::{Target, TargetKind};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::platform::fetch;
use crate::web::state::{AppState, TargetStatus};

type Loading = Shared<LocalBoxFuture<'static, Result<Arc<Target>, String>>>;

thread_local! {
    /// Downloads under way: a second caller (stage 3 while the teacher's prefetch runs) waits for
    /// the same one.
    static LOADING: RefCell<Vec<(TargetKind, Loading)>> = const { RefCell::new(Vec::new()) };
}

/// The target of `kind`, downloaded once per page.
pub async fn ensure(state: AppState, kind: TargetKind) -> Result<Arc<Target>, String> {
    if let Some(t) = state.target(kind) {
        return Ok(t);
    }
    if kind == TargetKind::Own {
        // Never downloaded, never stored: the person picks them again after a reload.
        return Err(
            "Choose your images first: a folder or .zip with one sub-folder per class".into(),
        );
    }
    let loading = LOADING.with_borrow_mut(|l| match l.iter().find(|(k, _)| *k == kind) {
        Some((_, f)) => f.clone(),
        None => {
            let f = download(state, kind).boxed_local().shared();
            l.push((kind, f.clone()));
            f
        }
    });
    let out = loading.await;
    LOADING.with_borrow_mut(|l| l.retain(|(k, _)| *k != kind));
    out
}

async fn download(state: AppState, kind: TargetKind) -> Result<Arc<Target>, String> {
    state.targets.loading(kind);
    match fetch::target(kind).await {
        Ok(t) => {
            let t = Arc::new(t);
            // The status is about the chosen target (this one may have been loaded for saved results).
            let chosen = state.config.get_untracked().target;
            state.targets.arrived(t.clone(), chosen);
            Ok(t)
        }
        Err(e) => {
            let msg = format!("{} could not be loaded: {e}", kind.label());
            state.targets.failed(msg.clone());
            Err(msg)
        }
    }
}

/// Starts downloading the chosen target in the background (e.g. while the teacher trains).
pub fn prefetch(state: AppState) {
    load(state, state.config.get_untracked().target);
}

/// Starts downloading `kind` in the background unless it is there or on its way.
pub fn load(state: AppState, kind: TargetKind) {
    if kind != TargetKind::Own
        && state.target(kind).is_none()
        && !matches!(
            state.targets.status.get_untracked(),
            TargetStatus::Loading(_)
        )
    {
        spawn_local(async move {
            let _ = ensure(state, kind).await;
        });
    }
}

/// The person picked `kind` as the target.
pub fn select(state: AppState, kind: TargetKind) {
    let loaded = state.target(kind);
    // The synthesized dataset follows the target's K (Fashion-MNIST and MNIST have 10 classes).
    state.pick_target(kind, loaded.as_ref().map_or(10, |t| t.classes()));
    match (loaded, kind) {
        // Ready, or for the person's own images, the picker below the settings asks for them.
        (Some(_), _) | (None, TargetKind::Own) => state.targets.show(kind),
        (None, _) => spawn_local(async move {
            let _ = ensure(state, kind).await;
        }),
    }
}
