//! The browser's [`Host`]: events go to the store's reducer ([`AppState::apply`]); checkpoints yield
//! to the event loop so the page keeps drawing, wait while paused and stop on cancel.

use std::time::Duration;

use crate::protocol::{Cancelled, Control, Event, Host};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use web_time::Instant;

use crate::web::state::AppState;

pub struct WebHost {
    pub state: AppState,
}

impl Host for WebHost {
    fn emit(&mut self, event: Event) {
        self.state.apply(event);
    }

    async fn checkpoint(&mut self) -> Result<Duration, Cancelled> {
        let control = self.state.control;
        checkpoint(|| control.get_untracked()).await
    }
}

/// How often a running job gives the event loop a turn: each frame on the page, and in a worker often
/// enough that a pause or cancel (a message) is read at once. Not every step: a turn is a message
/// through a channel, which in WebKit is a round trip to another process (bench/engine-timeline.mjs).
const TURN_EVERY: Duration = Duration::from_millis(16);

thread_local! {
    static LAST_TURN: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
}

/// A browser checkpoint (the page's or the training worker's): gives the event loop a turn if
/// [`TURN_EVERY`] has passed since the last, stops on a lost device or a cancel, waits while
/// `control()` says pause, and returns how long it waited.
pub async fn checkpoint(control: impl Fn() -> Control) -> Result<Duration, Cancelled> {
    if LAST_TURN.get().is_none_or(|t| t.elapsed() >= TURN_EVERY) {
        super::yield_now::yield_now().await;
        LAST_TURN.set(Some(Instant::now()));
    }
    if crate::protocol::device_loss::device_lost().is_some() {
        return Err(Cancelled);
    }
    let mut paused = Duration::ZERO;
    loop {
        match control() {
            Control::Run => return Ok(paused),
            Control::Cancel => return Err(Cancelled),
            Control::Pause => {
                let t = Instant::now();
                TimeoutFuture::new(50).await;
                paused += t.elapsed();
            }
        }
    }
}
