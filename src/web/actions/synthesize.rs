//! Stage 1's action: synthesize the numerals dataset on the page (it takes milliseconds).

use std::sync::Arc;

use crate::pipeline::{Stage, stages};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::platform::host::WebHost;
use crate::web::state::{AppState, SynthSummary};

pub fn generate(state: AppState) {
    if state.busy_now() {
        return;
    }
    let Some(cfg) = state.valid_config(1) else {
        return;
    };
    let Some(digits) = state.digits.get_value() else {
        return;
    };
    state.busy.set(Some(Stage::Synthesize));
    state.notice.set(None);
    spawn_local(async move {
        // Let the page show "Generating…" before the (synchronous) synthesizer runs.
        TimeoutFuture::new(16).await;
        let mut host = WebHost { state };
        if let Some((set, seconds)) =
            stages::synthesize(cfg.synth(), &digits.0, &digits.1, &mut host)
        {
            state.synth.summary.set(Some(SynthSummary {
                classes: set.config.classes,
                train: set.train.len(),
                val: set.val.len(),
                rows: set.train.rows,
                cols: set.train.cols,
                seconds,
                fingerprint: set.fingerprint(),
            }));
            state.synth.set.set_value(Some(Arc::new(set)));
            // A new dataset needs a new teacher.
            state.teacher.forget();
            state.teacher.run.clear_charts();
        }
        state.busy.set(None);
    });
}
