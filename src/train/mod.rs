//! Training: the one loop ([`fit`]), its schedule and metrics, and stage 2's teacher.

pub mod evaluate;
pub mod fit;
pub mod metrics;
pub mod readback;
pub mod schedule;
pub mod teacher;
pub mod throughput;

pub use fit::{EpochPoint, Fitted, Schedule, fit};
pub use teacher::{TeacherConfig, TrainedTeacher, train_teacher};
