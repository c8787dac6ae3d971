//! What the page does as it opens: load the digits, look for a WebGPU adapter, bring back the last
//! visit's comparison and keep saving new results.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{backend, targets};
use crate::web::platform::{fetch, gpu, offline, recording, storage, timeline};
use crate::web::state::AppState;

/// Loads the digits from the page's own origin; any failure becomes a message, not a panic.
async fn load_data(state: AppState) {
    let result = async {
        let manifest = fetch::manifest().await?;
        let train = fetch::image_set(&manifest, "mnist", "train").await?;
        let heldout = fetch::image_set(&manifest, "mnist", "test").await?;
        Ok::<_, crate::data::DataError>((train, heldout))
    }
    .await;
    match result {
        Ok(d) => {
            state.digits_ready(d, timeline::now());
            // The training module (Burn, several MB) arrives while the person reads, not after the
            // first click; a failure here is met again, with its message, by the first job.
            // An embed does not register it: each host site would keep its own copy of the app.
            let embed = state.view.with_value(|v| v.embed);
            spawn_local(async move {
                let _ = crate::web::trainer::client::connect(0).await;
                if !embed {
                    offline::register().await;
                }
            });
        }
        Err(e) => state.digits_failed(e.to_string()),
    }
}

/// Starts loading the digits (unless a recorded run is shown: then when a live run is asked for),
/// probing WebGPU and watching the training workers' jobs.
pub fn load(state: AppState) {
    crate::web::trainer::watchdog::start();
    if state.view.with_value(|v| v.recording.is_some()) {
        state.defer_digits();
    } else {
        spawn_local(load_data(state));
    }
    spawn_local(async move {
        let info = gpu::probe().await;
        let remembered = info.as_ref().and_then(|g| backend::remembered(&g.name));
        state.gpu_probed(info, remembered);
    });
}

/// *Run it live* on a recorded run: the digits (and after them the training module) load now.
pub fn wake(state: AppState) {
    if state.digits_asked() {
        spawn_local(load_data(state));
    }
}

/// The recorded run the link names, or else a comparison finished on an earlier visit, comes back
/// (its dataset loads for the pictures), and every finished method is saved as it lands.
pub fn keep_results(state: AppState) {
    let d = state.distill;
    if let Some(path) = state.view.with_value(|v| v.recording.clone()) {
        spawn_local(async move {
            match recording::fetch(&path).await {
                Ok(saved) => {
                    let target = saved.target;
                    d.restore(saved, false, Some(path));
                    targets::load(state, target);
                }
                // The app works as if the link had named none (hidden stages run by themselves).
                Err(message) => {
                    state.recording_failed(message);
                    wake(state);
                }
            }
        });
    } else if let Some((saved, other_tab)) = storage::load() {
        let target = saved.target;
        d.restore(saved, other_tab, None);
        targets::load(state, target);
    }
    Effect::new(move |_| {
        d.results.track();
        // Restored results are already saved, with the settings that produced them.
        if d.restored.get_untracked().is_some() {
            return;
        }
        let now = crate::pipeline::url::to_query(&state.config.get_untracked());
        if let Some(saved) = d.as_saved(now) {
            storage::save(&saved);
        }
    });
}
