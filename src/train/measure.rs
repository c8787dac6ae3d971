//! *Automatic*'s measurement ([`Measured`]): the same few LeNet-5 training steps timed on the CPU and
//! on WebGPU, and one forward pass of the same weights on both compared, in a training worker.

use burn::prelude::*;

use super::readback::floats;
use super::throughput::{ThroughputConfig, lenet_throughput};
use crate::data::{
    batch::pixels_tensor,
    rng::{Stream, below},
    synth::SIDE,
};
use crate::model::{LeNet5Config, SeededInit, params_of, with_params};
use crate::train::Measured;

const CLASSES: usize = 10;
const BATCH: usize = 64;

/// Each backend's protocol: a first step (kernels compile there, not timed), one warm-up step, then
/// three timed steps — a few hundred milliseconds on a hardware GPU and on the CPU.
const STEPS: ThroughputConfig = ThroughputConfig {
    classes: CLASSES,
    batch: BATCH,
    warmup: 1,
    steps: 3,
};

/// Two batches of seeded random images: the time of a step does not depend on what it sees.
fn images() -> (Vec<u8>, Vec<u8>) {
    let mut rng = Stream::BackendMeasure.rng(0);
    let n = 2 * BATCH;
    let pixels = (0..n * SIDE * SIDE)
        .map(|_| below(&mut rng, 256) as u8)
        .collect();
    let labels = (0..n).map(|i| (i % CLASSES) as u8).collect();
    (pixels, labels)
}

/// LeNet-5's logits on the first batch of `pixels`, with the weights `params`, on `device`.
async fn logits(params: &[Vec<f32>], pixels: &[u8], device: &Device) -> Option<Vec<f32>> {
    let net = with_params(LeNet5Config::new(CLASSES).init(device), params, device)?;
    let batch = pixels_tensor(&pixels[..BATCH * SIDE * SIDE], SIDE, SIDE, device);
    floats(net.forward(batch)).await.ok()
}

/// Times the CPU (Flex) and `gpu` (Burn's WebGPU device, or why it could not start) and checks that
/// WebGPU computes what the CPU computes.
pub async fn measure_backends(gpu: Result<Device, String>) -> Measured {
    let cpu = Device::flex();
    let (pixels, labels) = images();
    let cpu_ms = match lenet_throughput(&cpu, &pixels, &labels, &STEPS).await {
        Ok(t) => t.ms_per_step as f32,
        Err(_) => f32::NAN,
    };
    let failed = |why: String| Measured {
        cpu_ms,
        gpu_ms: None,
        max_diff: None,
        problem: Some(why),
    };
    let gpu = match gpu {
        Ok(d) => d,
        Err(e) => return failed(e.trim_start_matches("WebGPU ").to_string()),
    };
    let reference = SeededInit::new(0, &cpu).make(|d| LeNet5Config::new(CLASSES).init(d));
    let Ok(params) = params_of(&reference).await else {
        return failed("could not be compared: the CPU's weights were unreadable".into());
    };
    let (Some(on_cpu), Some(on_gpu)) = (
        logits(&params, &pixels, &cpu).await,
        logits(&params, &pixels, &gpu).await,
    ) else {
        return failed("failed on its first pass (its result could not be read)".into());
    };
    let max_diff = match Measured::compare_logits(&on_cpu, &on_gpu) {
        Ok(d) => d,
        Err(why) => return failed(why),
    };
    match lenet_throughput(&gpu, &pixels, &labels, &STEPS).await {
        Ok(t) if t.last_loss.is_finite() => Measured {
            cpu_ms,
            gpu_ms: Some(t.ms_per_step as f32),
            max_diff: Some(max_diff),
            problem: None,
        },
        Ok(_) => failed("trained to a loss that is not a number".into()),
        Err(_) => failed("stopped answering during the timed steps".into()),
    }
}
