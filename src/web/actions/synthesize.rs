//! Stage 1's action: synthesize the numerals dataset on the page (it takes milliseconds).

use crate::pipeline::stages;
use crate::protocol::Stage;
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::platform::host::WebHost;
use crate::web::state::AppState;

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
    state.busy_with(Stage::Synthesize);
    spawn_local(async move {
        // Let the page show "Generating…" before the (synchronous) synthesizer runs.
        TimeoutFuture::new(16).await;
        let mut host = WebHost { state };
        if let Some((set, seconds)) =
            stages::synthesize(cfg.synth(), &digits.0, &digits.1, &mut host)
        {
            // A new dataset needs a new teacher.
            state.synthesized(set, seconds);
        }
        state.idle();
    });
}
