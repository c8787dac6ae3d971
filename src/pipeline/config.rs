//! Every setting of a run, in one serialisable struct (its knobs — limits, keys, labels — are declared
//! in [`super::knobs`]). Invalid values are reported per field and replaced by the default, so a bad
//! form entry or a bad link never reaches the training code.

use serde::{Deserialize, Serialize};

use super::BackendPreference;
use super::knob::{FieldError, Problem};
use super::knobs::KNOBS;
use super::memory;
use super::plan::Teachers;
use crate::data::{SynthConfig, TargetKind, numeral::digits_for};
use crate::distill::{AdvScale, DistillConfig, TeacherInput, TfKdStudent};
use crate::model::StudentKind;
use crate::protocol::Method;
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
    /// LW-KD's T, α, β and the adversarial term's scale (its ablation and controls share them).
    pub temperature: f64,
    pub alpha: f64,
    pub beta: f64,
    pub adv_scale: AdvScale,
    /// Label smoothing's ε.
    pub smoothing: f64,
    /// Tf-KD_reg's a, T and α.
    pub tfkd_a: f64,
    pub tfkd_temperature: f64,
    pub tfkd_alpha: f64,
    /// Vanilla KD's T and α.
    pub kd_temperature: f64,
    pub kd_alpha: f64,
    pub heavy_epochs: usize,
    /// Share of the target's training labels flipped (0: none).
    pub label_noise: f64,
    /// Students per method, on seeds seed, seed + 1, …: the table shows mean ± spread.
    pub seeds: usize,
    /// Whether each seed trains its own lightweight teacher, or all use stage 2's.
    pub teachers: Teachers,
    /// The methods to compare, in order.
    pub methods: Vec<Method>,
}

impl Default for Config {
    /// The default link opens the "Noisy labels" scenario (`super::scenarios`): the one with the most
    /// to show, measured in docs/science.md. Every default of every stage is here or below: the stage
    /// settings ([`Config::synth`], [`Config::teacher`], [`Config::distill`]) are derived from this.
    fn default() -> Self {
        Self {
            classes: 10,
            // A lightweight teacher: LW-KD's student does as well with it as with one trained 25× longer.
            per_class: 200,
            val_per_class: 100,
            seed: 42,
            teacher_epochs: 2,
            batch_size: 64,
            lr: 3e-3,
            backend: BackendPreference::Auto,
            target: TargetKind::default(),
            // Few, noisy labels and long training: where CE memorises and soft targets do not.
            student: StudentKind::Mlp,
            teacher_input: TeacherInput::Bank,
            distill_epochs: 30,
            train_per_class: 100,
            temperature: 4.0,
            alpha: 0.5,
            beta: 0.1,
            adv_scale: AdvScale::Plain,
            // Each method's own settings, tuned for this scenario on the same budget (`lwkd tune
            // --scenario noisy`, docs/science.md).
            smoothing: 0.8,
            tfkd_a: 0.6,
            tfkd_temperature: 5.0,
            tfkd_alpha: 0.7,
            kd_temperature: 8.0,
            kd_alpha: 0.7,
            heavy_epochs: 1,
            label_noise: 0.3,
            seeds: 1,
            teachers: Teachers::PerSeed,
            methods: Method::DEFAULT.to_vec(),
        }
    }
}

// The settings no knob changes, each declared once.

/// Largest shift of a digit inside its 28 × 28 cell, in pixels.
pub const MAX_SHIFT: u32 = 2;
/// Stage 3's batch size and Adam's starting rate (cosine-decayed) for students and the heavy teacher.
pub const STUDENT_BATCH: usize = 64;
pub const STUDENT_LR: f64 = 3e-3;
/// Numerals per class in LW-KD's bank of teacher outputs (labelled once per comparison).
pub const BANK_PER_CLASS: usize = 100;
/// Adam's learning rate of LW-KD's discriminator.
pub const DISC_LR: f64 = 1e-3;
/// Synthesized images per class averaged in class-mean mode.
pub const CLASS_MEAN_DRAWS: usize = 64;
/// Steps between loss read-backs (each is a device sync).
pub const REPORT_EVERY: usize = 10;

impl Config {
    /// Every setting out of its range (see [`KNOBS`]), and a synthesized set too large for a tab.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors: Vec<FieldError> =
            KNOBS.iter().filter_map(|k| k.check(self).err()).collect();
        // A set whose run would pass the tab's memory limit is refused before it is generated.
        if errors.is_empty() {
            let image = 784 * digits_for(self.classes);
            let bytes = self.teacher_estimate().data_bytes;
            let peak = memory::tab_peak(bytes);
            if peak > memory::TAB_LIMIT {
                let max = (memory::max_data_bytes() / (self.classes * image))
                    .saturating_sub(self.val_per_class);
                errors.push(FieldError {
                    field: "per_class",
                    problem: Problem::TooLarge {
                        classes: self.classes,
                        per_class: self.per_class,
                        peak: memory::in_words(peak),
                        limit: memory::in_words(memory::TAB_LIMIT),
                        max,
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
            max_shift: MAX_SHIFT,
            seed: self.seed,
        }
    }

    pub fn distill(&self) -> DistillConfig {
        DistillConfig {
            student: self.student,
            train_per_class: self.train_per_class,
            epochs: self.distill_epochs,
            batch_size: STUDENT_BATCH,
            lr: STUDENT_LR,
            temperature: self.temperature,
            alpha: self.alpha,
            beta: self.beta,
            adv_scale: self.adv_scale,
            teacher_input: self.teacher_input,
            bank_per_class: BANK_PER_CLASS,
            smoothing: self.smoothing,
            tfkd_a: self.tfkd_a,
            tfkd_temperature: self.tfkd_temperature,
            tfkd_alpha: self.tfkd_alpha,
            kd_temperature: self.kd_temperature,
            kd_alpha: self.kd_alpha,
            heavy_epochs: self.heavy_epochs,
            label_noise: self.label_noise,
            tfkd_student: TfKdStudent::default(),
            disc_lr: DISC_LR,
            class_mean_draws: CLASS_MEAN_DRAWS,
            seed: self.seed,
            report_every: REPORT_EVERY,
        }
    }

    pub fn teacher(&self) -> TeacherConfig {
        TeacherConfig {
            epochs: self.teacher_epochs,
            batch_size: self.batch_size,
            lr: self.lr,
            seed: self.seed,
            report_every: REPORT_EVERY,
        }
    }
}
