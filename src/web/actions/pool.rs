//! Stage 3 over a pool of training workers: one job per method and seed, the longest first, as many
//! at once as the machine has cores for. Every job seeds its own draws, so the numbers do not depend
//! on the pool's size or on which worker ran what (`tests/e2e/pool.test.mjs`).

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use futures::future::join_all;

use super::heavy_ahead;
use super::pool_size::size;
use crate::distill::DistillConfig;
use crate::pipeline::Plan;
use crate::protocol::{Control, Stop};
use crate::web::state::AppState;
use crate::web::trainer::{
    client,
    messages::{DistillJob, Done, Request},
};

/// `job` as one job per student, longest first; the first computes the soft-target picture.
pub fn split(job: &DistillJob) -> Vec<DistillJob> {
    let mut units: Vec<DistillJob> = job
        .plan
        .clone()
        .longest_first()
        .units
        .into_iter()
        .map(|u| DistillJob {
            plan: Plan { units: vec![u] },
            cfg: DistillConfig {
                seed: u.seed,
                ..job.cfg
            },
            showcase: false,
            ..job.clone()
        })
        .collect();
    if let Some(first) = units.first_mut() {
        first.showcase = job.showcase;
    }
    units
}

/// Runs `job` on the pool (`gpu`: where the students train is a GPU). The first job that stops —
/// cancelled, failed, a dead worker — stops the others at their next checkpoint; the methods finished
/// by then stay (with one worker those are whole seeds; with a pool, whichever jobs were done).
pub async fn run(state: AppState, job: DistillJob, gpu: bool) -> Result<Done, Stop> {
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
