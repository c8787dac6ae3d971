//! Stage 3: distilling a student on the target dataset with LW-KD, and the baselines beside it.

pub mod compare;
pub mod config;
pub mod losses;
pub mod method;
pub mod targets;
pub mod train;

pub use compare::{LightTeacher, MethodResult, Showcase, compare};
pub use config::DistillConfig;
pub use method::{Method, TeacherInput};
pub use targets::TargetSource;
pub use train::{EpochPoint, Trained, train_net};
