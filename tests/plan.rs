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

#[test]
fn the_pool_takes_a_core_each_but_one_and_reads_webkits_rounded_count() {
    use lwkd::pipeline::workers::{Machine, workers};
    let machine = |cores, webkit| Machine {
        cores,
        webkit,
        memory_gb: None,
    };
    assert_eq!(
        workers(6, false, machine(2, false), None),
        2,
        "two on two cores"
    );
    assert_eq!(
        workers(6, false, machine(4, false), None),
        3,
        "a core for the page"
    );
    assert_eq!(
        workers(6, false, machine(16, false), None),
        4,
        "at most four"
    );
    assert_eq!(
        workers(2, false, machine(16, false), None),
        2,
        "no idle worker"
    );
    assert_eq!(workers(6, true, machine(16, false), None), 1, "one GPU");
    // WebKit says 4 on a 2-core machine: its 4 is taken as 2, its 8 as it is.
    assert_eq!(workers(6, false, machine(4, true), None), 2);
    assert_eq!(workers(6, false, machine(8, true), None), 4);
    let small = Machine {
        memory_gb: Some(0.5),
        ..machine(8, false)
    };
    assert_eq!(workers(6, false, small, None), 1, "two per GB");
    assert_eq!(
        workers(6, false, machine(2, false), Some(3)),
        3,
        "a test's override"
    );
}
