//! Training loops and their metrics.

pub mod classifier;
pub mod metrics;
pub mod readback;
pub mod teacher;

pub use teacher::{TeacherConfig, TrainedTeacher, train_teacher};
