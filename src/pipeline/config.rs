//! Every knob of a run, with its limits. Invalid values are reported per field and replaced by the
//! default, so a bad form entry (or, later, a bad link) never reaches the training code.

use serde::{Deserialize, Serialize};

use super::BackendPreference;
use crate::data::numeral::digits_for;
use crate::data::{SynthConfig, TargetKind};
use crate::distill::{DistillConfig, Method, TeacherInput};
use crate::model::StudentKind;
use crate::train::TeacherConfig;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Config {
    pub classes: usize,
    pub per_class: usize,
    pub val_per_class: usize,
    pub seed: u64,
    pub teacher_epochs: usize,
    pub batch_size: usize,
    pub lr: f64,
    pub backend: BackendPreference,
    // Stage 3
    pub target: TargetKind,
    pub student: StudentKind,
    pub teacher_input: TeacherInput,
    pub distill_epochs: usize,
    pub train_per_class: usize,
    pub temperature: f64,
    pub alpha: f64,
    pub beta: f64,
    pub heavy_epochs: usize,
    /// The methods to compare, in order.
    pub methods: Vec<Method>,
}

impl Default for Config {
    fn default() -> Self {
        let s = SynthConfig::default();
        let t = TeacherConfig::default();
        let d = DistillConfig::default();
        Self {
            classes: s.classes,
            per_class: s.per_class,
            val_per_class: s.val_per_class,
            seed: s.seed,
            teacher_epochs: t.epochs,
            batch_size: t.batch_size,
            lr: t.lr,
            backend: BackendPreference::Auto,
            target: TargetKind::default(),
            student: d.student,
            teacher_input: d.teacher_input,
            distill_epochs: d.epochs,
            train_per_class: d.train_per_class,
            temperature: d.temperature,
            alpha: d.alpha,
            beta: d.beta,
            heavy_epochs: d.heavy_epochs,
            methods: Method::ALL.to_vec(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

/// The largest synthesized training set, in pixels (~200 MB of bytes): beyond it a browser tab runs out
/// of memory long before training ends.
pub const MAX_PIXELS: usize = 200_000_000;

/// The largest training subset per class of stage 3 (the app's Fashion-MNIST file holds 1,000).
pub const MAX_TRAIN_PER_CLASS: usize = 1000;

fn range<T: PartialOrd + std::fmt::Display>(
    errors: &mut Vec<FieldError>,
    field: &'static str,
    value: T,
    lo: T,
    hi: T,
) {
    if !(value >= lo && value <= hi) {
        errors.push(FieldError {
            field,
            message: format!("must be between {lo} and {hi} (got {value})"),
        });
    }
}

impl Config {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut e = Vec::new();
        range(&mut e, "classes", self.classes, 2, 100);
        range(&mut e, "per_class", self.per_class, 10, 5000);
        range(&mut e, "val_per_class", self.val_per_class, 10, 1000);
        range(&mut e, "teacher_epochs", self.teacher_epochs, 1, 50);
        range(&mut e, "batch_size", self.batch_size, 1, 1024);
        if !self.lr.is_finite() || self.lr <= 0.0 || self.lr > 1.0 {
            e.push(FieldError {
                field: "lr",
                message: format!("must be a number in (0, 1] (got {})", self.lr),
            });
        }
        range(&mut e, "distill_epochs", self.distill_epochs, 1, 50);
        range(
            &mut e,
            "train_per_class",
            self.train_per_class,
            10,
            MAX_TRAIN_PER_CLASS,
        );
        range(&mut e, "heavy_epochs", self.heavy_epochs, 1, 50);
        // `range` also rejects NaN: every comparison with NaN is false.
        range(&mut e, "temperature", self.temperature, 0.5, 100.0);
        range(&mut e, "alpha", self.alpha, 0.0, 1.0);
        range(&mut e, "beta", self.beta, 0.0, 10.0);
        if e.is_empty() {
            let pixels = self.classes * self.per_class * 784 * digits_for(self.classes);
            if pixels > MAX_PIXELS {
                e.push(FieldError {
                    field: "per_class",
                    message: format!(
                        "{} classes × {} images is too large for a browser tab (at most {} images per class for this K)",
                        self.classes,
                        self.per_class,
                        MAX_PIXELS / (self.classes * 784 * digits_for(self.classes))
                    ),
                });
            }
        }
        e
    }

    /// This config with every invalid field reset to its default, and the list of what was reset.
    pub fn sanitized(mut self) -> (Self, Vec<FieldError>) {
        let errors = self.validate();
        let d = Self::default();
        for err in &errors {
            match err.field {
                "classes" => self.classes = d.classes,
                "per_class" => self.per_class = d.per_class,
                "val_per_class" => self.val_per_class = d.val_per_class,
                "teacher_epochs" => self.teacher_epochs = d.teacher_epochs,
                "batch_size" => self.batch_size = d.batch_size,
                "lr" => self.lr = d.lr,
                "distill_epochs" => self.distill_epochs = d.distill_epochs,
                "train_per_class" => self.train_per_class = d.train_per_class,
                "heavy_epochs" => self.heavy_epochs = d.heavy_epochs,
                "temperature" => self.temperature = d.temperature,
                "alpha" => self.alpha = d.alpha,
                "beta" => self.beta = d.beta,
                _ => {}
            }
        }
        if !self.validate().is_empty() {
            let backend = self.backend;
            self = Self { backend, ..d };
        }
        (self, errors)
    }

    pub fn synth(&self) -> SynthConfig {
        SynthConfig {
            classes: self.classes,
            per_class: self.per_class,
            val_per_class: self.val_per_class,
            seed: self.seed,
            ..SynthConfig::default()
        }
    }

    pub fn distill(&self) -> DistillConfig {
        DistillConfig {
            student: self.student,
            teacher_input: self.teacher_input,
            epochs: self.distill_epochs,
            train_per_class: self.train_per_class,
            temperature: self.temperature,
            alpha: self.alpha,
            beta: self.beta,
            heavy_epochs: self.heavy_epochs,
            seed: self.seed,
            ..DistillConfig::default()
        }
    }

    pub fn teacher(&self) -> TeacherConfig {
        TeacherConfig {
            epochs: self.teacher_epochs,
            batch_size: self.batch_size,
            lr: self.lr,
            seed: self.seed,
            ..TeacherConfig::default()
        }
    }
}
