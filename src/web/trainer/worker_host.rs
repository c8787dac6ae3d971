//! The worker's side of the conversation with the page: [`post`] sends a reply, and the worker's
//! [`Host`] turns events into replies; its checkpoints let the worker's own event loop deliver the
//! page's pause / resume / cancel.

use std::cell::Cell;
use std::time::Duration;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

use crate::protocol::{Cancelled, Control, Event, Host};

use super::messages::{Reply, encode};

/// The worker's global scope (its `self`).
pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Sends `reply` to the page (bytes transferred, not copied).
pub fn post(reply: &Reply) {
    let bytes = Uint8Array::from(encode(reply).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    if let Err(e) = scope().post_message_with_transfer(&bytes, &transfer) {
        web_sys::console::error_2(&"the training worker could not answer".into(), &e);
    }
}

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
