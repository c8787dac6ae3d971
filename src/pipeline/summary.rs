//! What a finished stage reports about itself, for the person to read.

/// The trained lightweight teacher as it is shown: accuracies, timings and its predictions.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TeacherSummary {
    pub val_acc: f32,
    pub train_acc: f32,
    pub seconds: f32,
    pub first_step_s: f32,
    pub ms_per_step: f32,
    pub backend: String,
    /// The teacher's prediction for every validation image.
    pub preview: Vec<u8>,
}
