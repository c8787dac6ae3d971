//! Stage 3: distilling a student on the target dataset with LW-KD, and the baselines beside it.
//!
//! The settings and statistics are plain data the page holds; training needs Burn
//! (feature `train`). The methods' names, a result and the soft-target picture are in `protocol`.

#[cfg(feature = "train")]
pub mod adversarial;
#[cfg(feature = "train")]
pub mod compare;
pub mod config;
#[cfg(feature = "train")]
pub mod losses;
pub mod modes;
#[cfg(feature = "train")]
pub mod objective;
#[cfg(feature = "train")]
pub mod showcase_outputs;
pub mod soften;
pub mod stats;
#[cfg(feature = "train")]
pub mod targets;
#[cfg(feature = "train")]
pub mod train;

#[cfg(feature = "train")]
pub use compare::{LightTeacher, compare, train_heavy};
pub use config::DistillConfig;
pub use modes::{AdvScale, TeacherInput, TfKdStudent};
#[cfg(feature = "train")]
pub use targets::TargetSource;
#[cfg(feature = "train")]
pub use train::{Trained, train_net};
