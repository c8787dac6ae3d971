//! Stages that start by themselves (see [`ViewOptions::runs_by_itself`]): with `?autoplay=1` every
//! shown stage, and in an embed that hides a stage, the hidden stages the shown ones need; and all three
//! after *Run the whole demo*, which also brings each stage into view as it starts. Each starts as soon
//! as the previous one has finished; a cancel stops the chain where it is. An embed's chain waits for
//! its turn (`platform::turns`): several embeds on one page train one at a time, and a waiting one
//! says so.
//!
//! [`ViewOptions::runs_by_itself`]: crate::pipeline::view::ViewOptions::runs_by_itself

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

use super::{distill, synthesize, teacher};
use crate::web::platform::turns::{self, Turn};
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

/// None: not held; Some(turn): this page may train (Some(None) where the browser cannot coordinate).
type HeldTurn = StoredValue<Option<Option<Turn>>, LocalStorage>;

/// Asks for the turn; the chain goes on when it comes, and says why it waits if it does not at once.
fn wait_for_turn(state: AppState, turn: HeldTurn, waiting: RwSignal<bool>) {
    waiting.set(true);
    spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(300).await;
        if waiting.get_untracked() {
            state.tell(
                None,
                "Another embed on this page is training: this one starts when it has finished.",
            );
        }
    });
    spawn_local(async move {
        let held = turns::take().await;
        turn.set_value(Some(held));
        waiting.set(false);
    });
}

pub fn start(state: AppState) {
    let embed = state.view.with_value(|v| v.embed);
    // The stage started last (each is started once per request), and the demo request it serves.
    let started = StoredValue::new(0u8);
    let served = StoredValue::new(0u32);
    // An embed holds its turn from its chain's first stage to the chain's end, however it ends.
    let turn: HeldTurn = StoredValue::new_local(None);
    let waiting = RwSignal::new(false);
    Effect::new(move |_| {
        let demo = state.demo.get();
        if demo != served.get_value() {
            served.set_value(demo);
            started.set_value(0);
        }
        // Read each time: a recorded run that could not be shown no longer stands in for the stages.
        let last = if demo > 0 {
            3
        } else {
            state.view.with_value(|v| v.runs_by_itself())
        };
        if last == 0 || waiting.get() {
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
        // The demo brings each stage into view as it starts; an embed never scrolls its host page.
        let follow = |title_id: &str| {
            if demo > 0 && !embed {
                bring_into_view(title_id);
            }
        };
        let next = match started.get_value() {
            0 => Some(1),
            1 if synth && last >= 2 => Some(2),
            2 if teacher && last >= 3 => Some(3),
            _ => None,
        };
        let Some(next) = next else {
            // The chain has ended (done, cancelled or failed): the next embed's turn.
            turn.set_value(None);
            // The demo's end: the comparison it points at comes into view, under the guide.
            if started.get_value() == 3 && demo > 0 && !state.distill.results.get().is_empty() {
                started.set_value(4);
                follow("results-title");
            }
            return;
        };
        if embed && turn.with_value(Option::is_none) {
            wait_for_turn(state, turn, waiting);
            return;
        }
        started.set_value(next);
        match next {
            1 => {
                follow("synth-title");
                synthesize::generate(state);
            }
            2 => {
                follow("teacher-title");
                teacher::train(state);
            }
            _ => {
                follow("distill-title");
                distill::run(state);
            }
        }
    });
}
