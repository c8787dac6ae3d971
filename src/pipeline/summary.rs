//! What a finished stage reports to whoever shows it (the page, the CLI), without its tensors.

use serde::{Deserialize, Serialize};

#[cfg(feature = "train")]
use crate::train::TrainedTeacher;

/// The trained lightweight teacher as the page shows it (the model itself stays with the session).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeacherSummary {
    pub val_acc: f32,
    pub train_acc: f32,
    pub seconds: f32,
    pub first_step_s: f32,
    pub ms_per_step: f32,
    /// Where it trained (filled in by the page, which chose).
    pub backend: String,
    /// The teacher's prediction for every validation image.
    pub preview: Vec<u8>,
}

#[cfg(feature = "train")]
impl From<&TrainedTeacher> for TeacherSummary {
    fn from(t: &TrainedTeacher) -> Self {
        Self {
            val_acc: t.val_acc,
            train_acc: t.train_acc,
            seconds: t.seconds,
            first_step_s: t.first_step_s,
            ms_per_step: t.ms_per_step,
            backend: String::new(),
            preview: t.val_predictions.clone(),
        }
    }
}
