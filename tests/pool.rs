//! The page's pool of training workers splits a comparison into one job per method and seed and runs
//! them in other workers, whose teacher is rebuilt from the weights the page holds. This checks the
//! pieces natively: the split jobs, in a fresh session, give the same numbers as the whole job in the
//! session that trained the teacher — to the last bit, whatever ran before in the same session.

use crate::common;

use std::cell::Cell;
use std::sync::Arc;

use burn::prelude::Device;
use futures::executor::block_on;
use lwkd::data::{TargetKind, local::load_target};
use lwkd::distill::DistillConfig;
use lwkd::model::{LeNet5Config, params_of, with_params};
use lwkd::pipeline::comparison::run_comparison;
use lwkd::pipeline::{CompareJob, Config, Plan, Session, Teachers, Teaching, Unit};
use lwkd::protocol::{CallbackHost, Event, Method, MethodResult, Stage};

fn key(r: &MethodResult) -> (&'static str, u64, u32, u32, Vec<u8>) {
    (
        r.method.key(),
        r.seed,
        r.test_acc.to_bits(),
        r.train_acc.to_bits(),
        r.test_predictions.clone(),
    )
}

#[test]
fn one_job_per_method_and_seed_in_another_session_gives_the_same_numbers() {
    let cfg = Config {
        methods: vec![Method::LwKd, Method::Ce, Method::TfKdReg],
        train_per_class: 20,
        distill_epochs: 2,
        seeds: 2,
        ..Config::default()
    };
    let digits = common::digits();
    let target = load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data");
    let mut host = CallbackHost(|_: &Event| {});
    let mut home = Session::new();
    let (set, _) = home
        .synthesize(cfg.synth(), (&digits.0, &digits.1), &mut host)
        .unwrap();
    let teacher =
        block_on(home.train_teacher(&set, &cfg.teacher(), 0.0, Device::flex(), &mut host)).unwrap();
    let distill = cfg.distill();
    // One teacher for every seed, as the page had before seeds trained their own.
    let taught = Some(Teaching {
        digits: (&digits.0, &digits.1),
        max_shift: cfg.synth().max_shift,
        held_seed: Some(cfg.seed),
        per_seed: None,
    });
    let plan = Plan::new(&cfg.methods, cfg.seeds, cfg.seed, &target, Some(10)).unwrap();
    let whole = CompareJob {
        units: &plan.units,
        target: &target,
        cfg: &distill,
        teaching: taught,
        showcase: false,
    };
    let mut expected: Vec<_> = block_on(home.compare(whole, &Device::flex(), &mut host))
        .unwrap()
        .iter()
        .map(key)
        .collect();

    // Another worker: the teacher from its weights, then the jobs in the pool's order (longest first).
    let params = block_on(params_of(&teacher.model)).unwrap();
    let device = Device::flex();
    let blank = LeNet5Config::new(10).init(&device);
    let mut other = Session::new();
    other.hold_teacher(
        with_params(blank, &params, &device).unwrap(),
        device,
        10,
        0.0,
    );
    let mut got = Vec::new();
    for m in [Method::LwKd, Method::TfKdReg, Method::Ce] {
        for s in [distill.seed + 1, distill.seed] {
            let one = lwkd::distill::DistillConfig { seed: s, ..distill };
            let unit = [Unit { method: m, seed: s }];
            let job = CompareJob {
                units: &unit,
                target: &target,
                cfg: &one,
                teaching: taught,
                showcase: false,
            };
            let r = block_on(other.compare(job, &Device::flex(), &mut host)).unwrap();
            got.extend(r.iter().map(key));
        }
    }
    expected.sort();
    got.sort();
    assert_eq!(expected.len(), 6);
    assert_eq!(got, expected, "the split jobs differ from the whole job");
    // Not trivially equal: the seeds and methods give different students.
    assert!(expected.windows(2).any(|w| w[0].2 != w[1].2));
}

/// The page trains vanilla KD's heavy teacher in a second worker while stage 2 trains the lightweight
/// one. Held by that worker's session, it teaches the same student, to the last bit, as the one a
/// comparison trains itself; it is not trained again; and other settings do not use it.
#[test]
fn a_heavy_teacher_trained_ahead_teaches_the_same_student_and_only_for_its_settings() {
    let cfg = Config {
        train_per_class: 20,
        distill_epochs: 1,
        ..Config::default()
    };
    let distill = DistillConfig {
        heavy_epochs: 1,
        ..cfg.distill()
    };
    let target =
        Arc::new(load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data"));
    let heavy_runs = Cell::new(0);
    let mut host = CallbackHost(|e: &Event| {
        if matches!(
            e,
            Event::StageDone {
                stage: Stage::HeavyTeacher,
                ..
            }
        ) {
            heavy_runs.set(heavy_runs.get() + 1);
        }
    });
    let vanilla = |cfg: &DistillConfig| {
        [Unit {
            method: Method::VanillaKd,
            seed: cfg.seed,
        }]
    };
    let job = |cfg, units| CompareJob {
        units,
        target: &target,
        cfg,
        teaching: None,
        showcase: false,
    };
    let units = vanilla(&distill);
    let alone = block_on(Session::new().compare(job(&distill, &units), &Device::flex(), &mut host))
        .unwrap();
    assert_eq!(
        heavy_runs.replace(0),
        1,
        "a comparison trains its heavy teacher"
    );

    let mut ahead = Session::new();
    block_on(ahead.train_heavy(target.clone(), &distill, Device::flex(), &mut host)).unwrap();
    assert_eq!(heavy_runs.replace(0), 1);
    let taught =
        block_on(ahead.compare(job(&distill, &units), &Device::flex(), &mut host)).unwrap();
    assert_eq!(
        heavy_runs.replace(0),
        0,
        "the held heavy teacher was trained again"
    );
    assert_eq!(
        taught.iter().map(key).collect::<Vec<_>>(),
        alone.iter().map(key).collect::<Vec<_>>()
    );
    assert_eq!(
        taught[0].heavy_acc.map(f32::to_bits),
        alone[0].heavy_acc.map(f32::to_bits)
    );
    assert!(
        taught[0].teacher_s > 0.0,
        "the heavy teacher's time still counts"
    );

    let other = DistillConfig {
        seed: distill.seed + 1,
        ..distill
    };
    let units = vanilla(&other);
    block_on(ahead.compare(job(&other, &units), &Device::flex(), &mut host)).unwrap();
    assert_eq!(
        heavy_runs.get(),
        1,
        "another seed needs its own heavy teacher"
    );
}

/// A seed is the whole run's seed: each seed's LW-KD students learn from a teacher trained on that
/// seed's numerals. The page gets there with stage 2's teacher for the first seed and, in whichever
/// worker runs a student of another seed, that seed's own teacher trained there; the CLI trains every
/// seed's. Both give the same numbers, to the last bit.
#[test]
fn each_seed_trains_its_own_teacher_and_the_pool_gives_the_clis_numbers() {
    let cfg = Config {
        methods: vec![Method::LwKd, Method::Ce, Method::LwKdShuffled],
        train_per_class: 20,
        distill_epochs: 1,
        seeds: 2,
        teachers: Teachers::PerSeed,
        ..Config::default()
    };
    let digits = common::digits();
    let target = load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data");
    let mut host = CallbackHost(|_: &Event| {});
    let distill = cfg.distill();
    let cli = block_on(run_comparison(
        &cfg,
        &distill,
        &target,
        &digits,
        &Device::flex(),
        &mut host,
    ))
    .unwrap();
    for r in cli.iter().filter(|r| r.method.uses_light_teacher()) {
        assert_eq!(r.teacher_seed, Some(r.seed), "{:?}", r.method);
    }

    // The page: stage 2's teacher (seed 42) in the home worker, its weights to the others.
    let mut home = Session::new();
    let (set, synth_s) = home
        .synthesize(cfg.synth(), (&digits.0, &digits.1), &mut host)
        .unwrap();
    let teacher =
        block_on(home.train_teacher(&set, &cfg.teacher(), synth_s, Device::flex(), &mut host))
            .unwrap();
    let params = block_on(params_of(&teacher.model)).unwrap();
    let teaching = Teaching {
        digits: (&digits.0, &digits.1),
        max_shift: cfg.synth().max_shift,
        held_seed: Some(cfg.seed),
        per_seed: Some((cfg.synth(), cfg.teacher())),
    };
    let plan = Plan::new(&cfg.methods, cfg.seeds, cfg.seed, &target, Some(10))
        .unwrap()
        .longest_first();
    let mut pool = Vec::new();
    for unit in &plan.units {
        let device = Device::flex();
        let mut worker = Session::new();
        let blank = LeNet5Config::new(10).init(&device);
        let model = with_params(blank, &params, &device).unwrap();
        worker.hold_teacher(model, device, 10, synth_s + teacher.seconds);
        let one = DistillConfig {
            seed: unit.seed,
            ..distill
        };
        let job = CompareJob {
            units: std::slice::from_ref(unit),
            target: &target,
            cfg: &one,
            teaching: Some(teaching),
            showcase: false,
        };
        pool.extend(block_on(worker.compare(job, &Device::flex(), &mut host)).unwrap());
    }
    let keys = |rs: &[MethodResult]| {
        let mut k: Vec<_> = rs.iter().map(key).collect();
        k.sort();
        k
    };
    assert_eq!(keys(&pool), keys(&cli), "the pool and the CLI differ");

    // One teacher for every seed is another run: seed 43's LW-KD student learns something else.
    let one_teacher = Config {
        teachers: Teachers::One,
        ..cfg.clone()
    };
    let one = block_on(run_comparison(
        &one_teacher,
        &distill,
        &target,
        &digits,
        &Device::flex(),
        &mut host,
    ))
    .unwrap();
    let lwkd_43 = |rs: &[MethodResult]| {
        rs.iter()
            .find(|r| r.method == Method::LwKd && r.seed == cfg.seed + 1)
            .cloned()
            .unwrap()
    };
    assert_eq!(lwkd_43(&one).teacher_seed, Some(cfg.seed));
    assert_ne!(
        lwkd_43(&one).test_predictions,
        lwkd_43(&cli).test_predictions
    );
}
