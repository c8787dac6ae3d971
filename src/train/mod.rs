//! Training: the one loop ([`fit`]), its schedule and metrics, and stage 2's teacher.
//!
//! The schedule and the curve's points are plain data the page shows; the rest needs Burn (feature
//! `train`).

#[cfg(feature = "train")]
pub mod evaluate;
#[cfg(feature = "train")]
pub mod fit;
#[cfg(feature = "train")]
pub mod measure;
pub mod measured;
#[cfg(feature = "train")]
pub mod metrics;
#[cfg(feature = "train")]
pub mod readback;
pub mod schedule;
#[cfg(feature = "train")]
pub mod teacher;
#[cfg(feature = "train")]
pub mod throughput;

#[cfg(feature = "train")]
pub use fit::{Fitted, fit};
pub use measured::{BackendKind, Measured};
pub use schedule::{Schedule, TeacherConfig};
#[cfg(feature = "train")]
pub use teacher::{TrainedTeacher, fit_teacher, train_teacher};
