//! The scenarios' claims, natively on Flex with the default seed: in the default "Noisy labels"
//! scenario CE memorises the flipped labels while LW-KD's, the tuned label smoothing's and Tf-KD_reg's
//! soft targets hold it back — what the page's "what to notice" says of this run (seed 42).

use crate::common;

use burn::prelude::Device;
use futures::executor::block_on;
use lwkd::data::{TargetKind, local::load_target};
use lwkd::pipeline::comparison::run_comparison;
use lwkd::pipeline::{
    Config,
    scenarios::{SCENARIOS, scenario, scenario_of},
    url::from_query,
};
use lwkd::protocol::{CallbackHost, Event, Method, MethodResult};

#[test]
fn every_scenario_is_a_valid_link_and_the_default_is_one() {
    for s in &SCENARIOS {
        let (c, problems) = from_query(s.query);
        assert!(problems.is_empty(), "{}: {problems:?}", s.id);
        assert_eq!(scenario_of(&c).map(|x| x.id), Some(s.id));
        assert!(
            !s.notice.is_empty() && !s.notice.contains("TBD"),
            "{}",
            s.id
        );
    }
    assert_eq!(scenario_of(&Config::default()).map(|s| s.id), Some("noisy"));
    let other = Config {
        seed: 7,
        ..Config::default()
    };
    assert!(
        scenario_of(&other).is_none(),
        "another seed is not the scenario"
    );
}

fn result(results: &[MethodResult], m: Method) -> &MethodResult {
    results.iter().find(|r| r.method == m).expect("ran")
}

#[test]
fn noisy_labels_ce_memorises_and_soft_targets_hold_it_back() {
    let cfg = Config {
        methods: vec![
            Method::Ce,
            Method::LwKd,
            Method::TfKdReg,
            Method::LabelSmoothing,
        ],
        ..scenario("noisy").unwrap().config()
    };
    let digits = common::digits();
    let target = load_target(&common::data_dir(), TargetKind::Fashion).expect("prepared data");
    let mut host = CallbackHost(|_: &Event| {});
    let results = block_on(run_comparison(
        &cfg,
        &cfg.distill(),
        &target,
        &digits,
        &Device::flex(),
        &mut host,
    ))
    .unwrap();
    let (ce, lwkd, tfkd) = (
        result(&results, Method::Ce),
        result(&results, Method::LwKd),
        result(&results, Method::TfKdReg),
    );
    let peak = ce.curve.iter().map(|p| p.test_acc).fold(0.0, f32::max);
    let last = ce.curve.last().unwrap().test_acc;
    println!(
        "CE {:.2} % (train {:.1} %, peak {:.2} % on the per-epoch sample, last {:.2} %), LW-KD {:.2} % (train {:.1} %), Tf-KD_reg {:.2} %",
        ce.test_acc * 100.0,
        ce.train_acc * 100.0,
        peak * 100.0,
        last * 100.0,
        lwkd.test_acc * 100.0,
        lwkd.train_acc * 100.0,
        tfkd.test_acc * 100.0
    );
    assert!(
        peak - last > 0.02,
        "CE overfits: its test accuracy falls from its peak"
    );
    assert!(
        ce.train_acc > lwkd.train_acc + 0.03,
        "CE fits more of the flipped training labels than LW-KD"
    );
    assert!(lwkd.test_acc > ce.test_acc + 0.01, "LW-KD ends above CE");
    assert!(
        tfkd.test_acc > ce.test_acc + 0.01,
        "Tf-KD_reg ends above CE"
    );
    let ls = result(&results, Method::LabelSmoothing);
    assert!(
        ls.test_acc > ce.test_acc + 0.01,
        "the tuned label smoothing ends above CE"
    );
    assert!(
        ce.train_acc > 0.9,
        "CE fits past 90 % of its training labels"
    );
}
