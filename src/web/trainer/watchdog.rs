//! Nothing waits for ever on a training worker. Each worker sends a heartbeat every second while its
//! event loop turns; a job whose worker has been silent for [`STALL_MS`] — closed, killed, out of
//! memory or hung — is ended with a plain message, and the next job gets a fresh worker. A cancel that
//! the workers have not honoured within [`CANCEL_MS`] ends their jobs all the same, so *Cancel* always
//! gives the page back.

use std::cell::Cell;

use gloo_timers::callback::Interval;

use super::client;
use crate::protocol::Stop;

/// How often a worker says it is alive.
pub const HEARTBEAT_MS: u32 = 1_000;
/// Longer than any synchronous stretch of a healthy job (labelling a bank or 10,000 images: seconds).
const STALL_MS: f64 = 20_000.0;
/// How long a cancel may take before the page stops the workers itself.
const CANCEL_MS: f64 = 2_000.0;
const TICK_MS: u32 = 250;

thread_local! {
    static WATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Starts watching the workers' jobs (once per page).
pub fn start() {
    if !WATCHING.replace(true) {
        Interval::new(TICK_MS, tick).forget();
    }
}

fn tick() {
    let now = client::now_ms();
    for (i, heard) in client::in_flight() {
        if now - heard > STALL_MS {
            client::end(
                i,
                Stop::Failed(
                    "A training worker stopped answering (the tab may be short of memory); what finished is kept — run again to go on.".into(),
                ),
            );
        }
    }
    if client::cancel_asked().is_some_and(|at| now - at > CANCEL_MS) {
        for i in client::training_jobs() {
            client::end(i, Stop::Cancelled);
        }
    }
}
