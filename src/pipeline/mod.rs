//! The pipeline: one serialisable [`Config`], stages that emit typed [`Event`]s through a [`Host`], and
//! the policy that picks a backend. The host (the web UI or the CLI) decides how to pace, pause and
//! cancel; the stages only call [`Host::checkpoint`] between units of work.

pub mod backend;
pub mod config;
pub mod control;
pub mod estimate;
pub mod events;
pub mod host;
pub mod knob;
pub mod knobs;
pub mod scenarios;
#[cfg(feature = "train")]
pub mod session;
pub mod stages;
pub mod stop;
pub mod summary;
pub mod url;
pub mod view;

pub use backend::{BackendChoice, BackendKind, BackendPreference, GpuInfo, Measured};
pub use config::Config;
pub use control::Control;
pub use events::{Event, Stage};
pub use host::{Cancelled, Host};
pub use knob::{FieldError, Knob, Problem};
pub use knobs::KNOBS;
#[cfg(feature = "train")]
pub use session::{CompareJob, Session, Taught};
pub use stop::Stop;
pub use summary::TeacherSummary;
