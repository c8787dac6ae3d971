//! The same training step on Flex (CPU) and on wgpu (Vulkan; Mesa's lavapipe on a machine without a GPU)
//! gives the same numbers within float tolerance. Needs a Vulkan driver: scripts/install-tools.sh installs
//! mesa-vulkan-drivers; without one this test fails with wgpu's message rather than skipping.

mod common;

use burn::nn::loss::CrossEntropyLossConfig;
use burn::optim::{AdamConfig, GradientsParams};
use burn::prelude::*;
use lwkd::data::batch::{images_tensor, labels_tensor};
use lwkd::data::{SynthConfig, SynthSet};
use lwkd::model::{LeNet5, LeNet5Config};

fn step(model: LeNet5, set: &SynthSet, idx: &[u32], device: &Device) -> (f32, Vec<f32>) {
    let (x, y) = (images_tensor(&set.train, idx, device), labels_tensor(&set.train, idx, device));
    let loss = CrossEntropyLossConfig::new().init(device).forward(model.forward(x.clone()), y);
    let value: f32 = loss.clone().into_scalar();
    let grads = GradientsParams::from_grads(loss.backward(), &model);
    let model = AdamConfig::new().init().step(1e-3, model, grads);
    let logits = model.valid().forward(images_tensor(&set.train, idx, &device.clone().without_autodiff()));
    (value, logits.into_data().iter::<f32>().collect())
}

#[test]
fn one_step_on_wgpu_matches_flex() {
    let (train, heldout) = common::digits();
    let set = SynthSet::generate(SynthConfig { per_class: 20, val_per_class: 10, ..SynthConfig::default() }, &train, &heldout).unwrap();
    let idx: Vec<u32> = (0..64).map(|i| i * 3).collect();

    let flex = Device::flex().autodiff();
    flex.seed(11);
    let model = LeNet5Config::new(10).init(&flex);
    let (wgpu, setup) = Device::wgpu_options()
        .init_with_setup()
        .expect("no wgpu adapter: install mesa-vulkan-drivers (scripts/install-tools.sh)");
    eprintln!("wgpu adapter: {}", setup.adapter.get_info().name);
    let wgpu = wgpu.autodiff();
    let on_gpu = model.clone().to_device(&wgpu);

    let (loss_cpu, logits_cpu) = step(model, &set, &idx, &flex);
    let (loss_gpu, logits_gpu) = step(on_gpu, &set, &idx, &wgpu);
    assert!((loss_cpu - loss_gpu).abs() < 1e-4 * loss_cpu.abs().max(1.0), "loss {loss_cpu} vs {loss_gpu}");
    assert_eq!(logits_cpu.len(), logits_gpu.len());
    let worst = logits_cpu.iter().zip(&logits_gpu).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
    assert!(worst < 1e-3, "largest logit difference after one step: {worst}");
}
