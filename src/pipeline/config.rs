//! Every setting of a run, in one serialisable struct (its knobs — limits, keys, labels — are declared
//! in [`super::knobs`]). Invalid values are reported per field and replaced by the default, so a bad
//! form entry or a bad link never reaches the training code.

use serde::{Deserialize, Serialize};

use super::BackendPreference;
use super::knob::{FieldError, Problem};
use super::knobs::KNOBS;
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
    /// Share of the target's training labels flipped (0: none).
    pub label_noise: f64,
    /// Students per method, on seeds seed, seed + 1, …: the table shows mean ± spread.
    pub seeds: usize,
    /// The methods to compare, in order.
    pub methods: Vec<Method>,
}

impl Default for Config {
    /// The default link opens the "Noisy labels" scenario (`super::scenarios`): the one with the most
    /// to show, measured in the README. Where it departs from a stage's own defaults it says so here.
    fn default() -> Self {
        let s = SynthConfig::default();
        let t = TeacherConfig::default();
        let d = DistillConfig::default();
        Self {
            classes: s.classes,
            // A lightweight teacher: LW-KD's student does as well with it as with one trained 25× longer.
            per_class: 200,
            val_per_class: s.val_per_class,
            seed: s.seed,
            teacher_epochs: 2,
            batch_size: t.batch_size,
            lr: t.lr,
            backend: BackendPreference::Auto,
            target: TargetKind::default(),
            // Few, noisy labels and long training: where CE memorises and soft targets do not.
            student: StudentKind::Mlp,
            teacher_input: d.teacher_input,
            distill_epochs: 30,
            train_per_class: 100,
            temperature: 4.0,
            alpha: 0.5,
            beta: d.beta,
            heavy_epochs: 1,
            label_noise: 0.3,
            seeds: 1,
            methods: Method::ALL.to_vec(),
        }
    }
}

/// The largest synthesized training set, in pixels (~200 MB of bytes): beyond it a browser tab runs out
/// of memory long before training ends. The tab holds several copies (the page's, the worker's, the
/// message between them, the batches): at this cap about 1.6 GB, which the estimate shown before the
/// run says in advance.
pub const MAX_PIXELS: usize = 200_000_000;

impl Config {
    /// Every setting out of its range (see [`KNOBS`]), and a synthesized set too large for a tab.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> =
            KNOBS.iter().filter_map(|k| k.check(self).err()).collect();
        if errors.is_empty() {
            let pixels_per_image = 784 * digits_for(self.classes);
            if self.classes * self.per_class * pixels_per_image > MAX_PIXELS {
                errors.push(FieldError {
                    field: "per_class",
                    problem: Problem::TooLarge {
                        classes: self.classes,
                        per_class: self.per_class,
                        max: MAX_PIXELS / (self.classes * pixels_per_image),
                    },
                });
            }
        }
        errors
    }

    /// This config with every invalid field reset to its default, and the list of what was reset.
    pub fn sanitized(mut self) -> (Self, Vec<FieldError>) {
        let errors = self.validate();
        let d = Self::default();
        for knob in KNOBS
            .iter()
            .filter(|k| errors.iter().any(|e| e.field == k.field))
        {
            (knob.put)(&mut self, (knob.get)(&d));
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
            label_noise: self.label_noise,
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
