//! The worker's [`Host`]: events become messages to the page; checkpoints let the worker's own event
//! loop deliver the page's pause / resume / cancel.

use std::cell::Cell;
use std::time::Duration;

use crate::pipeline::{Cancelled, Control, Event, Host};

use super::protocol::Reply;
use super::worker::post;

thread_local! {
    /// The page's last word on the running job.
    pub static CONTROL: Cell<Control> = const { Cell::new(Control::Run) };
}

pub struct WorkerHost;

impl Host for WorkerHost {
    fn emit(&mut self, event: Event) {
        match event {
            Event::MethodDone(mut result) => {
                let weights = std::mem::take(&mut result.weights);
                post(&Reply::MethodDone { result, weights });
            }
            event => post(&Reply::Event(event)),
        }
    }

    async fn checkpoint(&mut self) -> Result<Duration, Cancelled> {
        crate::web::platform::host::checkpoint(|| CONTROL.get()).await
    }
}
