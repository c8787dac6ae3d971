//! Every change to the run's settings, as the page makes them: typed into a field, picked in a
//! select or a box, fixed by a button, brought by a link or by *Back*. Each keeps the form's messages
//! in step with the config.

use leptos::prelude::*;

use super::AppState;
use crate::data::TargetKind;
use crate::distill::{AdvScale, TeacherInput};
use crate::model::StudentKind;
use crate::pipeline::knob::Knob;
use crate::pipeline::view::ViewOptions;
use crate::pipeline::{BackendPreference, Config, FieldError, Teachers};
use crate::protocol::Method;

impl AppState {
    /// The page opens with a link's settings and view, and what was wrong with the link.
    pub fn open_link(&self, config: Config, view: ViewOptions, problems: Vec<String>) {
        // The stages' settings start open where the link carried settings, or in an embed.
        self.settings_open
            .set_value(view.embed || config != Config::default());
        self.config.set(config);
        self.url_problems.set(problems);
        self.view.set_value(view);
    }

    /// The settings a history step (*Back*) returns to. A link never names the person's own images,
    /// so they stay the target (with their K).
    pub fn return_to(&self, mut config: Config) {
        let now = self.config.get_untracked();
        if now.target == TargetKind::Own {
            (config.target, config.classes) = (now.target, now.classes);
        }
        self.field_errors.set(Vec::new());
        self.config.set(config);
    }

    /// Text typed into `knob`'s field: kept where it parses; every field is checked again.
    pub fn type_setting(&self, knob: &Knob, text: &str) {
        let mut cfg = self.config.get_untracked();
        let parse_error = knob.set(&mut cfg, text).err();
        if parse_error.is_none() {
            self.config.set(cfg);
        }
        self.revalidate(parse_error, knob.field);
    }

    /// K set by a click (the K check's fix): its own error, and a size error that was K's, go with it.
    pub fn set_classes(&self, k: usize) {
        self.config.update(|c| c.classes = k);
        self.revalidate(None, "classes");
    }

    pub fn pick_backend(&self, p: BackendPreference) {
        self.config.update(|c| c.backend = p);
    }

    pub fn pick_student(&self, k: StudentKind) {
        self.config.update(|c| c.student = k);
    }

    pub fn pick_teacher_input(&self, t: TeacherInput) {
        self.config.update(|c| c.teacher_input = t);
    }

    pub fn pick_teachers(&self, t: Teachers) {
        self.config.update(|c| c.teachers = t);
    }

    pub fn pick_adv_scale(&self, a: AdvScale) {
        self.config.update(|c| c.adv_scale = a);
    }

    /// Ticks or unticks `m`; the methods keep their table order.
    pub fn tick_method(&self, m: Method, on: bool) {
        self.config.update(|c| {
            c.methods = Method::ALL
                .into_iter()
                .filter(|&x| if x == m { on } else { c.methods.contains(&x) })
                .collect();
        });
    }

    /// `kind` becomes the target; the synthesized numerals follow its K (`classes`).
    pub fn pick_target(&self, kind: TargetKind, classes: usize) {
        self.config.update(|c| {
            c.target = kind;
            c.classes = classes;
        });
    }

    /// Checks the whole config again, keeping the parse errors of fields the person is still fixing
    /// (`field`'s own is replaced by `parse_error`).
    pub fn revalidate(&self, parse_error: Option<FieldError>, field: &str) {
        let mut errors: Vec<FieldError> = self
            .field_errors
            .get_untracked()
            .into_iter()
            .filter(|e| e.field != field && e.is_parse())
            .collect();
        errors.extend(parse_error);
        for e in self.config.get_untracked().validate() {
            if !errors.iter().any(|x| x.field == e.field) {
                errors.push(e);
            }
        }
        self.field_errors.set(errors);
    }
}
