//! Models. Every classifier takes `[batch, 1, 28, width]` images and returns `[batch, classes]` logits.
//!
//! `arch` (names and sizes) is all the page needs; the networks themselves need Burn (feature `train`).

pub mod arch;
#[cfg(feature = "train")]
pub mod classifier;
#[cfg(feature = "train")]
pub mod conv_features;
#[cfg(feature = "train")]
pub mod discriminator;
#[cfg(feature = "train")]
pub mod heavy_cnn;
#[cfg(feature = "train")]
pub mod lenet;
#[cfg(feature = "train")]
pub mod mlp;
#[cfg(feature = "train")]
pub mod net;
#[cfg(feature = "train")]
pub mod seeded;
#[cfg(feature = "train")]
pub mod small_cnn;
#[cfg(feature = "train")]
pub mod weights;
pub mod weights_info;

pub use arch::{Arch, StudentKind, parameter_count};
#[cfg(feature = "train")]
pub use classifier::Classifier;
#[cfg(feature = "train")]
pub use discriminator::Discriminator;
#[cfg(feature = "train")]
pub use lenet::{LeNet5, LeNet5Config};
#[cfg(feature = "train")]
pub use net::Net;
#[cfg(feature = "train")]
pub use seeded::SeededInit;
#[cfg(feature = "train")]
pub use weights::{export, import, params_of, read_info, with_params};
pub use weights_info::WeightsInfo;
