//! The training worker's side: receives [`Request`]s, runs them with Burn and answers with [`Reply`]s.
//! It keeps the trained lightweight teacher (on the device it trained on) for stage 3.

use std::cell::RefCell;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::distill::compare::{check, showcase};
use crate::distill::{LightTeacher, compare};
use crate::model::LeNet5;
use crate::pipeline::{BackendKind, Cancelled, TeacherSummary};
use crate::train::train_teacher;
use burn::prelude::Device;

use super::protocol::{DistillJob, Done, Reply, Request, Shared, Stop, decode, encode};
use super::worker_host::{CONTROL, WorkerHost};
use crate::web::platform::gpu;

struct Teacher {
    model: LeNet5,
    device: Device,
    classes: usize,
}

thread_local! {
    static TEACHER: RefCell<Option<Teacher>> = const { RefCell::new(None) };
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

fn stop(_: Cancelled) -> Stop {
    match crate::train::readback::device_lost() {
        Some(reason) => Stop::DeviceLost(reason),
        None => Stop::Cancelled,
    }
}

async fn run(request: Request) {
    // The page sends its current pause / cancel just before each job (`client::run`), so a cancel
    // clicked while the worker was starting or a dataset downloading still counts.
    let outcome = match request {
        Request::Teacher { set, cfg, backend } => teacher(set, cfg, backend).await,
        Request::Distill(job) => distill(*job).await.map(|()| Done::Distill),
        Request::ForgetGpu => {
            crate::train::readback::forget_device_loss();
            gpu::forget_webgpu();
            // Tensors of a lost device throw when dropped: the teacher is leaked, not dropped.
            if let Some(t) = TEACHER.take() {
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
    set: Shared<crate::data::SynthSet>,
    cfg: crate::train::TeacherConfig,
    backend: BackendKind,
) -> Result<Done, Stop> {
    // A new teacher replaces the old one, even if this run is cancelled (the page forgets it too).
    drop(TEACHER.take());
    let device = match gpu::device(backend).await {
        Ok(d) => d,
        Err(e) => {
            post(&Reply::CpuFallback(e));
            Device::flex()
        }
    };
    let set = set.0;
    let t = train_teacher(&set, &cfg, &device, &mut WorkerHost)
        .await
        .map_err(stop)?;
    let summary = TeacherSummary {
        val_acc: t.val_acc,
        train_acc: t.train_acc,
        seconds: t.seconds,
        first_step_s: t.first_step_s,
        ms_per_step: t.ms_per_step,
        backend: String::new(),
        preview: t.val_predictions,
    };
    TEACHER.set(Some(Teacher {
        model: t.model,
        device,
        classes: set.config.classes,
    }));
    Ok(Done::Teacher(summary))
}

async fn distill(job: DistillJob) -> Result<(), Stop> {
    let held = match job.teacher {
        Some(_) => TEACHER.take(),
        None => None,
    };
    let result = distill_with(&job, held.as_ref()).await;
    // The teacher goes back for the next comparison.
    if held.is_some() {
        TEACHER.set(held);
    }
    result
}

async fn distill_with(job: &DistillJob, held: Option<&Teacher>) -> Result<(), Stop> {
    let light = match (held, &job.teacher) {
        (Some(t), Some(inputs)) => Some(LightTeacher {
            model: &t.model,
            classes: t.classes,
            digits: &inputs.digits.0.0,
            max_shift: inputs.max_shift,
            cost_s: inputs.cost_s,
        }),
        _ => None,
    };
    let target = &*job.target.0;
    check(&job.methods, target, light.as_ref())
        .map_err(|msg| Stop::Failed(format!("Cannot distill yet: {msg}.")))?;
    // The students train where the teacher lives; without a teacher, where the page chose.
    let device = match held {
        Some(t) => t.device.clone(),
        None => match gpu::device(job.backend).await {
            Ok(d) => d,
            Err(_) => Device::flex(),
        },
    };
    if job.showcase {
        post(&Reply::Showcase(
            showcase(target, light.as_ref(), &job.cfg).await,
        ));
    }
    compare(
        &job.methods,
        target,
        light.as_ref(),
        &job.cfg,
        &device,
        &mut WorkerHost,
    )
    .await
    .map(|_| ())
    .map_err(stop)
}
