//! Reusable pieces of the page: plotters charts, image grids, the confusion matrix, the soft-target
//! picture, run controls, notices and the settings' form fields.

pub mod chart;
pub mod confusion;
pub mod fields;
pub mod grid;
pub mod label_layout;
pub mod line_chart;
pub mod notice;
pub mod redraw;
pub mod run_controls;
pub mod settings;
pub mod soft_view;
pub mod stage;
