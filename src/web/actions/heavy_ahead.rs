//! Vanilla KD's heavy teacher, trained while stage 2 trains the lightweight one: its settings are
//! known by then, and on a machine with a pool the second worker would wait idle. Stage 3 then gives
//! that worker the vanilla KD job first (`pool`); the worker uses the held teacher only if the job's
//! target and settings are the ones it was trained for (`Session::train_heavy`), else trains one as
//! before, so the numbers never depend on this. The teacher's time still counts in vanilla KD's cost.
//! Pause and cancel reach it with stage 2's; its progress is not shown (stage 2's is). A comparison
//! that will not use it stops it.

use std::cell::RefCell;

use futures::FutureExt;
use futures::future::{LocalBoxFuture, Shared};
use leptos::task::spawn_local;

use super::pool_size;
use super::targets;
use crate::distill::DistillConfig;
use crate::pipeline::{Config, Plan, Unit};
use crate::protocol::{Control, Method};
use crate::train::BackendKind;
use crate::web::state::AppState;
use crate::web::trainer::{
    client,
    messages::{DistillJob, Request, SentOnce},
};

/// The worker that trains it: the pool's second (the first trains the lightweight teacher).
pub const WORKER: usize = 1;

/// What the heavy teacher was trained for: the target (the id the workers know it by) and settings.
type Key = (u64, DistillConfig);

struct Ahead {
    /// Known once the target is loaded.
    key: Option<Key>,
    /// Ends when the worker is free again; true if the teacher was trained.
    done: Shared<LocalBoxFuture<'static, bool>>,
}

thread_local! {
    static AHEAD: RefCell<Option<Ahead>> = const { RefCell::new(None) };
}

/// Starts training the heavy teacher in [`WORKER`] if the comparison `cfg` asks for will need one and
/// run on a pool of CPU workers (where the students train with a teacher on the CPU), unless one is
/// on its way, or held for these settings, already.
pub fn start(state: AppState, cfg: &Config) {
    let jobs = cfg.methods.len() * cfg.seeds.max(1);
    let (kind, distill) = (cfg.target, cfg.distill());
    let held = state
        .target(kind)
        .map(|t| (SentOnce::new(t).id, distill))
        .is_some_and(trained_for);
    if !cfg.methods.contains(&Method::VanillaKd)
        || pool_size::size(jobs, false) <= WORKER
        || in_flight()
        || held
    {
        return;
    }
    let work = async move {
        let Ok(target) = targets::ensure(state, kind).await else {
            return false;
        };
        let target = SentOnce::new(target);
        AHEAD.with_borrow_mut(|a| {
            if let Some(a) = a {
                a.key = Some((target.id, distill));
            }
        });
        let job = DistillJob {
            plan: Plan {
                units: vec![Unit {
                    method: Method::VanillaKd,
                    seed: distill.seed,
                }],
            },
            target,
            cfg: distill,
            backend: BackendKind::Cpu,
            teacher: None,
            showcase: false,
        };
        let request = Request::HeavyTeacher(Box::new(job));
        client::run_on(WORKER, state, request).await.is_ok()
    };
    let done = work.boxed_local().shared();
    AHEAD.set(Some(Ahead {
        key: None,
        done: done.clone(),
    }));
    spawn_local(done.map(|_| ()));
}

/// The worker holds a heavy teacher trained for `key` (as far as the page knows: a worker that
/// stopped since lost it, and then trains one in the comparison).
fn trained_for(key: Key) -> bool {
    AHEAD.with_borrow(|a| {
        a.as_ref()
            .is_some_and(|a| a.key == Some(key) && a.done.peek() == Some(&true))
    })
}

fn in_flight() -> bool {
    AHEAD.with_borrow(|a| a.as_ref().is_some_and(|a| a.done.peek().is_none()))
}

/// Stops the heavy teacher's training if it is under way: the comparison starting now will not use
/// it (other settings, no vanilla KD, one worker), so its worker and core are freed at once.
pub fn stop() {
    if in_flight() {
        client::control_on(WORKER, Control::Cancel);
    }
}

/// Waits until [`WORKER`] is free of the heavy teacher's training (at once if none was started).
pub async fn settled() {
    let done = AHEAD.with_borrow(|a| a.as_ref().map(|a| a.done.clone()));
    if let Some(done) = done {
        done.await;
    }
}

/// Takes out of `units` (the pool's jobs) the vanilla KD job the heavy teacher was trained for, if
/// it is there and the training has not failed: [`WORKER`] runs it first. The soft-target picture,
/// if that job was to draw it, moves to the job that now comes first.
pub fn take_job(units: &mut Vec<DistillJob>) -> Option<DistillJob> {
    let key = AHEAD.with_borrow(|a| {
        a.as_ref()
            .filter(|a| a.done.peek() != Some(&false))
            .and_then(|a| a.key)
    })?;
    let vanilla = Unit {
        method: Method::VanillaKd,
        seed: key.1.seed,
    };
    let at = units
        .iter()
        .position(|u| u.plan.units == [vanilla] && (u.target.id, u.cfg) == key)?;
    let mut job = units.remove(at);
    if job.showcase
        && let Some(first) = units.first_mut()
    {
        job.showcase = false;
        first.showcase = true;
    }
    Some(job)
}
