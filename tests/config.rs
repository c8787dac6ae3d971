//! The run configuration rejects bad values field by field, and the backend policy says why.

use lwkd::pipeline::backend::choose;
use lwkd::pipeline::memory;
use lwkd::pipeline::{BackendPreference, Config, GpuInfo};
use lwkd::train::{BackendKind, Measured};

#[test]
fn defaults_are_valid() {
    assert!(Config::default().validate().is_empty());
}

#[test]
fn each_bad_value_is_named_and_reset() {
    let bad = Config {
        classes: 10_000,
        batch_size: 0,
        lr: f64::NAN,
        per_class: 1_000_000_000,
        ..Config::default()
    };
    let fields: Vec<&str> = bad.validate().iter().map(|e| e.field).collect();
    for f in ["classes", "batch_size", "lr", "per_class"] {
        assert!(fields.contains(&f), "{f} not reported in {fields:?}");
    }
    let (fixed, errors) = bad.sanitized();
    assert_eq!(errors.len(), 4);
    assert!(fixed.validate().is_empty());
    assert_eq!(fixed.classes, Config::default().classes);
}

#[test]
fn a_run_over_the_tabs_memory_limit_is_refused_with_its_numbers() {
    let big = Config {
        classes: 100,
        per_class: 5000,
        ..Config::default()
    };
    let errors = big.validate();
    assert_eq!(errors.len(), 1);
    let text = errors[0].to_string();
    assert!(
        text.contains("GB of memory in this tab, over its 1.0 GB limit")
            && text.contains("at most"),
        "{text}"
    );
    // The most it names is accepted, one more is not.
    let max: usize = text
        .split("at most ")
        .nth(1)
        .and_then(|t| t.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a number of images");
    let at = |per_class| Config {
        classes: 100,
        per_class,
        ..Config::default()
    };
    assert!(at(max).validate().is_empty(), "{max} per class");
    assert_eq!(at(max + 1).validate().len(), 1, "{} per class", max + 1);
    assert!(memory::tab_peak(at(max).teacher_estimate().data_bytes) <= memory::TAB_LIMIT);
    // The default run is far inside it.
    assert!(
        memory::tab_peak(Config::default().teacher_estimate().data_bytes) < memory::TAB_LIMIT / 4
    );
}

fn adapter(name: &str, is_fallback: bool) -> GpuInfo {
    GpuInfo {
        name: name.into(),
        is_fallback,
    }
}

#[test]
fn backend_policy() {
    let (hw, sw) = (adapter("Some GPU", false), adapter("SwiftShader", true));
    let auto = BackendPreference::Auto;
    assert_eq!(choose(auto, Some(&hw), None).kind, BackendKind::WebGpu);
    assert_eq!(choose(auto, Some(&sw), None).kind, BackendKind::Cpu);
    assert!(choose(auto, Some(&sw), None).reason.contains("software"));
    assert_eq!(choose(auto, None, None).kind, BackendKind::Cpu);
    assert_eq!(
        choose(BackendPreference::WebGpu, Some(&sw), None).kind,
        BackendKind::WebGpu
    );
    let no_gpu = choose(BackendPreference::WebGpu, None, None);
    assert_eq!(no_gpu.kind, BackendKind::Cpu);
    assert!(no_gpu.reason.contains("no WebGPU"));
    assert_eq!(
        choose(BackendPreference::Cpu, Some(&hw), None).kind,
        BackendKind::Cpu
    );
}

/// A hardware adapter is used by *Automatic* only where it was measured faster and agreed with the CPU;
/// a software adapter never, whatever was measured.
#[test]
fn automatic_follows_the_measurement() {
    let (hw, sw) = (adapter("Some GPU", false), adapter("SwiftShader", true));
    let auto = BackendPreference::Auto;
    let timed = |cpu_ms: f32, gpu_ms: f32| Measured {
        cpu_ms,
        gpu_ms: Some(gpu_ms),
        max_diff: Some(1e-6),
        problem: None,
    };
    let gpu_faster = timed(40.0, 10.0);
    let choice = choose(auto, Some(&hw), Some(&gpu_faster));
    assert_eq!(choice.kind, BackendKind::WebGpu);
    assert!(choice.reason.contains("4.0× faster"), "{}", choice.reason);
    let cpu_faster = timed(10.0, 25.0);
    let choice = choose(auto, Some(&hw), Some(&cpu_faster));
    assert_eq!(choice.kind, BackendKind::Cpu);
    assert!(
        choice.reason.contains("the CPU is 2.5× faster"),
        "{}",
        choice.reason
    );
    // Fast but wrong (zeros from a shader that failed validation): the CPU.
    let zeros = Measured::compare_logits(&[0.5, -1.2, 0.3], &[0.0, 0.0, 0.0]);
    assert!(zeros.is_err());
    let wrong = Measured {
        problem: zeros.err(),
        ..timed(40.0, 1.0)
    };
    let choice = choose(auto, Some(&hw), Some(&wrong));
    assert_eq!(choice.kind, BackendKind::Cpu);
    assert!(
        choice.reason.contains("differ from the CPU"),
        "{}",
        choice.reason
    );
    assert!(Measured::compare_logits(&[0.5, -1.2], &[0.5000001, -1.2000003]).is_ok());
    // A software adapter stays on the CPU even where a measurement says otherwise.
    assert_eq!(
        choose(auto, Some(&sw), Some(&gpu_faster)).kind,
        BackendKind::Cpu
    );
    // An explicit choice holds, and says what was measured.
    let chosen = choose(BackendPreference::WebGpu, Some(&hw), Some(&cpu_faster));
    assert_eq!(chosen.kind, BackendKind::WebGpu);
    assert!(chosen.reason.contains("measured"), "{}", chosen.reason);
}

#[test]
fn distillation_knobs_are_checked_and_reset() {
    let bad = Config {
        temperature: f64::NAN,
        alpha: 1.5,
        beta: -1.0,
        distill_epochs: 0,
        train_per_class: 1_000_000,
        heavy_epochs: 500,
        ..Config::default()
    };
    let fields: Vec<&str> = bad.validate().iter().map(|e| e.field).collect();
    for f in [
        "temperature",
        "alpha",
        "beta",
        "distill_epochs",
        "train_per_class",
        "heavy_epochs",
    ] {
        assert!(fields.contains(&f), "{f} not reported in {fields:?}");
    }
    let (fixed, errors) = bad.sanitized();
    assert_eq!(errors.len(), 6);
    assert_eq!(fixed, Config::default());
    // The distillation config carries the page's values.
    let d = Config {
        alpha: 0.3,
        seed: 7,
        ..Config::default()
    }
    .distill();
    assert_eq!((d.alpha, d.seed), (0.3, 7));
}

#[test]
fn a_run_is_sized_before_it_starts() {
    let e = Config {
        per_class: 1000,
        teacher_epochs: 5,
        ..Config::default()
    }
    .teacher_estimate();
    // 10 classes × 1,000 images at batch 64 for 5 epochs; 1,100 images of 784 bytes.
    assert_eq!(e.steps, 157 * 5);
    assert_eq!(e.data_bytes, 10 * 1100 * 784);
    assert!(e.describe(None).contains("estimated after a first run"));
    assert!(
        e.describe(Some(20.0))
            .contains("about 16 s at 20 ms per step")
    );
    let long = e.describe(Some(400.0));
    assert!(
        long.contains("5 min") && long.contains("a long wait"),
        "{long}"
    );
    // Before the run, the numerals and the tab's memory for them.
    let large = Config {
        classes: 100,
        per_class: 500,
        ..Config::default()
    };
    let text = large.teacher_estimate().describe(None);
    let peak = memory::in_words(memory::tab_peak(large.teacher_estimate().data_bytes));
    assert!(
        text.contains(&format!(
            "94.1 MB of numerals, about {peak} of memory in this tab"
        )),
        "{text}"
    );
}

#[test]
fn a_comparison_is_sized_before_it_starts() {
    // 10 classes × 500 images at batch 64: 79 steps an epoch; six methods × 3 epochs, and the heavy
    // teacher's 3 epochs on all 10,000 training images (157 steps each).
    let cfg = Config {
        train_per_class: 500,
        distill_epochs: 3,
        heavy_epochs: 3,
        ..Config::default()
    };
    let e = cfg.comparison_estimate(10, 10_000);
    assert_eq!(e.steps, 79 * 6 * 3 + 157 * 3);
    let text = e.describe(Some(10.0));
    assert!(text.starts_with("1893 steps · about 19 s"), "{text}");
    let three_seeds = Config {
        seeds: 3,
        ..cfg.clone()
    };
    // Each further seed trains its own lightweight teacher first (64 steps by default).
    assert_eq!(
        three_seeds.comparison_estimate(10, 10_000).steps,
        3 * 1893 + 2 * 64
    );
    let ce_only = Config {
        methods: vec![lwkd::protocol::Method::Ce],
        ..cfg
    };
    assert_eq!(
        ce_only.comparison_estimate(10, 10_000).steps,
        79 * 3,
        "no heavy teacher without KD"
    );
}

#[test]
fn a_comparison_is_sized_at_stage_3s_own_batch_size() {
    // The teacher's batch size (`bs`, stage 2) does not change stage 3's steps: it trains at 64.
    let cfg = Config {
        batch_size: 16,
        train_per_class: 500,
        distill_epochs: 3,
        heavy_epochs: 3,
        ..Config::default()
    };
    assert_eq!(cfg.distill().batch_size, 64);
    assert_eq!(
        cfg.comparison_estimate(10, 10_000).steps,
        79 * 6 * 3 + 157 * 3
    );
}
