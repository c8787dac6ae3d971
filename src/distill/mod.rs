//! Stage 3: distilling a student on the target dataset with LW-KD, and the baselines beside it.
//!
//! The methods, settings, results, statistics and the soft-target picture are plain data the page
//! holds; training them needs Burn (feature `train`).

pub mod check;
#[cfg(feature = "train")]
pub mod compare;
pub mod config;
#[cfg(feature = "train")]
pub mod losses;
pub mod method;
#[cfg(feature = "train")]
pub mod objective;
pub mod result;
pub mod showcase;
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
pub use method::{Method, TeacherInput, TfKdStudent};
pub use result::MethodResult;
pub use showcase::Showcase;
#[cfg(feature = "train")]
pub use targets::TargetSource;
#[cfg(feature = "train")]
pub use train::{Trained, train_net};
