//! Stage 3's actions: run the chosen methods in the worker, or finish those a lost GPU stopped.

use crate::pipeline::{Config, Plan, Teachers};
use crate::protocol::{Method, Stage, Stop};
use crate::train::BackendKind;
use leptos::prelude::*;

use super::backend;
use super::job::{Job, run_job};
use super::pool;
use super::targets;
use crate::web::state::AppState;
use crate::web::trainer::messages::{DistillJob, SentOnce, Shared, TeacherInputs};

/// Runs every chosen method afresh.
pub fn run(state: AppState) {
    if state.busy_now() {
        return;
    }
    let Some(cfg) = state.valid_config(3) else {
        return;
    };
    let methods = cfg.methods.clone();
    start(state, cfg, methods, true);
}

/// Runs the chosen methods that have no result yet, keeping the finished ones (after a lost GPU).
pub fn resume(state: AppState) {
    if state.busy_now() {
        return;
    }
    let Some(cfg) = state.valid_config(3) else {
        return;
    };
    // A method is done when it has a student for every seed; a partly done one runs again whole.
    let results = state.distill.results.get_untracked();
    let count = |m: Method| results.iter().filter(|r| r.method == m).count();
    let done: Vec<Method> = cfg
        .methods
        .iter()
        .copied()
        .filter(|&m| count(m) >= cfg.seeds)
        .collect();
    state.distill.keep_only(&done);
    let has_teacher = state.teacher.model.with_value(Option::is_some);
    let (methods, skipped): (Vec<Method>, Vec<Method>) = cfg
        .methods
        .iter()
        .copied()
        .filter(|m| !done.contains(m))
        .partition(|m| !m.uses_light_teacher() || has_teacher);
    if methods.is_empty() {
        state.idle();
    } else {
        start(state, cfg, methods, false);
    }
    if !skipped.is_empty() {
        let names: Vec<&str> = skipped.iter().map(|m| m.label()).collect();
        state.tell(Some(3), format!(
            "Not continued: {} — it needs the lightweight teacher, which was on the lost GPU. Train the teacher again (stage 2), then distill.",
            names.join(", ")
        ));
    }
}

fn start(state: AppState, cfg: Config, methods: Vec<Method>, fresh: bool) {
    if methods.is_empty() {
        state.tell(Some(3), "Tick at least one method.");
        return;
    }
    // The shown comparison is replaced only once the new one really starts (a refused run changes
    // nothing; see `AppState::apply`). A run stopped early never ended: the discriminator chart
    // follows this comparison's first.
    state.distill.asked(fresh.then_some(cfg.target));
    let job = Job {
        stage: Stage::Student(methods[0]),
        cancelled: "Cancelled. Finished methods stay in the table; run again to redo them.",
    };
    let work = async move {
        let (job, gpu) = distill_job(state, &cfg, methods, fresh).await?;
        pool::run(state, job, gpu).await
    };
    run_job(state, job, work, |_| {});
}

/// The workers' job: the target (downloaded if need be), the page's teacher, the backend; and
/// whether the students train on a GPU (where the teacher lives, or else the backend chosen).
async fn distill_job(
    state: AppState,
    cfg: &Config,
    methods: Vec<Method>,
    fresh: bool,
) -> Result<(DistillJob, bool), Stop> {
    let handle = state.teacher.model.get_value();
    let digits = state.digits.get_value();
    let target = targets::ensure(state, cfg.target)
        .await
        .map_err(Stop::Failed)?;
    let teacher = match (&handle, &digits) {
        (Some(t), Some(d)) => Some(TeacherInputs {
            cost_s: t.cost_s,
            seed: t.teacher.seed,
            per_seed: (cfg.teachers == Teachers::PerSeed).then_some((t.synth, t.teacher)),
            id: t.id,
            classes: t.classes,
            params: Shared(t.params.clone()),
            digits: SentOnce::new(d.clone()),
            max_shift: t.synth.max_shift,
        }),
        _ => None,
    };
    // With a teacher the students train where it lives, in every worker of the pool.
    let backend = match (&teacher, &handle) {
        (Some(_), Some(h)) if h.on_gpu => BackendKind::WebGpu,
        (Some(_), Some(_)) => BackendKind::Cpu,
        _ => {
            let choice = backend::resolve(state).await;
            let kind = choice.kind;
            state.chose_backend(choice);
            kind
        }
    };
    let gpu = backend == BackendKind::WebGpu;
    // Refused whole, before any job starts (and before the shown comparison is replaced).
    let classes = teacher.as_ref().map(|t| t.classes);
    let plan = Plan::new(&methods, cfg.seeds, cfg.seed, &target, classes)?;
    let job = DistillJob {
        plan,
        target: SentOnce::new(target),
        cfg: cfg.distill(),
        backend,
        teacher,
        showcase: fresh || state.distill.showcase.get_untracked().is_none(),
    };
    Ok((job, gpu))
}
