//! The same training step on Flex (CPU) and on wgpu (Vulkan; Mesa's lavapipe on a machine without a GPU)
//! gives the same numbers within tolerance. Needs a Vulkan driver: scripts/install-tools.sh installs
//! mesa-vulkan-drivers; without one this test fails with wgpu's message rather than skipping.
//!
//! Measured here (2026-11-24, lavapipe): logits agree to ~2e-7 (relative L2) before and after the step,
//! while the step itself moves them by ~3.5e-2 — so the tolerances below leave headroom for float
//! noise and still catch a wrong gradient or a dropped update.

use crate::common;

use burn::nn::loss::CrossEntropyLossConfig;
use burn::optim::{GradientsParams, SgdConfig};
use burn::prelude::*;
use lwkd::data::{
    SynthSet,
    batch::{images_tensor, labels_tensor},
};
use lwkd::model::{LeNet5, LeNet5Config};
use lwkd::pipeline::Config;

fn logits(model: &LeNet5, set: &SynthSet, idx: &[u32], device: &Device) -> Vec<f32> {
    let x = images_tensor(&set.train, idx, &device.clone().without_autodiff());
    model.valid().forward(x).into_data().iter::<f32>().collect()
}

/// One SGD step; returns the loss before it and the logits after it.
fn step(model: LeNet5, set: &SynthSet, idx: &[u32], device: &Device) -> (f32, Vec<f32>) {
    let (x, y) = (
        images_tensor(&set.train, idx, device),
        labels_tensor(&set.train, idx, device),
    );
    let loss = CrossEntropyLossConfig::new()
        .init(device)
        .forward(model.forward(x), y);
    let value: f32 = loss.clone().into_scalar();
    let grads = GradientsParams::from_grads(loss.backward(), &model);
    // Plain SGD: the update is linear in the gradient, so agreement after the step checks the
    // gradients. (Adam's first step is ±lr per weight whatever the gradient's size, so float noise in
    // near-zero gradients would flip whole updates.)
    let model = SgdConfig::new().init().step(0.05, model, grads);
    (value, logits(&model, set, idx, device))
}

fn rel_l2(a: &[f32], b: &[f32]) -> f32 {
    let diff: f32 = a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum();
    let norm: f32 = a.iter().map(|x| x * x).sum();
    (diff / norm.max(1e-12)).sqrt()
}

#[test]
fn one_step_on_wgpu_matches_flex() {
    let (train, heldout) = common::digits();
    let cfg = Config {
        per_class: 20,
        val_per_class: 10,
        ..Config::default()
    }
    .synth();
    let set = SynthSet::generate(cfg, &train, &heldout).unwrap();
    let idx: Vec<u32> = (0..64).map(|i| i * 3).collect();

    let flex = Device::flex().autodiff();
    flex.seed(11);
    let model = LeNet5Config::new(10).init(&flex);
    let (wgpu, setup) = Device::wgpu_options()
        .init_with_setup()
        .expect("no wgpu adapter: install mesa-vulkan-drivers (scripts/install-tools.sh)");
    eprintln!("wgpu adapter: {}", setup.adapter.get_info().name);
    let wgpu = wgpu.autodiff();
    // `fork` (not `to_device`) keeps the parameters trainable on the new device.
    let on_gpu = model.clone().fork(&wgpu);

    let before_cpu = logits(&model, &set, &idx, &flex);
    let before_gpu = logits(&on_gpu, &set, &idx, &wgpu);
    let forward = rel_l2(&before_cpu, &before_gpu);
    let (loss_cpu, after_cpu) = step(model, &set, &idx, &flex);
    let (loss_gpu, after_gpu) = step(on_gpu, &set, &idx, &wgpu);
    let after = rel_l2(&after_cpu, &after_gpu);
    let moved = rel_l2(&after_cpu, &before_cpu);
    eprintln!(
        "forward rel. L2 {forward:.2e}; loss {loss_cpu} vs {loss_gpu}; after one step rel. L2 {after:.2e} (the step moved the logits by {moved:.2e})"
    );

    assert!(forward < 1e-5, "forward pass differs: {forward}");
    assert!(
        (loss_cpu - loss_gpu).abs() < 1e-5 * loss_cpu.abs().max(1.0),
        "loss {loss_cpu} vs {loss_gpu}"
    );
    assert!(
        moved > 1e-2,
        "the step must change the model for the comparison to mean anything"
    );
    assert!(
        after < 1e-4,
        "after one step the backends disagree by {after} (relative L2)"
    );
    assert!(
        after < 1e-2 * moved,
        "disagreement {after} is not small next to the step's effect {moved}"
    );
}
