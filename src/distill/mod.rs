//! Stage 3: distilling a student on the target dataset with LW-KD, and the baselines beside it.

pub mod compare;
pub mod config;
pub mod losses;
pub mod method;
pub mod objective;
pub mod showcase;
pub mod soften;
pub mod stats;
pub mod targets;
pub mod train;

pub use compare::{LightTeacher, MethodResult, compare};
pub use config::DistillConfig;
pub use method::{Method, TeacherInput, TfKdStudent};
pub use showcase::Showcase;
pub use targets::TargetSource;
pub use train::{Trained, train_net};
