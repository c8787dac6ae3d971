//! Saved students: a trained student written as burnpack and read back predicts exactly as before
//! (same test accuracy), and files that are not ours are refused with a message, not a panic.

use crate::common;

use burn::prelude::*;
use futures::executor::block_on;
use lwkd::data::{TargetKind, local::load_target};
use lwkd::distill::{DistillConfig, compare};
use lwkd::model::{Arch, StudentKind, import};
use lwkd::pipeline::Config;
use lwkd::protocol::{CallbackHost, Event, Method};
use lwkd::train::evaluate::evaluate;

#[test]
fn export_then_import_gives_the_same_test_accuracy() {
    let target = load_target(&common::data_dir(), TargetKind::Fashion).unwrap();
    let device = Device::flex();
    let mut host = CallbackHost(|_: &Event| {});
    for student in StudentKind::ALL {
        let cfg = DistillConfig {
            batch_size: 32,
            ..clean(Config {
                student,
                train_per_class: 60,
                ..Config::default()
            })
        };
        let results = block_on(compare(
            &[Method::Ce],
            &target,
            None,
            None,
            &cfg,
            &device,
            &mut host,
        ))
        .unwrap();
        let r = &results[0];
        assert!(!r.weights.is_empty(), "{student:?}: no weights written");
        let (net, info) = import(&r.weights, &device).unwrap();
        assert_eq!(info.arch, Arch::Student(student));
        assert_eq!(info.class_names, target.class_names);
        assert_eq!(info.target, "Fashion-MNIST");
        assert_eq!(info.method, Method::Ce.label());
        assert_eq!(info.test_acc, r.test_acc);
        let (acc, preds) = block_on(evaluate(
            |x| net.forward(x),
            &target.test,
            &device,
            &mut host,
        ))
        .unwrap();
        assert_eq!(
            preds, r.test_predictions,
            "{student:?}: predictions changed"
        );
        assert_eq!(acc, r.test_acc);
        assert!(
            acc > 0.3,
            "{student:?}: a trained student, not a fresh one ({acc})"
        );
    }
}

#[test]
fn files_that_are_not_our_weights_are_refused_with_a_message() {
    let device = Device::flex();
    for (what, bytes) in [
        ("empty", Vec::new()),
        ("text", b"hello, these are not weights".to_vec()),
        (
            "png header",
            vec![0x89, b'P', b'N', b'G', 13, 10, 26, 10, 0, 0, 0, 13],
        ),
        ("zeros", vec![0u8; 4096]),
    ] {
        let err = import(&bytes, &device)
            .err()
            .unwrap_or_else(|| panic!("{what} accepted"));
        assert!(
            err.to_string().contains("not a weights file"),
            "{what}: {err}"
        );
    }
}

/// One epoch on clean labels.
fn clean(cfg: Config) -> DistillConfig {
    Config {
        distill_epochs: 1,
        label_noise: 0.0,
        ..cfg
    }
    .distill()
}

/// A CE student trained briefly on Fashion-MNIST, with its weights file, and the device it is on.
fn small_student() -> (lwkd::protocol::MethodResult, Device) {
    let target = load_target(&common::data_dir(), TargetKind::Fashion).unwrap();
    let cfg = clean(Config {
        student: StudentKind::Cnn,
        train_per_class: 10,
        ..Config::default()
    });
    let device = Device::flex();
    let r = block_on(compare(
        &[Method::Ce],
        &target,
        None,
        None,
        &cfg,
        &device,
        &mut CallbackHost(|_: &Event| {}),
    ))
    .unwrap()
    .remove(0);
    (r, device)
}

#[test]
fn a_truncated_weights_file_is_refused() {
    let (r, device) = small_student();
    let cut = &r.weights[..r.weights.len() * 2 / 3];
    assert!(
        import(cut, &device).is_err(),
        "a truncated file was accepted"
    );
}

#[test]
fn a_weights_file_with_flipped_bytes_in_its_tensors_is_refused() {
    let (r, device) = small_student();
    assert!(import(&r.weights, &device).is_ok(), "the intact file loads");
    // The tensors are the file's last bytes: damage a few of them, as a bad disk or download would.
    for at in [
        r.weights.len() - 1,
        r.weights.len() - 200,
        r.weights.len() / 2 + 500,
    ] {
        let mut damaged = r.weights.clone();
        damaged[at] ^= 0x5a;
        let err = import(&damaged, &device)
            .err()
            .unwrap_or_else(|| panic!("a file damaged at byte {at} was accepted"));
        assert!(
            err.to_string().contains("damaged") || err.to_string().contains("not a weights file"),
            "byte {at}: {err}"
        );
    }
}

#[test]
fn the_weight_count_from_layer_sizes_is_the_built_networks_count() {
    use burn::module::Module;
    use lwkd::model::{Net, parameter_count};
    let device = Device::flex();
    for arch in [
        Arch::Student(StudentKind::Mlp),
        Arch::Student(StudentKind::Cnn),
        Arch::Heavy,
    ] {
        for k in [2, 10, 100] {
            let built = Net::new(arch, k, &device).num_params();
            assert_eq!(parameter_count(arch, k), built, "{arch:?}, K = {k}");
        }
    }
    // The figures the page shows for K = 10.
    assert_eq!(parameter_count(Arch::Student(StudentKind::Cnn), 10), 9_098);
    assert_eq!(
        parameter_count(Arch::Student(StudentKind::Mlp), 10),
        101_770
    );
}
