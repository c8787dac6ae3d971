//! The run's settings as a short, readable URL query (`?k=10&t=4&m=lwkd,ce`), so a link reproduces a
//! run. Only values that differ from the defaults are written. Reading is forgiving: an unknown
//! parameter, a value that is not a number or one out of range is reported and replaced by its default.

use super::config::FieldError;
use super::{BackendPreference, Config};
use crate::data::TargetKind;
use crate::distill::{Method, TeacherInput};
use crate::model::StudentKind;

/// (URL key, config field) — the field names are the ones [`Config::validate`] reports.
pub const KEYS: [(&str, &str); 18] = [
    ("k", "classes"),
    ("n", "per_class"),
    ("nv", "val_per_class"),
    ("seed", "seed"),
    ("te", "teacher_epochs"),
    ("bs", "batch_size"),
    ("lr", "lr"),
    ("be", "backend"),
    ("tg", "target"),
    ("st", "student"),
    ("ti", "teacher_input"),
    ("tpc", "train_per_class"),
    ("de", "distill_epochs"),
    ("t", "temperature"),
    ("a", "alpha"),
    ("b", "beta"),
    ("he", "heavy_epochs"),
    ("m", "methods"),
];

fn value(c: &Config, field: &str) -> String {
    match field {
        "classes" => c.classes.to_string(),
        "per_class" => c.per_class.to_string(),
        "val_per_class" => c.val_per_class.to_string(),
        "seed" => c.seed.to_string(),
        "teacher_epochs" => c.teacher_epochs.to_string(),
        "batch_size" => c.batch_size.to_string(),
        "lr" => c.lr.to_string(),
        "backend" => c.backend.key().to_string(),
        "target" => c.target.key().to_string(),
        "student" => c.student.key().to_string(),
        "teacher_input" => c.teacher_input.key().to_string(),
        "train_per_class" => c.train_per_class.to_string(),
        "distill_epochs" => c.distill_epochs.to_string(),
        "temperature" => c.temperature.to_string(),
        "alpha" => c.alpha.to_string(),
        "beta" => c.beta.to_string(),
        "heavy_epochs" => c.heavy_epochs.to_string(),
        "methods" => c
            .methods
            .iter()
            .map(|m| m.key())
            .collect::<Vec<_>>()
            .join(","),
        _ => String::new(),
    }
}

/// Sets one field from its URL text; Err is what is wrong with the text.
fn set(c: &mut Config, field: &str, text: &str) -> Result<(), String> {
    fn num<T: std::str::FromStr>(t: &str, what: &str) -> Result<T, String> {
        t.parse().map_err(|_| format!("“{t}” is not {what}"))
    }
    fn pick<T>(t: &str, f: impl Fn(&str) -> Option<T>, allowed: &str) -> Result<T, String> {
        f(t).ok_or_else(|| format!("“{t}” is not one of {allowed}"))
    }
    let whole = "a whole number";
    match field {
        "classes" => c.classes = num(text, whole)?,
        "per_class" => c.per_class = num(text, whole)?,
        "val_per_class" => c.val_per_class = num(text, whole)?,
        "seed" => c.seed = num(text, "a seed (0 to 2^64−1)")?,
        "teacher_epochs" => c.teacher_epochs = num(text, whole)?,
        "batch_size" => c.batch_size = num(text, whole)?,
        "lr" => c.lr = num(text, "a number")?,
        "backend" => c.backend = pick(text, BackendPreference::from_key, "auto, webgpu, cpu")?,
        "target" => c.target = pick(text, TargetKind::from_key, "fashion, mnist")?,
        "student" => c.student = pick(text, StudentKind::from_key, "cnn, mlp")?,
        "teacher_input" => c.teacher_input = pick(text, TeacherInput::from_key, "instance, mean")?,
        "train_per_class" => c.train_per_class = num(text, whole)?,
        "distill_epochs" => c.distill_epochs = num(text, whole)?,
        "temperature" => c.temperature = num(text, "a number")?,
        "alpha" => c.alpha = num(text, "a number")?,
        "beta" => c.beta = num(text, "a number")?,
        "heavy_epochs" => c.heavy_epochs = num(text, whole)?,
        "methods" => {
            let mut ms = Vec::new();
            for key in text.split(',').filter(|k| !k.is_empty()) {
                let m = pick(key, Method::from_key, "lwkd, lwkd-noadv, ce, ls, tfkd, kd")?;
                if !ms.contains(&m) {
                    ms.push(m);
                }
            }
            c.methods = ms;
        }
        _ => {}
    }
    Ok(())
}

/// The query for `c` (without the leading `?`): only the settings that differ from the defaults.
pub fn to_query(c: &Config) -> String {
    let d = Config::default();
    // The person's own images never travel in a link: it names the default target and its K.
    let own = c.target == TargetKind::Own;
    let c = &Config {
        target: if own { d.target } else { c.target },
        classes: if own { d.classes } else { c.classes },
        ..c.clone()
    };
    KEYS.iter()
        .filter(|(_, f)| value(c, f) != value(&d, f))
        .map(|(k, f)| format!("{k}={}", encode(&value(c, f))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads a query (with or without `?`). Every problem is reported with the parameter's URL key in
/// `field`; the config keeps defaults for those.
pub fn from_query(query: &str) -> (Config, Vec<FieldError>) {
    let mut c = Config::default();
    let mut problems = Vec::new();
    let mut url_key_of = std::collections::HashMap::new();
    for (k, v) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        // The view's keys (embed, stages, …) are read by `view::ViewOptions::from_query`.
        if super::view::VIEW_KEYS.contains(&k.as_ref()) {
            continue;
        }
        let Some(&(key, field)) = KEYS.iter().find(|(key, _)| *key == k) else {
            problems.push(FieldError {
                field: "url",
                message: format!("unknown parameter “{k}” ignored"),
            });
            continue;
        };
        url_key_of.insert(field, key);
        if let Err(m) = set(&mut c, field, v.trim()) {
            problems.push(FieldError {
                field,
                message: format!("{key}: {m}; using the default"),
            });
        }
    }
    let (c, range_errors) = c.sanitized();
    for e in range_errors {
        let key = url_key_of.get(e.field).copied().unwrap_or(e.field);
        problems.push(FieldError {
            field: e.field,
            message: format!("{key}: {}; using the default", e.message),
        });
    }
    (c, problems)
}

/// Percent-encodes what a query value may not hold as is. Our values are plain words, numbers and
/// commas, which stay readable (`form_urlencoded` would write the commas as `%2C`).
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b',' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
