//! What the page asks of the training worker, and what the worker answers.

use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::data::{ImageSet, SynthConfig, SynthSet, Target};
use crate::distill::DistillConfig;
use crate::model::WeightsInfo;
use crate::pipeline::{Plan, TeacherSummary};
use crate::protocol::{Control, Event, MethodResult, Stop};
use crate::train::{BackendKind, Measured, TeacherConfig};

#[derive(Serialize, Deserialize)]
pub enum Request {
    /// Train the lightweight teacher on `set` (made in `synth_s`); the worker keeps it for stage 3, as
    /// teacher `id`.
    Teacher {
        set: Shared<SynthSet>,
        synth_s: f32,
        cfg: TeacherConfig,
        backend: BackendKind,
        id: u64,
    },
    Distill(Box<DistillJob>),
    /// Train the job's vanilla KD heavy teacher now, on the CPU, without a word to the page, and keep
    /// it for the job (stage 2 runs meanwhile: `actions::heavy_ahead`).
    HeavyTeacher(Box<DistillJob>),
    /// Pause, resume or cancel the running job (read at its next checkpoint).
    Control(Control),
    /// The WebGPU device was lost: forget it, and the teacher that lived on it.
    ForgetGpu,
    /// What a saved student's file (a burnpack file made by `model::export`) says about itself.
    ReadWeights {
        #[serde(with = "serde_bytes")]
        weights: Vec<u8>,
    },
    /// Measure a saved student on `test`, on the CPU.
    Evaluate {
        #[serde(with = "serde_bytes")]
        weights: Vec<u8>,
        test: Shared<ImageSet>,
    },
    /// Time both backends and check that WebGPU agrees with the CPU (`train::measure`).
    MeasureBackends,
    /// Panic on purpose (tests: a panic in the worker must reach the page's error panel).
    DeliberatePanic,
}

/// Stage 3's work for one worker: the page's pool splits a comparison's plan into one job per
/// student (a method on a seed), or sends it whole to one worker.
#[derive(Clone, Serialize, Deserialize)]
pub struct DistillJob {
    /// The students to train, checked by the page when it planned them.
    pub plan: Plan,
    pub target: SentOnce<Target>,
    pub cfg: DistillConfig,
    /// Where the students train when there is no teacher (otherwise: where the teacher lives).
    pub backend: BackendKind,
    /// The page's teacher: its synthesis + training time, and the digits it draws numerals from.
    /// None when the page has none (the worker then ignores any teacher it still holds).
    pub teacher: Option<TeacherInputs>,
    /// Compute the soft-target picture first (a fresh run).
    pub showcase: bool,
}

/// A dataset sent to each worker once — the target (16 MB for Fashion-MNIST), the digits (7.8 MB) —
/// and then named by its id.
#[derive(Serialize, Deserialize)]
#[serde(bound(serialize = "T: Serialize", deserialize = "T: Deserialize<'de>"))]
pub struct SentOnce<T> {
    /// Unique while the page holds the dataset (see `client::send_once`).
    pub id: u64,
    /// None: the worker holds it from an earlier job.
    pub data: Option<Shared<T>>,
}

impl<T> SentOnce<T> {
    pub fn new(data: Arc<T>) -> Self {
        Self {
            id: Arc::as_ptr(&data) as usize as u64,
            data: Some(Shared(data)),
        }
    }
}

impl<T> Clone for SentOnce<T> {
    fn clone(&self) -> Self {
        Self {
            id: self.id,
            data: self.data.clone(),
        }
    }
}

#[derive(Clone, Serialize, Deserialize)]
pub struct TeacherInputs {
    /// Synthesis + training time of the page's teacher.
    pub cost_s: f32,
    /// The seed the page's teacher was trained for (it teaches that seed's students).
    pub seed: u64,
    /// Each other seed's own teacher: numerals and teacher with these settings on that seed (the
    /// page's teacher's settings). None: the page's teacher teaches every seed.
    pub per_seed: Option<(SynthConfig, TeacherConfig)>,
    /// The teacher the page means; a worker that does not hold it rebuilds it from `params`.
    pub id: u64,
    pub classes: usize,
    pub params: Shared<Vec<Vec<f32>>>,
    /// The training and held-out digits (the numerals are drawn from the first).
    pub digits: SentOnce<(ImageSet, ImageSet)>,
    pub max_shift: u32,
}

#[derive(Serialize, Deserialize)]
pub enum Reply {
    /// The worker has loaded the module and listens.
    Ready,
    /// A heartbeat, every second while the worker's event loop turns (`watchdog.rs`), and just
    /// before each `Done`: what the worker holds.
    Alive(Vitals),
    Event(Event),
    /// A finished method, with its weights (left out of `MethodResult`'s own serialization).
    MethodDone {
        result: Box<MethodResult>,
        #[serde(with = "serde_bytes")]
        weights: Vec<u8>,
    },
    /// WebGPU could not start for the teacher; it trains on the CPU instead.
    CpuFallback(String),
    /// The job ended.
    Done(Result<Done, Stop>),
    /// The worker panicked; it is of no further use.
    Panic(String),
}

/// What a worker holds: its memory, and whether it keeps work the page could not rebuild from what it
/// has (a teacher on WebGPU, a heavy teacher trained ahead, the other seeds' teachers).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Vitals {
    /// Its wasm memory, in bytes (it only grows; the worker gives it back by ending).
    pub memory: u64,
    pub keeps_work: bool,
}

impl Vitals {
    /// A worker holding more than this, and no work the page needs, is ended after its job (or its
    /// cancel), so the tab gives its memory back; the next job starts a fresh one. Above what the
    /// default demo's workers hold (docs/performance.md), so the demo never waits for a new one.
    pub const RELEASE_ABOVE: u64 = 256 << 20;

    /// Whether the page should end this worker once its job is over.
    pub fn worth_releasing(&self) -> bool {
        self.memory > Self::RELEASE_ABOVE && !self.keeps_work
    }
}

#[derive(Serialize, Deserialize)]
pub enum Done {
    /// The trained teacher as the page shows it (the page fills in `backend`, which it chose), and its
    /// weights for the other workers (the model itself stays in this one, on its device).
    Teacher {
        summary: TeacherSummary,
        params: Vec<Vec<f32>>,
    },
    Distill,
    HeavyTeacher,
    /// What a saved student's file says about itself.
    WeightsRead(WeightsInfo),
    /// A saved student's test accuracy.
    Evaluated(f32),
    Measured(Measured),
}

/// A dataset the page already holds behind an `Arc`: written from that copy (no clone of megabytes of
/// pixels on the page), read into a fresh one in the worker.
pub struct Shared<T>(pub Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Self(self.0.clone())
    }
}

impl<T: Serialize> Serialize for Shared<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shared<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|t| Shared(Arc::new(t)))
    }
}

/// The message's bytes, in a buffer of exactly their size: a growing one would hold up to twice a
/// large dataset while it grows, and the page's wasm memory never shrinks back.
pub fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    let mut size = Counter(0);
    ciborium::into_writer(value, &mut size).expect("counting CBOR bytes cannot fail");
    let mut out = Vec::with_capacity(size.0);
    ciborium::into_writer(value, &mut out).expect("writing CBOR to memory cannot fail");
    out
}

/// A writer that only counts.
struct Counter(usize);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn decode<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, String> {
    ciborium::from_reader(bytes).map_err(|e| format!("a garbled message: {e}"))
}
