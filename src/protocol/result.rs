//! One method's outcome in a comparison: what the table, the charts, the exports and the pool's merge
//! need (no Burn: the page holds these).

use serde::{Deserialize, Serialize};

use super::{EpochPoint, Method};
use crate::model::StudentKind;

/// One method's outcome, as the table and the charts need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MethodResult {
    pub method: Method,
    pub student: StudentKind,
    pub params: usize,
    pub test_acc: f32,
    pub train_acc: f32,
    pub teacher_s: f32,
    /// The heavy teacher's own test accuracy (vanilla KD only): it must be clearly better than the
    /// students for its soft targets to carry anything.
    #[serde(default)]
    pub heavy_acc: Option<f32>,
    /// Its heavy teacher was trained before the comparison, while stage 2 ran (the page's pool does
    /// that); its time counts in `teacher_s` all the same.
    #[serde(default)]
    pub heavy_ahead: bool,
    pub distill_s: f32,
    /// The student's optimizer steps (the time per step of a comparison is `distill_s / steps`).
    #[serde(default)]
    pub steps: usize,
    pub total_s: f32,
    pub curve: Vec<EpochPoint>,
    pub test_predictions: Vec<u8>,
    /// The seed this student was trained with (a comparison over seeds holds one result per seed).
    #[serde(default)]
    pub seed: u64,
    /// The seed its lightweight teacher was trained for (LW-KD and its controls): the student's own
    /// when each seed trains its own teacher, stage 2's when one teaches all.
    #[serde(default)]
    pub teacher_seed: Option<u64>,
    /// The student's logits on each showcase test image (re-softened by the page's explorer).
    #[serde(default)]
    pub showcase_logits: Vec<Vec<f32>>,
    /// The trained student as a burnpack file (see `model::weights`); not kept in browser storage.
    #[serde(skip)]
    pub weights: Vec<u8>,
}
