//! Stages that start by themselves (see [`ViewOptions::runs_by_itself`]): with `?autoplay=1` every
//! shown stage, and in an embed that hides a stage, the hidden stages the shown ones need. Each starts as
//! soon as the previous one has finished; a cancel stops the chain where it is.
//!
//! [`ViewOptions::runs_by_itself`]: crate::pipeline::view::ViewOptions::runs_by_itself

use leptos::prelude::*;

use super::{distill, synthesize, teacher};
use crate::web::state::{AppState, DataStatus};

pub fn start(state: AppState) {
    let last = state.view.with_value(|v| v.runs_by_itself());
    if last == 0 {
        return;
    }
    // The stage started last: each is started once.
    let started = StoredValue::new(0u8);
    Effect::new(move |_| {
        let ready = matches!(state.data.get(), DataStatus::Ready { .. });
        let idle = state.busy.get().is_none();
        let (synth, teacher) = (
            state.synth.summary.get().is_some(),
            state.teacher.summary.get().is_some(),
        );
        if !ready || !idle {
            return;
        }
        match started.get_value() {
            0 => {
                started.set_value(1);
                synthesize::generate(state);
            }
            1 if synth && last >= 2 => {
                started.set_value(2);
                teacher::train(state);
            }
            2 if teacher && last >= 3 => {
                started.set_value(3);
                distill::run(state);
            }
            _ => {}
        }
    });
}
