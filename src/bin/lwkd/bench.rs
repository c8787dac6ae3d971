//! `lwkd bench`: LeNet-5 training throughput natively, with the protocol of `bench/browser.mjs` and
//! `bench/torch_lenet.py` (see `lwkd::train::throughput`). Run it through `bench/native.sh`, which also
//! runs the PyTorch peer and pins Flex to one thread for the wasm comparison.

use std::path::PathBuf;

use lwkd::data::TargetKind;
use lwkd::data::local::load_target;
use lwkd::train::throughput::{ThroughputConfig, lenet_throughput};

use super::backend::Backend;
use super::error::CliError;
use super::stages::DATA_DIR;

#[derive(clap::Args)]
pub struct BenchArgs {
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    /// Batch sizes, each measured in turn.
    #[arg(long, value_delimiter = ',', default_value = "64,256")]
    batch: Vec<usize>,
    #[arg(long, default_value_t = 5)]
    warmup: usize,
    #[arg(long, default_value_t = 30)]
    steps: usize,
    /// How many Fashion-MNIST training images: every (10,000 / images)-th one, as the file is sorted by
    /// class (the peers take the same ones).
    #[arg(long, default_value_t = 2000)]
    images: usize,
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
}

pub fn run(a: &BenchArgs) -> Result<(), CliError> {
    let target = load_target(&a.data_dir, TargetKind::Fashion)?;
    let n = a.images.clamp(1, target.train.len());
    let stride = target.train.len() / n;
    let labels: Vec<u8> = (0..n).map(|i| target.train.labels[i * stride]).collect();
    let pixels: Vec<u8> = (0..n)
        .flat_map(|i| target.train.image(i * stride))
        .copied()
        .collect();
    let runs: Vec<ThroughputConfig> = a
        .batch
        .iter()
        .map(|&batch| ThroughputConfig {
            classes: 10,
            batch,
            warmup: a.warmup,
            steps: a.steps,
        })
        .collect();
    if let Some(e) = runs.iter().find_map(|c| c.check(&pixels, &labels).err()) {
        return Err(CliError::Usage(vec![e.to_string()]));
    }
    let device = a.backend.device()?;
    for cfg in &runs {
        let t = futures::executor::block_on(lenet_throughput(&device, &pixels, &labels, cfg))
            .map_err(|_| CliError::Other("the device stopped answering".into()))?;
        let mut json = serde_json::to_value(&t).expect("plain numbers");
        json["backend"] = a.backend.key().into();
        println!("{json}");
    }
    Ok(())
}
