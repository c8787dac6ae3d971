//! The training worker's side: receives [`Request`]s, runs them with Burn and answers with [`Reply`]s.
//! It keeps the lightweight teacher for stage 3 — the one it trained, on that device, or one rebuilt
//! from the weights the page sent — and the last target dataset the page sent.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::thread::LocalKey;
use std::time::Duration;

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::MessageEvent;

use crate::data::{ImageSet, SynthSet, Target};
use crate::model::{LeNet5Config, import, params_of, read_info, with_params};
use crate::pipeline::{CompareJob, Session, TeacherSummary, Teaching};
use crate::protocol::{Cancelled, Event, Host, Stop};
use crate::train::{BackendKind, TeacherConfig, measure::measure_backends};
use burn::prelude::Device;

use super::messages::{
    DistillJob, Done, Reply, Request, SentOnce, Shared, TeacherInputs, Vitals, decode,
};
use super::worker_host::{CONTROL, WorkerHost, post, scope};
use crate::web::platform::{gpu_device, memory};

thread_local! {
    /// The worker's pipeline: it keeps the trained teacher, on its device, for stage 3.
    static SESSION: RefCell<Session> = RefCell::new(Session::new());
    /// The page's id of the teacher the session holds.
    static HELD: Cell<Option<u64>> = const { Cell::new(None) };
    /// The last target dataset and digits the page sent, with their ids (it sends each one once).
    static TARGET: Kept<Target> = const { RefCell::new(None) };
    static DIGITS: Kept<(ImageSet, ImageSet)> = const { RefCell::new(None) };
}

type Kept<T> = RefCell<Option<(u64, Arc<T>)>>;

/// The dataset a job names: the one it carries (kept for the next jobs), or the one kept under its id.
fn kept<T>(kept: &'static LocalKey<Kept<T>>, sent: &SentOnce<T>) -> Result<Arc<T>, Stop> {
    if let Some(data) = &sent.data {
        kept.set(Some((sent.id, data.0.clone())));
        return Ok(data.0.clone());
    }
    kept.with_borrow(|k| {
        k.as_ref()
            .filter(|(id, _)| *id == sent.id)
            .map(|(_, d)| d.clone())
    })
    .ok_or_else(|| Stop::Failed("The training worker lost a dataset; run again.".into()))
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
    // The page's watchdog hears this while the worker's event loop turns, even in a long job.
    gloo_timers::callback::Interval::new(super::watchdog::HEARTBEAT_MS, || {
        post(&Reply::Alive(vitals()))
    })
    .forget();
}

/// What this worker holds now (during a job the session is taken out: it keeps no work then).
fn vitals() -> Vitals {
    Vitals {
        memory: memory::wasm_bytes(),
        keeps_work: SESSION.with_borrow(Session::keeps_trained_work),
    }
}

async fn run(request: Request) {
    // The page sends its current pause / resume / cancel just before each job (`client::run`), so a
    // cancel clicked while the worker was starting or a dataset downloading still counts.
    let outcome = match request {
        Request::Teacher {
            set,
            synth_s,
            cfg,
            backend,
            id,
        } => teacher(set, synth_s, cfg, backend, id).await,
        Request::Distill(job) => distill(*job).await.map(|()| Done::Distill),
        Request::HeavyTeacher(job) => heavy(*job).await.map(|()| Done::HeavyTeacher),
        Request::ReadWeights { weights } => read_info(&weights)
            .map(Done::WeightsRead)
            .map_err(|e| Stop::Failed(e.to_string())),
        Request::Evaluate { weights, test } => evaluate(&weights, &test.0).await,
        Request::MeasureBackends => Ok(measure().await),
        Request::ForgetGpu => {
            crate::protocol::device_loss::forget_device_loss();
            gpu_device::forget_webgpu();
            // Tensors of a lost device throw when dropped: the teacher is leaked, not dropped.
            if let Some(t) = SESSION.with_borrow_mut(Session::take_teacher) {
                std::mem::forget(t);
            }
            HELD.set(None);
            return;
        }
        Request::Control(_) => return,
        Request::DeliberatePanic => {
            panic!("a deliberate panic in the training worker, triggered from outside the app")
        }
    };
    // What it holds after the job, read before the page hears that it ended.
    post(&Reply::Alive(vitals()));
    post(&Reply::Done(outcome));
}

async fn teacher(
    set: Shared<SynthSet>,
    synth_s: f32,
    cfg: TeacherConfig,
    backend: BackendKind,
    id: u64,
) -> Result<Done, Stop> {
    // A new teacher replaces the old one, even if this run stops early: free it before asking for
    // a device.
    drop(SESSION.with_borrow_mut(Session::take_teacher));
    HELD.set(None);
    let device = match gpu_device::device(backend).await {
        Ok(d) => d,
        Err(e) => {
            post(&Reply::CpuFallback(e));
            Device::flex()
        }
    };
    // The session is taken out while the teacher trains (the worker runs one job at a time).
    let mut session = SESSION.take();
    let trained = session
        .train_teacher(&set.0, &cfg, synth_s, device, &mut WorkerHost)
        .await;
    SESSION.set(session);
    let trained = trained?;
    HELD.set(Some(id));
    let params = params_of(&trained.model)
        .await
        .map_err(|e| Stop::Failed(format!("The teacher's weights could not be read: {e}")))?;
    Ok(Done::Teacher {
        summary: TeacherSummary::from(&trained),
        params,
    })
}

/// The page's teacher in this worker's session: kept if held, else rebuilt from its weights on
/// `device` (a worker of stage 3's pool that did not train it).
fn hold(inputs: &TeacherInputs, device: &Device) -> Result<(), Stop> {
    if HELD.get() == Some(inputs.id) {
        return Ok(());
    }
    let blank = LeNet5Config::new(inputs.classes).init(device);
    let model = with_params(blank, &inputs.params.0, device)
        .ok_or_else(|| Stop::Failed("The teacher's weights do not fit a LeNet-5.".into()))?;
    SESSION
        .with_borrow_mut(|s| s.hold_teacher(model, device.clone(), inputs.classes, inputs.cost_s));
    HELD.set(Some(inputs.id));
    Ok(())
}

/// Both backends timed and compared. A WebGPU device lost on the way is forgotten, so the next job
/// here starts a fresh one.
async fn measure() -> Done {
    let measured = measure_backends(gpu_device::device(BackendKind::WebGpu).await).await;
    if crate::protocol::device_loss::device_lost().is_some() {
        crate::protocol::device_loss::forget_device_loss();
        gpu_device::forget_webgpu();
    }
    Done::Measured(measured)
}

/// Vanilla KD's heavy teacher for `job`, kept by the session; its events stay here (the page shows
/// stage 2 meanwhile), but the page's pause and cancel reach it.
async fn heavy(job: DistillJob) -> Result<(), Stop> {
    let target = kept(&TARGET, &job.target)?;
    let mut session = SESSION.take();
    let trained = session
        .train_heavy(target, &job.cfg, Device::flex(), &mut Quiet)
        .await;
    SESSION.set(session);
    trained
}

/// A host that says nothing: only the checkpoints of [`WorkerHost`].
struct Quiet;

impl Host for Quiet {
    fn emit(&mut self, _: Event) {}

    async fn checkpoint(&mut self) -> Result<Duration, Cancelled> {
        WorkerHost.checkpoint().await
    }
}

/// A saved student's accuracy on `test`, on the CPU.
async fn evaluate(weights: &[u8], test: &ImageSet) -> Result<Done, Stop> {
    let device = Device::flex();
    let (net, _) = import(weights, &device).map_err(|e| Stop::Failed(e.to_string()))?;
    let (acc, _) =
        crate::train::evaluate::evaluate(|x| net.forward(x), test, &device, &mut WorkerHost)
            .await
            .map_err(|_| Stop::Cancelled)?;
    Ok(Done::Evaluated(acc))
}

/// The device `backend` names, or the CPU where WebGPU cannot start.
async fn device_for(backend: BackendKind) -> Device {
    gpu_device::device(backend)
        .await
        .unwrap_or_else(|_| Device::flex())
}

async fn distill(job: DistillJob) -> Result<(), Stop> {
    // First: the page counts the datasets as sent once this job is.
    let target = kept(&TARGET, &job.target)?;
    let digits = match &job.teacher {
        Some(t) => Some(kept(&DIGITS, &t.digits)?),
        None => None,
    };
    if let Some(inputs) = &job.teacher {
        let device = match SESSION.with_borrow(Session::teacher_device) {
            Some(d) if HELD.get() == Some(inputs.id) => d,
            _ => device_for(job.backend).await,
        };
        hold(inputs, &device)?;
    }
    let mut session = SESSION.take();
    let result = distill_with(&mut session, &job, &target, digits.as_deref()).await;
    // The teachers stay for the next comparison.
    SESSION.set(session);
    result
}

async fn distill_with(
    session: &mut Session,
    job: &DistillJob,
    target: &Target,
    digits: Option<&(ImageSet, ImageSet)>,
) -> Result<(), Stop> {
    let compare = CompareJob {
        units: &job.plan.units,
        target,
        cfg: &job.cfg,
        teaching: job.teacher.as_ref().zip(digits).map(|(t, d)| Teaching {
            digits: (&d.0, &d.1),
            max_shift: t.max_shift,
            held_seed: Some(t.seed),
            per_seed: t.per_seed,
        }),
        showcase: job.showcase,
    };
    // The students train where the teacher lives; without a teacher, where the page chose.
    let device = match (session.teacher_device(), &job.teacher) {
        (Some(d), Some(_)) => d,
        _ => device_for(job.backend).await,
    };
    session
        .compare(compare, &device, &mut WorkerHost)
        .await
        .map(|_| ())
}
