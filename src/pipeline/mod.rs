//! The orchestration above the core: one serialisable [`Config`] (every setting, declared once in
//! [`knobs`]) and the stage settings derived from it, the link and the view, the scenarios, the
//! estimate before a run and the tab's memory for it, the backend policy, and the [`Session`] that
//! runs synthesize → teacher → compare for the CLI and the training worker. Nothing below (data, model, protocol, train, distill)
//! imports this layer.

pub mod backend;
#[cfg(feature = "train")]
pub mod comparison;
pub mod config;
pub mod estimate;
pub mod knob;
pub mod knobs;
pub mod link_problem;
pub mod memory;
pub mod plan;
pub mod scenarios;
#[cfg(feature = "train")]
pub mod session;
pub mod stages;
pub mod summary;
#[cfg(feature = "train")]
pub mod tune;
pub mod url;
pub mod view;
pub mod workers;

pub use backend::{BackendChoice, BackendPreference, GpuInfo};
pub use config::Config;
pub use knob::{FieldError, Knob, Problem};
pub use knobs::KNOBS;
pub use plan::{Plan, Teachers, Unit};
#[cfg(feature = "train")]
pub use session::{CompareJob, Session, Teaching};
pub use summary::TeacherSummary;
