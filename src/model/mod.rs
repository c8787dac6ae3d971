//! Models. Every classifier takes `[batch, 1, 28, width]` images and returns `[batch, classes]` logits.

pub mod classifier;
pub mod conv_features;
pub mod discriminator;
pub mod heavy_cnn;
pub mod lenet;
pub mod mlp;
pub mod net;
pub mod small_cnn;
pub mod weights;

pub use classifier::Classifier;
pub use discriminator::Discriminator;
pub use lenet::{LeNet5, LeNet5Config};
pub use net::{Arch, Net, StudentKind, parameter_count};
pub use weights::{WeightsInfo, export, import, params_of, read_info, with_params};
