//! The caller's side of a running stage.

use std::future::Future;
use std::time::Duration;

use super::Event;

/// The user cancelled the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

pub trait Host {
    /// Receives every event as it happens.
    fn emit(&mut self, event: Event);

    /// Called between units of work. A browser host yields to the event loop here (so the page keeps
    /// drawing), waits while paused, and returns `Err(Cancelled)` once the user cancels. Returns how
    /// long it was paused, which the stage leaves out of its wall time.
    fn checkpoint(&mut self) -> impl Future<Output = Result<Duration, Cancelled>>;
}

/// A host that never pauses: collects events (tests) or forwards them to a closure (CLI).
pub struct CallbackHost<F: FnMut(&Event)>(pub F);

impl<F: FnMut(&Event)> Host for CallbackHost<F> {
    fn emit(&mut self, event: Event) {
        (self.0)(&event)
    }

    async fn checkpoint(&mut self) -> Result<Duration, Cancelled> {
        Ok(Duration::ZERO)
    }
}
