//! LeNet-5 training throughput, for the benchmarks in `bench/`: the teacher's own step (upload a batch,
//! forward, cross-entropy, backward, Adam) timed on any device, natively (`lwkd bench`) and in the page
//! (`bench/browser.mjs`), with the protocol the TensorFlow.js and PyTorch peers follow:
//! the first step is timed alone up to its loss being read back (kernel compilation shows there); after
//! `warmup` more steps, `steps` steps are timed up to one read of all their losses.

use burn::nn::loss::CrossEntropyLossConfig;
use burn::optim::{AdamConfig, GradientsParams};
use burn::prelude::*;
use serde::Serialize;
use web_time::Instant;

use super::readback::floats;
use crate::data::{batch::pixels_tensor, synth::SIDE};
use crate::model::{LeNet5Config, SeededInit};
use crate::protocol::Cancelled;

#[derive(Clone, Debug)]
pub struct ThroughputConfig {
    pub classes: usize,
    pub batch: usize,
    pub warmup: usize,
    pub steps: usize,
}

impl ThroughputConfig {
    /// Why this run cannot go on `pixels` / `labels` (the CLI's flags and the bench page's query set it).
    pub fn check(&self, pixels: &[u8], labels: &[u8]) -> Result<(), String> {
        if self.batch == 0 || self.steps == 0 || self.batch > labels.len() {
            return Err(format!(
                "batch must be 1..={} and steps at least 1 (got batch {}, steps {})",
                labels.len(),
                self.batch,
                self.steps
            ));
        }
        if pixels.len() != labels.len() * SIDE * SIDE {
            return Err("the images must be 28 × 28 bytes each, one label per image".into());
        }
        Ok(())
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Throughput {
    pub batch: usize,
    pub steps: usize,
    /// From the first batch's upload to its loss on the host.
    pub first_step_ms: f64,
    pub ms_per_step: f64,
    pub samples_per_s: f64,
    /// The last timed step's loss: finite, or the numbers above measured a broken run.
    pub last_loss: f32,
}

/// `pixels` holds 28 × 28 8-bit images, `labels` one class per image; batches are taken from them in
/// order, wrapping around. The caller has checked `cfg` ([`ThroughputConfig::check`]).
pub async fn lenet_throughput(
    device: &Device,
    pixels: &[u8],
    labels: &[u8],
    cfg: &ThroughputConfig,
) -> Result<Throughput, Cancelled> {
    let n = labels.len();
    debug_assert!(cfg.check(pixels, labels).is_ok());
    let ad = device.clone().autodiff();
    let mut model = SeededInit::new(1, &ad).make(|d| LeNet5Config::new(cfg.classes).init(d));
    let mut optim = AdamConfig::new().init();
    let loss_fn = CrossEntropyLossConfig::new().init(&ad);
    let mut next = 0;
    let mut step = |model: crate::model::LeNet5| {
        let idx: Vec<usize> = (next..next + cfg.batch).map(|i| i % n).collect();
        next = (next + cfg.batch) % n;
        let bytes: Vec<u8> = idx
            .iter()
            .flat_map(|&i| &pixels[i * SIDE * SIDE..(i + 1) * SIDE * SIDE])
            .copied()
            .collect();
        let y: Vec<i64> = idx
            .iter()
            .map(|&i| labels[i] as i64 % cfg.classes as i64)
            .collect();
        let x = pixels_tensor(&bytes, SIDE, SIDE, &ad);
        let y = Tensor::<1, Int>::from_data(TensorData::new(y, [cfg.batch]), &ad);
        let loss = loss_fn.forward(model.forward(x), y);
        let grads = GradientsParams::from_grads(loss.backward(), &model);
        (optim.step(1e-3, model, grads), loss.detach())
    };

    let start = Instant::now();
    let (m, loss) = step(model);
    model = m;
    floats(loss).await?;
    let first_step_ms = start.elapsed().as_secs_f64() * 1e3;

    let mut losses = Vec::with_capacity(cfg.warmup.max(cfg.steps));
    for _ in 0..cfg.warmup {
        let (m, loss) = step(model);
        model = m;
        losses.push(loss);
    }
    if !losses.is_empty() {
        floats(Tensor::cat(std::mem::take(&mut losses), 0)).await?;
    }

    let start = Instant::now();
    for _ in 0..cfg.steps {
        let (m, loss) = step(model);
        model = m;
        losses.push(loss);
    }
    let read = floats(Tensor::cat(losses, 0)).await?;
    let seconds = start.elapsed().as_secs_f64();
    Ok(Throughput {
        batch: cfg.batch,
        steps: cfg.steps,
        first_step_ms,
        ms_per_step: seconds * 1e3 / cfg.steps as f64,
        samples_per_s: (cfg.steps * cfg.batch) as f64 / seconds,
        last_loss: read.last().copied().unwrap_or(f32::NAN),
    })
}
