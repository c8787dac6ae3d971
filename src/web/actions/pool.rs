//! Stage 3 over a pool of training workers: one job per method and seed, the longest first, as many
//! at once as the machine has cores for. Every job seeds its own draws, so the numbers do not depend
//! on the pool's size or on which worker ran what (`tests/e2e/pool.test.mjs`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use futures::future::join_all;

use super::heavy_ahead;
use crate::distill::Method;
use crate::distill::check::check;
use crate::pipeline::{Control, Stop};
use crate::web::state::AppState;
use crate::web::trainer::client;
use crate::web::trainer::protocol::{DistillJob, Done, Request};

/// Each worker holds its own copy of the wasm and of the datasets (about 100 MB).
const MAX_WORKERS: usize = 4;
/// Overrides the pool's size (tests and benchmarks compare sizes).
const OVERRIDE_KEY: &str = "lwkd-workers";

/// How many workers run `jobs` jobs: one on a GPU (its jobs would only queue behind each other on
/// it); otherwise a core each but one, yet two on a 2-core machine — the page itself needs about 4 %
/// of a core during a comparison (README, "Performance") — and no more than memory allows.
pub fn size(jobs: usize, gpu: bool) -> usize {
    if gpu {
        return 1;
    }
    let navigator = web_sys::window().map(|w| w.navigator());
    let cores = navigator.as_ref().map_or(1.0, |n| n.hardware_concurrency()) as usize;
    // Chrome's rough figure in GB (0.25–8); other browsers have none.
    let memory_gb = navigator
        .and_then(|n| js_sys::Reflect::get(&n, &"deviceMemory".into()).ok())
        .and_then(|m| m.as_f64())
        .unwrap_or(8.0);
    let by_memory = ((memory_gb * 2.0) as usize).max(1);
    let chosen = cores.saturating_sub(1).clamp(2, MAX_WORKERS).min(by_memory);
    let n = crate::web::platform::storage::local_get(OVERRIDE_KEY)
        .and_then(|v| v.parse().ok())
        .unwrap_or(chosen);
    n.clamp(1, MAX_WORKERS.min(jobs.max(1)))
}

/// Longest first, so that the last job to finish is a short one.
fn rank(m: Method) -> u8 {
    match m {
        Method::VanillaKd => 0,
        Method::LwKd => 1,
        Method::LwKdNoAdv => 2,
        _ => 3,
    }
}

/// `job` as one job per method and seed, longest first; the first computes the soft-target picture.
pub fn split(job: &DistillJob) -> Vec<DistillJob> {
    let mut units: Vec<DistillJob> = (0..job.seeds.max(1) as u64)
        .flat_map(|s| {
            job.methods.iter().map(move |&m| {
                let mut unit = job.clone();
                unit.methods = vec![m];
                unit.seeds = 1;
                unit.cfg.seed = job.cfg.seed + s;
                unit.showcase = false;
                unit
            })
        })
        .collect();
    units.sort_by_key(|u| (rank(u.methods[0]), u.cfg.seed));
    if let Some(first) = units.first_mut() {
        first.showcase = job.showcase;
    }
    units
}

/// Runs `job` on the pool (`gpu`: where the students train is a GPU). The first job that stops —
/// cancelled, failed, a dead worker — stops the others at their next checkpoint; the methods finished
/// by then stay (with one worker those are whole seeds; with a pool, whichever jobs were done).
pub async fn run(state: AppState, job: DistillJob, gpu: bool) -> Result<Done, Stop> {
    // A refused comparison is refused whole, before any job starts (and replaces the shown one).
    if let Some(target) = &job.target.data {
        let classes = job.teacher.as_ref().map(|t| t.classes);
        check(&job.methods, &target.0, classes).map_err(|msg| Stop::cannot_distill(&msg))?;
    }
    let mut units = split(&job);
    let n = size(units.len(), gpu);
    // The worker that trained vanilla KD's heavy teacher during stage 2 runs vanilla KD's job first;
    // a heavy teacher this comparison will not use stops training.
    let mut ahead = (n > heavy_ahead::WORKER)
        .then(|| heavy_ahead::take_job(&mut units))
        .flatten();
    if ahead.is_none() {
        heavy_ahead::stop();
    }
    if n == 1 {
        return client::run(state, Request::Distill(Box::new(job))).await;
    }
    let queue = Rc::new(RefCell::new(VecDeque::from(units)));
    let stopped: Rc<RefCell<Option<Stop>>> = Rc::default();
    let lanes = (0..n).map(|i| {
        let first = if i == heavy_ahead::WORKER {
            ahead.take()
        } else {
            None
        };
        lane(i, state, first, queue.clone(), stopped.clone())
    });
    join_all(lanes).await;
    let stop = stopped.take();
    stop.map_or(Ok(Done::Distill), Err)
}

/// Worker `i` takes jobs — `first`, then from `queue` — until none is left or some job stopped. A
/// worker other than the home one that cannot start (short of memory, say) leaves its share to the
/// others (`first` too).
async fn lane(
    i: usize,
    state: AppState,
    mut first: Option<DistillJob>,
    queue: Rc<RefCell<VecDeque<DistillJob>>>,
    stopped: Rc<RefCell<Option<Stop>>>,
) {
    if i == heavy_ahead::WORKER {
        heavy_ahead::settled().await;
    }
    if client::connect(i).await.is_err() && i > 0 {
        if let Some(unit) = first {
            queue.borrow_mut().push_back(unit);
        }
        return;
    }
    loop {
        // Checked after the worker has started too: a cancel sent while it loaded found no listener.
        if stopped.borrow().is_some() {
            return;
        }
        let Some(unit) = first.take().or_else(|| queue.borrow_mut().pop_front()) else {
            return;
        };
        if let Err(stop) = client::run_on(i, state, Request::Distill(Box::new(unit))).await {
            if stopped.borrow().is_none() {
                *stopped.borrow_mut() = Some(stop);
                client::control(Control::Cancel);
            }
            return;
        }
    }
}
