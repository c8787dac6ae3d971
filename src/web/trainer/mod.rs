//! Training off the main thread (issue 6): a dedicated worker runs the same wasm module and does every
//! training step, so the page's main thread only draws and answers the person. The page and the worker
//! exchange the messages of [`messages`] in CBOR.

pub mod client;
pub mod messages;
mod module;
pub mod watchdog;
#[cfg(feature = "train")]
pub mod worker;
#[cfg(feature = "train")]
mod worker_host;
