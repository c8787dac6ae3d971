//! What a running stage reports and obeys — below the training code, above nothing but data and
//! models: the [`Event`]s a stage emits, the [`Host`] seam it runs through, what the person asks of it
//! ([`Control`]), why it stopped ([`Stop`], [`Cancelled`], a lost device), and the plain data those
//! events carry (the methods' names, a method's result, the soft-target picture). No Burn here: the
//! page, built without it, holds all of this.

pub mod control;
pub mod device_loss;
pub mod epoch_point;
pub mod events;
pub mod host;
pub mod method;
pub mod result;
pub mod showcase;
pub mod stop;

pub use control::Control;
pub use epoch_point::EpochPoint;
pub use events::{Event, LossParts, Stage, StepPoint};
pub use host::{CallbackHost, Cancelled, Host};
pub use method::Method;
pub use result::MethodResult;
pub use showcase::Showcase;
pub use stop::Stop;
