//! The page's side: starts the training worker on first use, sends it one job at a time, turns its
//! events into signal updates (through the store's reducer, [`AppState::apply`]) and forwards pause / resume / cancel.

use std::cell::RefCell;

use futures::channel::oneshot;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event as DomEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::pipeline::{BackendKind, Control, Event};
use leptos::prelude::*;

use super::protocol::{Done, Reply, Request, decode, encode};
use crate::pipeline::Stop;
use crate::web::state::AppState;

/// The worker script, served beside the app's module (see `index.html`).
const SCRIPT: &str = "trainer-worker.js";

struct Connection {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(DomEvent)>,
}

thread_local! {
    static CONNECTION: RefCell<Option<Connection>> = const { RefCell::new(None) };
    static READY: RefCell<Option<oneshot::Sender<Result<(), String>>>> = const { RefCell::new(None) };
    /// Who waits for the job in flight; none between jobs (late events are then dropped).
    static JOB: RefCell<Option<oneshot::Sender<Result<Done, Stop>>>> = const { RefCell::new(None) };
    /// The page's state: the job's events update it, and the teacher is forgotten if the worker goes.
    static PAGE: RefCell<Option<AppState>> = const { RefCell::new(None) };
}

/// Runs `request` in the worker; its events update `state` as they arrive.
pub async fn run(state: AppState, request: Request) -> Result<Done, Stop> {
    PAGE.set(Some(state));
    if let Err(e) = connect().await {
        return Err(Stop::Failed(format!(
            "The training worker could not start: {e}"
        )));
    }
    let (done, finished) = oneshot::channel();
    JOB.set(Some(done));
    // Messages sent while the worker was still loading may have found no listener: the job starts
    // from the page's current word (a cancel or pause clicked meanwhile holds).
    send(&Request::Control(state.control.get_untracked()));
    send(&request);
    finished
        .await
        .unwrap_or_else(|_| Err(Stop::Failed("The training worker stopped.".into())))
}

/// Passes the person's pause / resume / cancel to the running job.
pub fn control(c: Control) {
    if CONNECTION.with_borrow(Option::is_some) {
        send(&Request::Control(c));
    }
}

/// Tells the worker that the WebGPU device is gone (it forgets the device and its teacher).
pub fn forget_gpu() {
    if CONNECTION.with_borrow(Option::is_some) {
        send(&Request::ForgetGpu);
    }
}

/// Makes the worker panic (see `deliberate_worker_panic` in `src/bin/lwkd_web.rs`).
pub async fn deliberate_panic() -> Result<(), String> {
    connect().await?;
    send(&Request::DeliberatePanic);
    Ok(())
}

fn send(request: &Request) {
    let bytes = Uint8Array::from(encode(request).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    CONNECTION.with_borrow(|c| {
        if let Some(c) = c
            && let Err(e) = c.worker.post_message_with_transfer(&bytes, &transfer)
        {
            web_sys::console::error_2(&"could not reach the training worker".into(), &e);
        }
    });
}

/// The URL of a `<link>` Trunk put in the page for the app's module or its wasm.
fn linked(selector: &str) -> Result<String, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|l| js_sys::Reflect::get(&l, &"href".into()).ok())
        .and_then(|h| h.as_string())
        .ok_or_else(|| format!("the page has no {selector}"))
}

async fn connect() -> Result<(), String> {
    if CONNECTION.with_borrow(Option::is_some) {
        return Ok(());
    }
    let js = linked("link[rel=modulepreload]")?;
    let wasm = linked("link[rel=preload][as=fetch]")?;
    let script = web_sys::Url::new_with_base(SCRIPT, &js).map_err(|e| format!("{e:?}"))?;
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("js", &js)
        .append_pair("wasm", &wasm)
        .finish();
    script.set_search(&query);
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    options.set_name("lwkd-trainer");
    let worker = Worker::new_with_options(&script.href(), &options)
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let bytes = Uint8Array::new(&e.data()).to_vec();
        match decode::<Reply>(&bytes) {
            Ok(reply) => receive(reply),
            Err(e) => fail(e),
        }
    });
    // A script that fails to load fires a plain `Event`; an uncaught error inside, an `ErrorEvent`.
    let on_error = Closure::<dyn FnMut(DomEvent)>::new(|e: DomEvent| {
        e.prevent_default();
        let message = e
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_default();
        fail(if message.is_empty() {
            "its script did not load".into()
        } else {
            message
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let (ready, started) = oneshot::channel();
    READY.set(Some(ready));
    CONNECTION.set(Some(Connection {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    }));
    started
        .await
        .unwrap_or_else(|_| Err("it stopped while starting".into()))
}

/// The worker is broken: drop it (the next job starts a fresh one) and end whatever waited on it.
fn fail(reason: String) {
    if let Some(c) = CONNECTION.take() {
        c.worker.terminate();
    }
    if let Some(ready) = READY.take() {
        let _ = ready.send(Err(reason.clone()));
    }
    // The teacher lived in the worker.
    if let Some(state) = PAGE.with_borrow(|p| *p)
        && state.teacher.model.with_value(Option::is_some)
    {
        state.teacher.forget();
    }
    if let Some(job) = JOB.take() {
        let _ = job.send(Err(Stop::Failed(format!(
            "The training worker stopped: {reason}"
        ))));
    }
}

fn receive(reply: Reply) {
    // Events update the page only while a job waits for them.
    let state = JOB
        .with_borrow(Option::is_some)
        .then(|| PAGE.with_borrow(|p| *p))
        .flatten();
    match (reply, state) {
        (Reply::Ready, _) => {
            if let Some(ready) = READY.take() {
                let _ = ready.send(Ok(()));
            }
        }
        (Reply::Panic(message), _) => {
            crate::web::platform::panic::show(&message);
            fail(message);
        }
        (Reply::Done(outcome), _) => {
            if let Some(job) = JOB.take() {
                let _ = job.send(outcome);
            }
        }
        (Reply::Event(event), Some(state)) => state.apply(event),
        (
            Reply::MethodDone {
                mut result,
                weights,
            },
            Some(state),
        ) => {
            result.weights = weights;
            state.apply(Event::MethodDone(result));
        }
        (Reply::CpuFallback(reason), Some(state)) => {
            state.backend.update(|b| {
                if let Some(b) = b {
                    b.kind = BackendKind::Cpu;
                    b.reason = format!("CPU (Flex): {reason}");
                }
            });
            let stage = state.busy.get_untracked().map(|s| s.number());
            state.tell(stage, format!("{reason}. Training on the CPU instead."));
        }
        // A job's message after the job was given up (the worker was replaced): nothing to update.
        (_, None) => {}
    }
}
