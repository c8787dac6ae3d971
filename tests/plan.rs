//! The job planner: a comparison's students (every method on every seed) in run order, refused whole
//! — once — when it cannot run.

use crate::common;

use lwkd::data::{TargetKind, local::load_target};
use lwkd::pipeline::{Plan, Unit};
use lwkd::protocol::{Method, Stop};

fn refusal(plan: Result<Plan, Stop>) -> String {
    match plan {
        Err(Stop::Failed(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn lwkd_refuses_a_teacher_with_the_wrong_k() {
    let target = load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data");
    let err = refusal(Plan::new(&[Method::LwKd], 1, 42, &target, Some(5)));
    assert!(err.contains("K = 10"), "{err}");
    assert!(Plan::new(&[Method::Ce], 1, 42, &target, None).is_ok());
    assert!(refusal(Plan::new(&[Method::LwKd], 1, 42, &target, None)).contains("teacher"));
    refusal(Plan::new(&[], 1, 42, &target, None));
}

#[test]
fn a_plan_runs_seed_by_seed_or_longest_first() {
    let target = load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data");
    let methods = [Method::Ce, Method::LwKd, Method::VanillaKd];
    let plan = Plan::new(&methods, 2, 7, &target, Some(10)).unwrap();
    let unit = |method, seed| Unit { method, seed };
    use Method::*;
    assert_eq!(
        plan.units,
        [
            unit(Ce, 7),
            unit(LwKd, 7),
            unit(VanillaKd, 7),
            unit(Ce, 8),
            unit(LwKd, 8),
            unit(VanillaKd, 8)
        ],
        "a cancelled comparison keeps whole seeds first"
    );
    assert_eq!(
        plan.longest_first().units,
        [
            unit(VanillaKd, 7),
            unit(VanillaKd, 8),
            unit(LwKd, 7),
            unit(LwKd, 8),
            unit(Ce, 7),
            unit(Ce, 8)
        ]
    );
}
