//! The page's sections: each renders part of the store and calls actions; none holds logic.

pub mod distill;
pub mod gpu_lost_banner;
pub mod import_weights;
pub mod intro;
pub mod own_picker;
pub mod results;
pub mod scenarios;
pub mod share;
pub mod synth;
pub mod teacher;
