//! Stages that start by themselves (see [`ViewOptions::runs_by_itself`]): with `?autoplay=1` every
//! shown stage, and in an embed that hides a stage, the hidden stages the shown ones need; and all three
//! after *Run the whole demo*, which also brings each stage into view as it starts. Each starts as soon
//! as the previous one has finished; a cancel stops the chain where it is.
//!
//! [`ViewOptions::runs_by_itself`]: crate::pipeline::view::ViewOptions::runs_by_itself

use leptos::prelude::*;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::{distill, synthesize, teacher};
use crate::web::state::{AppState, DataStatus};

/// Scrolls the stage titled `title_id` to the top of the window.
fn bring_into_view(title_id: &str) {
    let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(title_id))
    else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_behavior(ScrollBehavior::Smooth);
    options.set_block(ScrollLogicalPosition::Start);
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

pub fn start(state: AppState) {
    let by_itself = state.view.with_value(|v| v.runs_by_itself());
    // The stage started last (each is started once per request), and the demo request it serves.
    let started = StoredValue::new(0u8);
    let served = StoredValue::new(0u32);
    Effect::new(move |_| {
        let demo = state.demo.get();
        if demo != served.get_value() {
            served.set_value(demo);
            started.set_value(0);
        }
        let last = if demo > 0 { 3 } else { by_itself };
        if last == 0 {
            return;
        }
        let ready = matches!(state.data.get(), DataStatus::Ready { .. });
        let idle = state.busy.get().is_none();
        let (synth, teacher) = (
            state.synth.summary.get().is_some(),
            state.teacher.summary.get().is_some(),
        );
        if !ready || !idle {
            return;
        }
        let follow = |title_id: &str| {
            if demo > 0 {
                bring_into_view(title_id);
            }
        };
        match started.get_value() {
            0 => {
                started.set_value(1);
                follow("synth-title");
                synthesize::generate(state);
            }
            1 if synth && last >= 2 => {
                started.set_value(2);
                follow("teacher-title");
                teacher::train(state);
            }
            2 if teacher && last >= 3 => {
                started.set_value(3);
                follow("distill-title");
                distill::run(state);
            }
            // The demo's end: the comparison it points at comes into view, under the guide.
            3 if demo > 0 && !state.distill.results.get().is_empty() => {
                started.set_value(4);
                follow("results-title");
            }
            _ => {}
        }
    });
}
