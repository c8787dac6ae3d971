//! What a saved student's weights file says about itself (its metadata): read in the training worker
//! (`weights.rs`), shown and acted on by the page.

use serde::{Deserialize, Serialize};

use super::Arch;

/// What a weights file says about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeightsInfo {
    pub arch: Arch,
    pub class_names: Vec<String>,
    /// The dataset it was trained on, as shown to people (e.g. "Fashion-MNIST").
    pub target: String,
    /// The method that trained it (its label).
    pub method: String,
    /// Test accuracy when it was saved.
    pub test_acc: f32,
}
