//! Training loops and their metrics.

pub mod classifier;
pub mod metrics;
pub mod readback;
pub mod teacher;
pub mod throughput;

pub use teacher::{TeacherConfig, TrainedTeacher, train_teacher};
