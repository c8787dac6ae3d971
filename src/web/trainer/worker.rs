//! The training worker's side: receives [`Request`]s, runs them with Burn and answers with [`Reply`]s.
//! It keeps the trained lightweight teacher (on the device it trained on) for stage 3.

use std::cell::RefCell;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::data::SynthSet;
use crate::pipeline::{BackendKind, CompareJob, Session, Stop, Taught};
use crate::train::TeacherConfig;
use burn::prelude::Device;

use super::protocol::{DistillJob, Done, Reply, Request, Shared, decode, encode};
use super::worker_host::{CONTROL, WorkerHost};
use crate::web::platform::gpu;

thread_local! {
    /// The worker's pipeline: it keeps the trained teacher, on its device, for stage 3.
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
}

fn scope() -> DedicatedWorkerGlobalScope {
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

/// Called by `trainer-worker.js` once the module is loaded in the worker.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&Reply::Panic(info.to_string()));
    }));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
        let bytes = Uint8Array::new(&e.data()).to_vec();
        match decode::<Request>(&bytes) {
            Ok(Request::Control(c)) => CONTROL.set(c),
            Ok(request) => wasm_bindgen_futures::spawn_local(run(request)),
            Err(e) => post(&Reply::Done(Err(Stop::Failed(e)))),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&Reply::Ready);
}

async fn run(request: Request) {
    // The page sends its current pause / resume / cancel just before each job (`client::run`), so a
    // cancel clicked while the worker was starting or a dataset downloading still counts.
    let outcome = match request {
        Request::Teacher { set, cfg, backend } => teacher(set, cfg, backend).await,
        Request::Distill(job) => distill(*job).await.map(|()| Done::Distill),
        Request::ForgetGpu => {
            crate::train::readback::forget_device_loss();
            gpu::forget_webgpu();
            // Tensors of a lost device throw when dropped: the teacher is leaked, not dropped.
            if let Some(t) = SESSION.with_borrow_mut(Session::take_teacher) {
                std::mem::forget(t);
            }
            return;
        }
        Request::Control(_) => return,
        Request::DeliberatePanic => {
            panic!("a deliberate panic in the training worker, triggered from outside the app")
        }
    };
    post(&Reply::Done(outcome));
}

async fn teacher(
    set: Shared<SynthSet>,
    cfg: TeacherConfig,
    backend: BackendKind,
) -> Result<Done, Stop> {
    // A new teacher replaces the old one, even if this run stops early: free it before asking for
    // a device.
    drop(SESSION.with_borrow_mut(Session::take_teacher));
    let device = match gpu::device(backend).await {
        Ok(d) => d,
        Err(e) => {
            post(&Reply::CpuFallback(e));
            Device::flex()
        }
    };
    // The session is taken out while the teacher trains (the worker runs one job at a time).
    let mut session = SESSION.take();
    let summary = session
        .teacher_summary(&set.0, &cfg, device, &mut WorkerHost)
        .await;
    SESSION.set(session);
    Ok(Done::Teacher(summary?))
}

async fn distill(job: DistillJob) -> Result<(), Stop> {
    let session = SESSION.take();
    let result = distill_with(&session, &job).await;
    // The teacher stays for the next comparison.
    SESSION.set(session);
    result
}

async fn distill_with(session: &Session, job: &DistillJob) -> Result<(), Stop> {
    let compare = CompareJob {
        methods: &job.methods,
        target: &job.target.0,
        cfg: &job.cfg,
        teacher: job.teacher.as_ref().map(|t| Taught {
            digits: &t.digits.0.0,
            max_shift: t.max_shift,
            cost_s: t.cost_s,
        }),
        showcase: job.showcase,
        seeds: job.seeds,
    };
    // A refused job is refused before any device starts.
    session.check(&compare)?;
    // The students train where the teacher lives; without a teacher, where the page chose.
    let device = match (session.teacher_device(), &job.teacher) {
        (Some(d), Some(_)) => d,
        _ => gpu::device(job.backend)
            .await
            .unwrap_or_else(|_| Device::flex()),
    };
    session
        .compare(compare, &device, &mut WorkerHost)
        .await
        .map(|_| ())
}
