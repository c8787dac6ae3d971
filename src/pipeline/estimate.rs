//! What the teacher's run will cost, from the settings alone, before it starts: the numerals it holds
//! and the steps it takes — and, with a speed measured in this browser, about how long.

use super::Config;
use super::memory;
use super::plan::Teachers;
use crate::data::numeral::digits_for;

/// A run longer than this gets a word before it starts.
pub const LONG_RUN_S: f32 = 120.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    /// Bytes of synthesized images (training + validation); the page and the training worker each
    /// hold copies ([`memory::tab_peak`]).
    pub data_bytes: usize,
    pub steps: usize,
}

impl Config {
    /// Stage 3's size: every chosen method's student steps on every seed, plus the heavy teacher's
    /// for vanilla KD on all `target_train` training images of the target (`target_classes`
    /// classes), once per seed, and the lightweight teacher's of every seed but stage 2's where each
    /// seed trains its own; the data is the target's, already loaded.
    pub fn comparison_estimate(&self, target_classes: usize, target_train: usize) -> Estimate {
        // Stage 3's own batch size, not the teacher's (`bs`).
        let bs = self.distill().batch_size.max(1);
        let per_epoch = (target_classes * self.train_per_class).div_ceil(bs);
        let heavy = match self.methods.iter().any(|m| m.uses_heavy_teacher()) {
            true => target_train.div_ceil(bs) * self.heavy_epochs,
            false => 0,
        };
        let students = per_epoch * self.methods.len() * self.distill_epochs;
        let light = self.methods.iter().any(|m| m.uses_light_teacher());
        let teachers = match (light, self.teachers) {
            (true, Teachers::PerSeed) => self.teacher_estimate().steps * (self.seeds.max(1) - 1),
            _ => 0,
        };
        Estimate {
            data_bytes: 0,
            steps: (students + heavy) * self.seeds.max(1) + teachers,
        }
    }

    /// Stage 2's size: the synthesized set and the teacher's optimizer steps.
    pub fn teacher_estimate(&self) -> Estimate {
        let image = 784 * digits_for(self.classes);
        let train = self.classes * self.per_class;
        Estimate {
            data_bytes: (train + self.classes * self.val_per_class) * image,
            steps: train.div_ceil(self.batch_size.max(1)) * self.teacher_epochs,
        }
    }
}

impl Estimate {
    /// Seconds at `ms_per_step`.
    pub fn seconds(&self, ms_per_step: f32) -> f32 {
        self.steps as f32 * ms_per_step / 1000.0
    }

    /// In words, e.g. "785 steps · 8.6 MB of numerals, about 160 MB of memory in this tab · about 23
    /// s at 29 ms per step (measured here)".
    pub fn describe(&self, ms_per_step: Option<f32>) -> String {
        let mb = self.data_bytes as f32 / 1e6;
        let mut size = format!("{} steps", self.steps);
        if self.data_bytes > 0 {
            let peak = memory::in_words(memory::tab_peak(self.data_bytes));
            size += &format!(" · {mb:.1} MB of numerals, about {peak} of memory in this tab");
        }
        match ms_per_step {
            Some(ms) => {
                let s = self.seconds(ms);
                let time = if s < 90.0 {
                    format!("{s:.0} s")
                } else {
                    format!("{:.0} min", s / 60.0)
                };
                let long = if s > LONG_RUN_S {
                    " — a long wait: fewer images or epochs make it shorter"
                } else {
                    ""
                };
                format!("{size} · about {time} at {ms:.0} ms per step (measured here){long}")
            }
            None => format!("{size} · the time is estimated after a first run here"),
        }
    }
}
