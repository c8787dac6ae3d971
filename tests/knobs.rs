//! One knob table drives the link, `hide=`, validation and the CLI: every setting is accepted by all
//! of them under the same name, and a bad value is refused with the same words everywhere.

use std::process::Command;

use lwkd::pipeline::url::{from_query, to_query};
use lwkd::pipeline::view::ViewOptions;
use lwkd::pipeline::{Config, KNOBS};

fn lwkd(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lwkd"))
        .args(args)
        .output()
        .expect("the lwkd binary runs")
}

#[test]
fn names_and_link_keys_are_unique() {
    for (i, a) in KNOBS.iter().enumerate() {
        for b in &KNOBS[i + 1..] {
            assert_ne!(a.field, b.field);
            assert_ne!(a.key, b.key, "{} and {}", a.field, b.field);
        }
    }
}

#[test]
fn every_setting_travels_in_a_link_and_can_be_hidden() {
    let defaults = Config::default();
    for knob in &KNOBS {
        // A value other than the default, in range: the default's neighbour, or another choice.
        let candidates = [
            "2", "3", "20", "0.5", "0.2", "cpu", "mnist", "mlp", "cnn", "mean", "ce,lwkd", "t2",
            "one",
        ];
        let text = candidates
            .into_iter()
            .find(|t| {
                let mut c = defaults.clone();
                knob.set(&mut c, t).is_ok() && knob.check(&c).is_ok() && c != defaults
            })
            .unwrap_or_else(|| panic!("no other value for {}", knob.field));
        let (c, problems) = from_query(&format!("{}={text}", knob.key));
        assert!(problems.is_empty(), "{}: {problems:?}", knob.key);
        assert_eq!(knob.text(&c), text, "{}", knob.field);
        assert_eq!(to_query(&c), format!("{}={text}", knob.key));
        let (view, problems) = ViewOptions::from_query(&format!("hide={}", knob.field));
        assert!(
            problems.is_empty() && view.hides(knob.field),
            "hide={}",
            knob.field
        );
    }
}

#[test]
fn the_cli_takes_a_flag_for_every_setting() {
    let help = String::from_utf8(lwkd(&["compare", "--help"]).stdout).unwrap();
    for knob in &KNOBS {
        // `--backend` is the CLI's own choice of native backend (flex, wgpu); the page's is auto/webgpu/cpu.
        assert!(
            help.contains(&format!("--{} ", knob.flag())),
            "compare --help lacks --{}:\n{help}",
            knob.flag()
        );
    }
    assert!(
        help.contains("2 – 100"),
        "ranges come from the table:\n{help}"
    );
}

#[test]
fn the_cli_refuses_a_bad_value_as_a_link_does() {
    let out = lwkd(&["synth", "--per-class", "5", "--classes", "abc"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--classes: “abc” is not a whole number"),
        "{err}"
    );
    let out = lwkd(&["synth", "--per-class", "5"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("--per-class: must be between 10 and 5000"),
        "{err}"
    );
    let (_, problems) = from_query("n=5");
    assert!(
        problems[0]
            .to_string()
            .contains("must be between 10 and 5000")
    );
}
