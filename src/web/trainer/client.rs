//! The page's side: a pool of training workers, started on first use. Worker 0 is the home worker: it
//! trains the lightweight teacher and keeps it; stage 3's pool adds more (see `actions::pool`), and
//! side jobs (evaluating a saved student, timing the backends) run in a worker of their own ([`SIDE`]). Each worker runs one job at
//! a time; their events update the page through the store's reducer ([`AppState::apply`]), and
//! pause / resume / cancel go to all the training ones.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use futures::channel::oneshot;
use futures::lock::Mutex;
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event as DomEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

use crate::protocol::{Control, Event, Stop};
use leptos::prelude::*;

use super::messages::{Done, Reply, Request, SentOnce, Vitals, decode, encode};
use crate::data::{ImageSet, Target};
use crate::web::platform::timeline;
use crate::web::state::AppState;

/// The worker script and the training module it loads, served beside the page (see `index.html`).
const SCRIPT: &str = "trainer-worker.js";
const MODULE: &str = "lwkd-worker.js";
const WASM: &str = "lwkd-worker_bg.wasm";

/// The worker of side jobs (evaluating a saved student, timing the backends): it neither waits for a
/// training job nor is paused or cancelled with one (beyond stage 3's largest pool). Its jobs run one
/// at a time ([`SIDE_TURN`]).
pub const SIDE: usize = 8;

struct Connection {
    worker: Worker,
    /// When the page last heard from it (ms, the page's clock): every message counts, and a worker
    /// sends a heartbeat every second (`watchdog.rs`).
    heard: f64,
    /// What it last said it holds (its heartbeat, and just before each job's end).
    vitals: Vitals,
    /// Whoever waits for the worker to load (the warm-up at start, a job); empty once it listens.
    waiting: Vec<oneshot::Sender<Result<(), String>>>,
    /// The worker has loaded its module and listens (a message sent before may find no listener).
    listening: bool,
    /// Whoever waits for the job in flight; none between jobs (late events are then dropped).
    job: Option<oneshot::Sender<Result<Done, Stop>>>,
    /// When the job in flight first reported (the timeline's clock): its data had arrived.
    first_word: Option<f64>,
    /// The datasets this worker holds (held here too, so their ids stay unique).
    sent_target: Option<Arc<Target>>,
    sent_digits: Option<Arc<(ImageSet, ImageSet)>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(DomEvent)>,
}

thread_local! {
    /// Worker `i` at index `i`; None where none runs (not started yet, or broken and dropped).
    static POOL: RefCell<Vec<Option<Connection>>> = const { RefCell::new(Vec::new()) };
    /// The page's state: the jobs' events update it, and the teacher is forgotten if worker 0 goes.
    static PAGE: RefCell<Option<AppState>> = const { RefCell::new(None) };
    /// Held by the side job in flight: a second one waits its turn instead of taking its answer.
    static SIDE_TURN: Rc<Mutex<()>> = Rc::new(Mutex::new(()));
    /// When the person last pressed *Cancel* (ms), while the jobs have not ended since.
    static CANCEL_ASKED: Cell<Option<f64>> = const { Cell::new(None) };
}

/// The page's clock, in ms.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn with_slot<R>(i: usize, f: impl FnOnce(&mut Option<Connection>) -> R) -> R {
    POOL.with_borrow_mut(|pool| {
        if pool.len() <= i {
            pool.resize_with(i + 1, || None);
        }
        f(&mut pool[i])
    })
}

/// Runs `request` in the home worker (0); its events update `state` as they arrive.
pub async fn run(state: AppState, request: Request) -> Result<Done, Stop> {
    run_on(0, state, request).await
}

/// Runs `request` in worker `i` (started if need be).
pub async fn run_on(i: usize, state: AppState, mut request: Request) -> Result<Done, Stop> {
    PAGE.set(Some(state));
    let asked = timeline::now();
    let turn = (i == SIDE).then(|| SIDE_TURN.with(Rc::clone));
    let _turn = match &turn {
        Some(t) => Some(t.lock().await),
        None => None,
    };
    if let Err(e) = connect(i).await {
        return Err(Stop::Failed(format!(
            "The training worker could not start: {e}"
        )));
    }
    if let Request::Distill(job) | Request::HeavyTeacher(job) = &mut request {
        with_slot(i, |c| {
            if let Some(c) = c {
                send_once(&mut c.sent_target, &mut job.target);
                if let Some(t) = job.teacher.as_mut() {
                    send_once(&mut c.sent_digits, &mut t.digits);
                }
            }
        });
    }
    let (done, finished) = oneshot::channel();
    with_slot(i, |c| {
        if let Some(c) = c {
            c.job = Some(done);
            c.first_word = None;
        }
    });
    let (label, sent) = (label(&request), timeline::now());
    // Messages sent while the worker was still loading may have found no listener: the job starts
    // from the page's current word (a cancel or pause clicked meanwhile holds).
    let word = if i == SIDE {
        Control::Run
    } else {
        state.control.get_untracked()
    };
    // A new job that runs is not the cancel of an old one.
    if word != Control::Cancel {
        CANCEL_ASKED.set(None);
    }
    send(i, &Request::Control(word));
    send(i, &request);
    let outcome = finished
        .await
        .unwrap_or_else(|_| Err(Stop::Failed("The training worker stopped.".into())));
    let end = timeline::now();
    let waiting = format!("waiting for a worker: {label}");
    timeline::span(&waiting, asked, sent, Some(i));
    // A job that says nothing until it ends (the heavy teacher trained ahead) is one span.
    let started = with_slot(i, |c| c.as_ref().and_then(|c| c.first_word)).unwrap_or(sent);
    if started > sent {
        timeline::span(&format!("data and set-up: {label}"), sent, started, Some(i));
    }
    timeline::span(&label, started, end, Some(i));
    outcome
}

/// What a job is, for the timeline.
fn label(request: &Request) -> String {
    match request {
        Request::Teacher { .. } => "lightweight teacher".into(),
        Request::HeavyTeacher(_) => "heavy teacher, ahead".into(),
        Request::Distill(job) => job
            .plan
            .units
            .iter()
            .map(|u| format!("{} (seed {})", u.method.label(), u.seed))
            .collect::<Vec<_>>()
            .join(", "),
        Request::Evaluate { .. } => "evaluating a saved student".into(),
        Request::MeasureBackends => "timing both backends".into(),
        Request::ReadWeights { .. } => "reading a weights file".into(),
        Request::Control(_) | Request::ForgetGpu | Request::DeliberatePanic => "a message".into(),
    }
}

/// Leaves a dataset's pixels out when the worker already `held` it (a worker keeps the last one sent).
fn send_once<T>(held: &mut Option<Arc<T>>, sent: &mut SentOnce<T>) {
    let Some(data) = sent.data.as_ref() else {
        return;
    };
    match held {
        Some(h) if Arc::ptr_eq(h, &data.0) => sent.data = None,
        _ => *held = Some(data.0.clone()),
    }
}

/// Passes the person's pause / resume / cancel to every running training worker.
pub fn control(c: Control) {
    CANCEL_ASKED.set((c == Control::Cancel).then(now_ms));
    send_all(&Request::Control(c));
}

/// When *Cancel* was pressed, if the training jobs have not all ended since.
pub fn cancel_asked() -> Option<f64> {
    CANCEL_ASKED.get().filter(|_| !training_jobs().is_empty())
}

/// The workers with a job in flight, and when each was last heard from.
pub fn in_flight() -> Vec<(usize, f64)> {
    POOL.with_borrow(|pool| {
        pool.iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i, c)))
            .filter(|(_, c)| c.job.is_some() && c.listening)
            .map(|(i, c)| (i, c.heard))
            .collect()
    })
}

/// The training workers (not the side one) with a job in flight.
pub fn training_jobs() -> Vec<usize> {
    in_flight()
        .into_iter()
        .map(|(i, _)| i)
        .filter(|&i| i != SIDE)
        .collect()
}

/// Passes `c` to worker `i` alone (a job of its own that the page no longer needs).
pub fn control_on(i: usize, c: Control) {
    send(i, &Request::Control(c));
}

/// Tells the workers that the WebGPU device is gone (they forget it and any teacher on it), the side
/// worker too: it may hold a device from timing the backends.
pub fn forget_gpu() {
    send_all(&Request::ForgetGpu);
    if POOL.with_borrow(|p| p.get(SIDE).is_some_and(Option::is_some)) {
        send(SIDE, &Request::ForgetGpu);
    }
}

/// Gives up on worker `i` (its job took too long): it is stopped, and its next job starts a fresh one.
pub fn abandon(i: usize, reason: &str) {
    fail(i, reason.to_string());
}

/// Stops worker `i` and ends its job as `stop` says (a worker that no longer answers, or does not
/// honour a cancel): its next job starts a fresh one.
pub fn end(i: usize, stop: Stop) {
    stop_worker(i, "", Some(stop));
}

/// Makes the home worker panic (see `deliberate_worker_panic` in `src/bin/lwkd_web.rs`).
pub async fn deliberate_panic() -> Result<(), String> {
    connect(0).await?;
    send(0, &Request::DeliberatePanic);
    Ok(())
}

/// To every training worker (not the side one).
fn send_all(request: &Request) {
    let n = POOL.with_borrow(Vec::len);
    for i in (0..n).filter(|&i| i != SIDE) {
        send(i, request);
    }
}

fn send(i: usize, request: &Request) {
    let bytes = Uint8Array::from(encode(request).as_slice());
    let transfer = js_sys::Array::of1(&bytes.buffer());
    POOL.with_borrow(|pool| {
        if let Some(Some(c)) = pool.get(i)
            && let Err(e) = c.worker.post_message_with_transfer(&bytes, &transfer)
        {
            web_sys::console::error_2(&"could not reach a training worker".into(), &e);
        }
    });
}

/// The URL of the page's own module (Trunk's `modulepreload` link): the worker files sit beside it.
fn page_module() -> Result<String, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|l| js_sys::Reflect::get(&l, &"href".into()).ok())
        .and_then(|h| h.as_string())
        .ok_or_else(|| "the page has no module link".to_string())
}

/// The training module's version: its content hash, which the build put in the page (empty in a
/// build without it).
pub fn module_version() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=lwkd-worker-version]")
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default()
}

/// The worker script's URL and its training module's, versioned by their hash that the build put in
/// the page (`scripts/version-worker.mjs`; Trunk does not hash a worker's files), so a cache never
/// pairs a new page with an old loader or training module.
fn script_url() -> Result<(String, String), String> {
    let page = page_module()?;
    let version = module_version();
    let beside = |name: &str| {
        web_sys::Url::new_with_base(name, &page)
            .map(|u| {
                u.set_search(&format!("v={version}"));
                u.href()
            })
            .map_err(|e| format!("{e:?}"))
    };
    let script = web_sys::Url::new_with_base(SCRIPT, &page).map_err(|e| format!("{e:?}"))?;
    // The loader is versioned too: the service worker answers a versioned URL with that version only.
    let wasm = beside(WASM)?;
    let query = form_urlencoded::Serializer::new(String::new())
        .append_pair("v", &version)
        .append_pair("js", &beside(MODULE)?)
        .append_pair("wasm", &wasm)
        .finish();
    script.set_search(&query);
    Ok((script.href(), wasm))
}

/// Starts worker `i` (if not running) and waits until it listens.
pub async fn connect(i: usize) -> Result<(), String> {
    // Started already: wait with the others until it listens.
    let waiting = with_slot(i, |c| {
        c.as_mut().map(|c| {
            let (tx, rx) = oneshot::channel();
            if c.listening {
                let _ = tx.send(Ok(()));
            } else {
                c.waiting.push(tx);
            }
            rx
        })
    });
    if let Some(rx) = waiting {
        return rx
            .await
            .unwrap_or_else(|_| Err("it stopped while starting".into()));
    }
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    options.set_name(&format!("lwkd-trainer-{i}"));
    let (script, wasm) = script_url()?;
    let worker = Worker::new_with_options(&script, &options)
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    {
        let worker = worker.clone();
        leptos::task::spawn_local(async move { super::module::hand_to(&worker, &wasm).await });
    }
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        with_slot(i, |c| {
            if let Some(c) = c {
                c.heard = now_ms();
            }
        });
        let bytes = Uint8Array::new(&e.data()).to_vec();
        match decode::<Reply>(&bytes) {
            Ok(reply) => receive(i, reply),
            Err(e) => fail(i, e),
        }
    });
    // A script that fails to load fires a plain `Event`; an uncaught error inside, an `ErrorEvent`.
    let on_error = Closure::<dyn FnMut(DomEvent)>::new(move |e: DomEvent| {
        e.prevent_default();
        let message = e
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .unwrap_or_default();
        fail(
            i,
            if message.is_empty() {
                "its script did not load".into()
            } else {
                message
            },
        );
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let (ready, started) = oneshot::channel();
    with_slot(i, |c| {
        *c = Some(Connection {
            worker,
            heard: now_ms(),
            vitals: Vitals::default(),
            waiting: vec![ready],
            listening: false,
            job: None,
            first_word: None,
            sent_target: None,
            sent_digits: None,
            _on_message: on_message,
            _on_error: on_error,
        })
    });
    started
        .await
        .unwrap_or_else(|_| Err("it stopped while starting".into()))
}

/// Worker `i` is broken: drop it (its next job starts a fresh one) and end whatever waited on it.
fn fail(i: usize, reason: String) {
    stop_worker(i, &reason, None);
}

/// Drops worker `i` and ends what waited on it: a loading wait with `reason`, its job with `stop`
/// (by default, that the worker stopped, and why).
fn stop_worker(i: usize, reason: &str, stop: Option<Stop>) {
    let Some(mut c) = with_slot(i, Option::take) else {
        return;
    };
    c.worker.terminate();
    for waiter in c.waiting.drain(..) {
        let _ = waiter.send(Err(reason.to_string()));
    }
    // A teacher on the CPU survives its home worker: the page keeps its weights and the next worker
    // rebuilds it. One on WebGPU lived on that worker's device.
    if i == 0
        && let Some(state) = PAGE.with_borrow(|p| *p)
        && state
            .teacher
            .model
            .with_value(|t| t.as_ref().is_some_and(|t| t.on_gpu))
    {
        state.teacher.forget();
    }
    if let Some(job) = c.job.take() {
        let stop =
            stop.unwrap_or_else(|| Stop::Failed(format!("The training worker stopped: {reason}.")));
        let _ = job.send(Err(stop));
    }
}

/// Ends worker `i` between jobs if it holds much memory and nothing the page needs: a wasm memory
/// never shrinks, so ending the worker is how the tab gives it back (after a large run, or its cancel).
fn release_if_large(i: usize) {
    let release = with_slot(i, |c| {
        c.as_ref()
            .filter(|c| c.job.is_none() && c.vitals.worth_releasing())
            .map(|c| c.vitals.memory)
    });
    if let Some(bytes) = release
        && let Some(c) = with_slot(i, Option::take)
    {
        c.worker.terminate();
        web_sys::console::info_1(
            &format!(
                "A training worker holding {:.0} MB was ended to give its memory back.",
                bytes as f64 / 1e6
            )
            .into(),
        );
    }
}

/// The page's and each running worker's wasm memory, in bytes, as JSON (`{"page": …, "workers":
/// {"0": …}}`): for the memory benchmark and the tests (`wasmBindings.memory_report()`).
pub fn memory_report() -> String {
    let workers: serde_json::Map<String, serde_json::Value> = POOL.with_borrow(|pool| {
        pool.iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|c| (i.to_string(), c.vitals.memory.into())))
            .collect()
    });
    serde_json::json!({
        "page": crate::web::platform::memory::wasm_bytes(),
        "workers": workers,
    })
    .to_string()
}

/// Notes when worker `i`'s job first reported.
fn first_word(i: usize) {
    let now = timeline::now();
    with_slot(i, |c| {
        if let Some(c) = c {
            c.first_word.get_or_insert(now);
        }
    });
}

fn receive(i: usize, reply: Reply) {
    // Events update the page only while a job of this worker waits for them.
    let state = with_slot(i, |c| c.as_ref().is_some_and(|c| c.job.is_some()))
        .then(|| PAGE.with_borrow(|p| *p))
        .flatten();
    match (reply, state) {
        // A heartbeat: hearing it was the point (`heard`, above), and what the worker holds.
        (Reply::Alive(vitals), _) => with_slot(i, |c| {
            if let Some(c) = c {
                c.vitals = vitals;
            }
        }),
        (Reply::Ready, _) => {
            let waiting = with_slot(i, |c| {
                c.as_mut().map_or_else(Vec::new, |c| {
                    c.listening = true;
                    std::mem::take(&mut c.waiting)
                })
            });
            for waiter in waiting {
                let _ = waiter.send(Ok(()));
            }
        }
        (Reply::Panic(message), _) => {
            crate::web::platform::panic::show(&message);
            fail(i, message);
        }
        (Reply::Done(outcome), _) => {
            if let Some(job) = with_slot(i, |c| c.as_mut().and_then(|c| c.job.take())) {
                let _ = job.send(outcome);
            }
            release_if_large(i);
        }
        (Reply::Event(event), Some(state)) => {
            first_word(i);
            state.apply_from(i, event)
        }
        (
            Reply::MethodDone {
                mut result,
                weights,
            },
            Some(state),
        ) => {
            result.weights = weights;
            first_word(i);
            state.apply_from(i, Event::MethodDone(result));
        }
        (Reply::CpuFallback(reason), Some(state)) => state.fell_back_to_cpu(&reason),
        // A job's message after the job was given up (the worker was replaced): nothing to update.
        (_, None) => {}
    }
}
