//! Plain-data statuses and summaries that the state's signals hold.

use std::sync::Arc;

use crate::data::{SynthConfig, TargetKind};
use crate::protocol::Stage;
use crate::train::TeacherConfig;

/// Where shown results that were not computed on this page come from, and their settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The settings (link query) that produced them.
    pub query: String,
    /// Saved by another tab (or an earlier one), not this tab's last run.
    pub other_tab: bool,
    /// The recorded run's file the link named (`rec=`), where they come from one.
    pub recording: Option<String>,
}

/// A message for the person, shown next to the controls of the stage it is about (None: at the top).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub stage: Option<u8>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DataStatus {
    /// A recorded run is shown: the digits load when the reader asks for a live run.
    NotAsked,
    Loading,
    Ready {
        ms: f64,
    },
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum TargetStatus {
    Idle,
    Loading(TargetKind),
    Ready(TargetKind),
    Failed(String),
}

/// Reading the person's own images.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnStatus {
    Idle,
    Reading { done: usize, total: usize },
    Ready,
    Failed(String),
}

/// The trained lightweight teacher. The model itself stays in the training worker that trained it, on
/// its device; the page keeps its weights too, so that the other workers of stage 3's pool can teach.
pub struct TeacherHandle {
    pub classes: usize,
    /// Synthesis + training time: LW-KD's teacher cost.
    pub cost_s: f32,
    /// Names this teacher to the workers (a worker holding it need not load it again).
    pub id: u64,
    pub params: Arc<Vec<Vec<f32>>>,
    /// The settings it was trained with (a seed of its own trains with these, on that seed).
    pub synth: SynthConfig,
    pub teacher: TeacherConfig,
    /// It lives on WebGPU (stage 3 then runs in its one worker).
    pub on_gpu: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    /// The stage the figures belong to.
    pub stage: Option<Stage>,
    pub step: usize,
    pub total: usize,
    pub samples_per_s: f32,
    pub elapsed_s: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SynthSummary {
    pub classes: usize,
    pub train: usize,
    pub val: usize,
    pub rows: usize,
    pub cols: usize,
    pub seconds: f32,
    pub fingerprint: String,
}
