//! Every setting of a run, declared once (as TensorFlow Playground's `state.ts` does): field name, link
//! key, label, range, help and how to read and write it in [`Config`]. Validation, the shareable link,
//! the form, `hide=` and the CLI's flags all come from this table, so a new setting is one row here
//! plus its field in `Config`.

use super::knob::{Kind, Knob, Value};
use super::plan::Teachers;
use super::{BackendPreference, Config};
use crate::data::TargetKind;
use crate::distill::{AdvScale, TeacherInput};
use crate::model::StudentKind;
use crate::protocol::Method;

/// The largest training subset per class of stage 3 (the app's Fashion-MNIST file holds 1,000).
pub const MAX_TRAIN_PER_CLASS: usize = 1000;

/// Reads and writes the field `$f`, which holds a `Value::$v`.
macro_rules! field {
    ($f:ident, $v:ident) => {
        (
            |c: &Config| Value::$v(c.$f),
            |c: &mut Config, v: Value| {
                if let Value::$v(x) = v {
                    c.$f = x
                }
            },
        )
    };
}

/// A choice among an enum's keys (`ALL`, `key`, `from_key`).
macro_rules! choice {
    ($f:ident, $t:ty) => {
        (
            Kind::Choice(|| <$t>::ALL.iter().map(|v| v.key()).collect()),
            (
                |c: &Config| Value::Choice(c.$f.key()),
                |c: &mut Config, v: Value| {
                    if let Some(x) = match v {
                        Value::Choice(k) => <$t>::from_key(k),
                        _ => None,
                    } {
                        c.$f = x
                    }
                },
            ),
        )
    };
}

/// How a knob reads and writes its field.
type Access = (fn(&Config) -> Value, fn(&mut Config, Value));

const fn knob(
    field: &'static str,
    key: &'static str,
    label: &'static str,
    note: &'static str,
    stage: u8,
    kind: Kind,
    access: Access,
) -> Knob {
    Knob {
        field,
        key,
        label,
        note,
        stage,
        kind,
        get: access.0,
        put: access.1,
    }
}

const fn whole(min: usize, max: usize) -> Kind {
    Kind::Whole { min, max }
}

const fn number(min: f64, max: f64) -> Kind {
    Kind::Number {
        min,
        max,
        above_min: false,
    }
}

/// A real number over `min`, at most `max`.
const fn above(min: f64, max: f64) -> Kind {
    Kind::Number {
        min,
        max,
        above_min: true,
    }
}

const fn pick(
    field: &'static str,
    key: &'static str,
    label: &'static str,
    stage: u8,
    choice: (Kind, Access),
) -> Knob {
    knob(field, key, label, "", stage, choice.0, choice.1)
}

/// The settings in link order: field, link key, label, help beyond the range, stage, kind, access.
#[rustfmt::skip]
pub static KNOBS: [Knob; 28] = [
    knob("classes", "k", "Classes K", "", 1, whole(2, 100), field!(classes, Whole)),
    knob("per_class", "n", "Images per class", "", 1, whole(10, 5000), field!(per_class, Whole)),
    knob("val_per_class", "nv", "Validation per class", "", 1, whole(10, 1000), field!(val_per_class, Whole)),
    knob("seed", "seed", "Seed", "same seed, same data", 1, Kind::Seed, field!(seed, Seed)),
    knob("teacher_epochs", "te", "Epochs", "", 2, whole(1, 50), field!(teacher_epochs, Whole)),
    knob("batch_size", "bs", "Batch size", "", 2, whole(1, 1024), field!(batch_size, Whole)),
    knob("lr", "lr", "Learning rate (Adam)", "e.g. 0.001", 2, above(0.0, 1.0), field!(lr, Number)),
    pick("backend", "be", "Backend", 2, choice!(backend, BackendPreference)),
    pick("target", "tg", "Target dataset", 3, choice!(target, TargetKind)),
    pick("student", "st", "Student", 3, choice!(student, StudentKind)),
    pick("teacher_input", "ti", "Teacher input", 3, choice!(teacher_input, TeacherInput)),
    knob("train_per_class", "tpc", "Training images per class", "", 3, whole(10, MAX_TRAIN_PER_CLASS), field!(train_per_class, Whole)),
    knob("distill_epochs", "de", "Student epochs", "", 3, whole(1, 50), field!(distill_epochs, Whole)),
    knob("temperature", "t", "LW-KD's temperature T", "its ablation and controls too", 3, number(0.5, 100.0), field!(temperature, Number)),
    knob("alpha", "a", "LW-KD's α (soft-target weight)", "", 3, number(0.0, 1.0), field!(alpha, Number)),
    knob("beta", "b", "LW-KD's β (adversarial weight)", "", 3, number(0.0, 10.0), field!(beta, Number)),
    pick("adv_scale", "bt", "LW-KD's adversarial term", 3, choice!(adv_scale, AdvScale)),
    knob("smoothing", "ls", "Label smoothing's ε", "", 3, number(0.0, 0.99), field!(smoothing, Number)),
    knob("tfkd_a", "ta", "Tf-KD_reg's a", "its virtual teacher's probability of the right class", 3, number(0.5, 1.0), field!(tfkd_a, Number)),
    knob("tfkd_temperature", "tt", "Tf-KD_reg's T", "", 3, number(0.5, 100.0), field!(tfkd_temperature, Number)),
    knob("tfkd_alpha", "tal", "Tf-KD_reg's α", "", 3, number(0.0, 1.0), field!(tfkd_alpha, Number)),
    knob("kd_temperature", "kt", "Vanilla KD's T", "", 3, number(0.5, 100.0), field!(kd_temperature, Number)),
    knob("kd_alpha", "ka", "Vanilla KD's α", "", 3, number(0.0, 1.0), field!(kd_alpha, Number)),
    knob("heavy_epochs", "he", "Heavy teacher epochs", "vanilla KD only; on all training images", 3, whole(1, 50), field!(heavy_epochs, Whole)),
    knob("label_noise", "noise", "Label noise", "share of training labels flipped, e.g. 0.3", 3, number(0.0, 0.8), field!(label_noise, Number)),
    knob("seeds", "seeds", "Seeds per method", "mean ± spread over seeds", 3, whole(1, 5), field!(seeds, Whole)),
    pick("teachers", "ts", "Lightweight teachers", 3, choice!(teachers, Teachers)),
    knob("methods", "m", "Methods, in run order", "", 3, Kind::List(method_keys), (get_methods, put_methods)),
];

fn method_keys() -> Vec<&'static str> {
    Method::ALL.iter().map(|m| m.key()).collect()
}

fn get_methods(c: &Config) -> Value {
    Value::List(c.methods.iter().map(|m| m.key()).collect())
}

fn put_methods(c: &mut Config, v: Value) {
    if let Value::List(keys) = v {
        c.methods = keys.into_iter().filter_map(Method::from_key).collect();
    }
}

/// The knob named `field`.
pub fn knob_for(field: &str) -> Option<&'static Knob> {
    KNOBS.iter().find(|k| k.field == field)
}

/// The knob with link key `key`.
pub fn knob_for_key(key: &str) -> Option<&'static Knob> {
    KNOBS.iter().find(|k| k.key == key)
}
