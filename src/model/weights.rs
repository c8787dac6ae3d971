//! A trained network as a burnpack file (Burn's own weights format) with what it takes to use it again:
//! its architecture, its classes and where it came from, in the file's metadata.

use std::collections::VecDeque;

use burn::module::{ModuleMapper, ModuleVisitor, Param};
use burn::prelude::*;
use burn::store::ModuleRecord;
use burn::tensor::{Bytes, TensorData};

use super::{Arch, Net, StudentKind, WeightsInfo};

const FORMAT: &str = "lwkd.format";
const FORMAT_VERSION: &str = "1";
/// SHA-256 of every tensor's name and bytes: a file damaged anywhere in its tensors is refused
/// (files saved before it existed have none and are read as before).
const CHECKSUM: &str = "lwkd.checksum";

fn arch_key(arch: Arch) -> &'static str {
    match arch {
        Arch::Student(kind) => kind.key(),
        Arch::Heavy => "heavy",
    }
}

fn arch_from_key(key: &str) -> Option<Arch> {
    match key {
        "heavy" => Some(Arch::Heavy),
        k => StudentKind::from_key(k).map(Arch::Student),
    }
}

/// Collects the float parameters, in visiting order.
struct Params(Vec<Tensor<1>>);

impl ModuleVisitor for Params {
    fn visit_float<const D: usize>(&mut self, param: &Param<Tensor<D>>) {
        self.0.push(param.val().flatten(0, D - 1));
    }
}

/// Puts the collected values back, in the same order, on another device.
struct Fill {
    values: VecDeque<TensorData>,
    device: Device,
}

impl ModuleMapper for Fill {
    fn map_float<const D: usize>(&mut self, param: Param<Tensor<D>>) -> Param<Tensor<D>> {
        let data = self
            .values
            .pop_front()
            .expect("same architecture, same parameters");
        let device = self.device.clone();
        param.map(|t| {
            let shape = t.shape();
            Tensor::<1>::from_data(data, &device).reshape(shape)
        })
    }
}

/// Why weights could not be written or read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum WeightsError {
    #[error("reading the weights back failed: {0}")]
    ReadBack(String),
    #[error("writing the weights failed: {0}")]
    Write(String),
    /// Not a file made by [`export`]: another format, another program's burnpack, damaged metadata.
    #[error("this is not a weights file saved by this app (a .bpk from “Download weights”): {0}")]
    NotOurs(String),
    #[error("the weights could not be read: {0}")]
    Unreadable(String),
    #[error("the weights do not fit the architecture they name: {0}")]
    Mismatch(String),
    #[error("this weights file is damaged: its tensors do not match the checksum saved with them")]
    Damaged,
}

/// The checksum of the tensors in `reader`, in name order.
fn checksum(reader: &burn_pack::Reader) -> Result<String, burn_pack::Error> {
    use sha2::{Digest, Sha256};
    let mut names = reader.tensor_names();
    names.sort_unstable();
    let mut hash = Sha256::new();
    for name in names {
        hash.update((name.len() as u64).to_le_bytes());
        hash.update(name.as_bytes());
        let data = reader.tensor_data(name)?;
        hash.update((data.len() as u64).to_le_bytes());
        hash.update(&data);
    }
    Ok(crate::data::images::hex(&hash.finalize()))
}

/// `net` on the CPU, its parameters read back asynchronously (a synchronous read panics on WebGPU in
/// wasm).
async fn to_cpu(net: &Net, arch: Arch, classes: usize) -> Result<Net, WeightsError> {
    let cpu = Device::flex();
    let params = params_of(net).await?;
    with_params(Net::new(arch, classes, &cpu), &params, &cpu)
        .ok_or_else(|| WeightsError::Mismatch("the copy has other parameters".into()))
}

/// The burnpack bytes of `net`, with `info` in the metadata.
pub async fn export(net: &Net, info: &WeightsInfo) -> Result<Vec<u8>, WeightsError> {
    let cpu = to_cpu(net, info.arch, info.class_names.len()).await?;
    let plain = cpu
        .into_record()
        .into_bytes()
        .map_err(|e| WeightsError::Write(e.to_string()))?;
    // ModuleRecord writes no metadata: read its tensors back and write them again with ours.
    let write_error = |e: burn_pack::Error| WeightsError::Write(e.to_string());
    let reader = burn_pack::Reader::from_bytes(plain).map_err(write_error)?;
    let sum = checksum(&reader).map_err(write_error)?;
    let tensors = reader.into_tensors().map_err(write_error)?;
    let names = serde_json::to_string(&info.class_names).expect("strings serialize");
    let bytes = burn_pack::Writer::new(tensors)
        .with_metadata(FORMAT, FORMAT_VERSION)
        .with_metadata("lwkd.arch", arch_key(info.arch))
        .with_metadata("lwkd.class_names", &names)
        .with_metadata("lwkd.target", &info.target)
        .with_metadata("lwkd.method", &info.method)
        .with_metadata("lwkd.test_acc", &info.test_acc.to_string())
        .with_metadata(CHECKSUM, &sum)
        .into_bytes()
        .map_err(|e| WeightsError::Write(e.to_string()))?;
    Ok(bytes.to_vec())
}

/// What a weights file made by [`export`] says about itself (no network is built: the page reads
/// this before sending the file to the training worker). Anything else — another format, another
/// program's burnpack, a damaged file — is a clear error.
pub fn read_info(bytes: &[u8]) -> Result<WeightsInfo, WeightsError> {
    let not_ours = |why: &str| WeightsError::NotOurs(why.to_string());
    let reader = burn_pack::Reader::from_bytes(Bytes::from_bytes_vec(bytes.to_vec()))
        .map_err(|e| not_ours(&e.to_string()))?;
    let meta = reader.metadata();
    let get = |key: &str| meta.get(key).cloned();
    if get(FORMAT).as_deref() != Some(FORMAT_VERSION) {
        return Err(not_ours(&format!(
            "its metadata has no “{FORMAT}: {FORMAT_VERSION}”"
        )));
    }
    if let Some(saved) = get(CHECKSUM)
        && checksum(&reader).ok().as_deref() != Some(saved.as_str())
    {
        return Err(WeightsError::Damaged);
    }
    let arch = get("lwkd.arch")
        .as_deref()
        .and_then(arch_from_key)
        .ok_or_else(|| not_ours("unknown architecture"))?;
    let class_names: Vec<String> = get("lwkd.class_names")
        .and_then(|s| serde_json::from_str(&s).ok())
        .filter(|n: &Vec<String>| (2..=100).contains(&n.len()))
        .ok_or_else(|| not_ours("no class names"))?;
    Ok(WeightsInfo {
        arch,
        target: get("lwkd.target").unwrap_or_default(),
        method: get("lwkd.method").unwrap_or_default(),
        test_acc: get("lwkd.test_acc")
            .and_then(|s| s.parse().ok())
            .unwrap_or(f32::NAN),
        class_names,
    })
}

/// Reads a weights file made by [`export`]: the network on `device` and what the file says about it.
pub fn import(bytes: &[u8], device: &Device) -> Result<(Net, WeightsInfo), WeightsError> {
    let info = read_info(bytes)?;
    let record = ModuleRecord::from_bytes(Bytes::from_bytes_vec(bytes.to_vec()))
        .map_err(|e| WeightsError::Unreadable(e.to_string()))?;
    let net = Net::new(info.arch, info.class_names.len(), device)
        .try_load_record(record)
        .map_err(|e| WeightsError::Mismatch(e.to_string()))?;
    Ok((net, info))
}

/// The float parameters of `module` on the host, in visiting order: what another worker needs to
/// rebuild it exactly ([`with_params`]).
pub async fn params_of<M: Module>(module: &M) -> Result<Vec<Vec<f32>>, WeightsError> {
    let mut params = Params(Vec::new());
    module.visit(&mut params);
    let mut out = Vec::with_capacity(params.0.len());
    for t in params.0 {
        let data = t
            .into_data_async()
            .await
            .map_err(|e| WeightsError::ReadBack(format!("{e:?}")))?;
        out.push(
            data.try_into_vec::<f32>()
                .map_err(|e| WeightsError::ReadBack(format!("{e:?}")))?,
        );
    }
    Ok(out)
}

/// `blank` (the same architecture) with `params` from [`params_of`], on `device`; None when they do
/// not fit it.
pub fn with_params<M: Module>(blank: M, params: &[Vec<f32>], device: &Device) -> Option<M> {
    let mut shapes = Params(Vec::new());
    blank.visit(&mut shapes);
    let fits = shapes.0.len() == params.len()
        && shapes
            .0
            .iter()
            .zip(params)
            .all(|(t, p)| t.dims()[0] == p.len());
    fits.then(|| {
        let values = params
            .iter()
            .map(|p| TensorData::new(p.clone(), [p.len()]))
            .collect();
        blank.map(&mut Fill {
            values,
            device: device.clone(),
        })
    })
}
