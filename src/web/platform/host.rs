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

/// A browser checkpoint (the page's or the training worker's): gives the event loop a turn, stops on
/// a lost device or a cancel, waits while `control()` says pause, and returns how long it waited.
pub async fn checkpoint(control: impl Fn() -> Control) -> Result<Duration, Cancelled> {
    super::yield_now::yield_now().await;
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
