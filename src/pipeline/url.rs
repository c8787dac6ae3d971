//! The run's settings as a short, readable URL query (`?k=10&t=4&m=lwkd,ce`), so a link reproduces a
//! run. Only values that differ from the defaults are written. Reading is forgiving: an unknown
//! parameter, a value that is not a number or one out of range is reported and replaced by its default.

use std::collections::HashMap;

use super::Config;
use super::knob::{FieldError, Problem};
use super::knobs::{KNOBS, knob_for, knob_for_key};
use crate::data::TargetKind;

/// What was wrong with a link; the setting keeps its default.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinkProblem {
    #[error("unknown parameter “{0}” ignored")]
    Unknown(String),
    #[error("{key}: {problem}; using the default")]
    Bad { key: &'static str, problem: Problem },
    /// A key given more than once: the last one counts.
    #[error("{key} is given {times} times; the last one counts")]
    Repeated { key: &'static str, times: usize },
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
    KNOBS
        .iter()
        .filter(|k| k.text(c) != k.text(&d))
        .map(|k| format!("{}={}", k.key, encode(&k.text(c))))
        .collect::<Vec<_>>()
        .join("&")
}

/// Reads a query (with or without `?`). Every problem is reported with the parameter's link key; the
/// config keeps defaults for those.
pub fn from_query(query: &str) -> (Config, Vec<LinkProblem>) {
    let mut c = Config::default();
    let mut problems = Vec::new();
    let pairs: Vec<_> = form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).collect();
    let mut times: HashMap<&str, usize> = HashMap::new();
    for (k, _) in &pairs {
        *times.entry(k.as_ref()).or_default() += 1;
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (k, v) in &pairs {
        // A repeated key: only its last occurrence is read, and the person is told once.
        let (n, seen) = (times[k.as_ref()], seen.entry(k.as_ref()).or_default());
        *seen += 1;
        if *seen < n {
            if let (1, Some(knob)) = (*seen, knob_for_key(k)) {
                problems.push(LinkProblem::Repeated {
                    key: knob.key,
                    times: n,
                });
            }
            continue;
        }
        // The view's keys (embed, stages, …) are read by `view::ViewOptions::from_query`.
        if super::view::VIEW_KEYS.contains(&k.as_ref()) {
            continue;
        }
        let Some(knob) = knob_for_key(k) else {
            problems.push(LinkProblem::Unknown(k.to_string()));
            continue;
        };
        if let Err(FieldError { problem, .. }) = knob.set(&mut c, v) {
            problems.push(LinkProblem::Bad {
                key: knob.key,
                problem,
            });
        }
    }
    let (c, range_errors) = c.sanitized();
    problems.extend(range_errors.into_iter().map(|e| LinkProblem::Bad {
        key: knob_for(e.field).map_or(e.field, |k| k.key),
        problem: e.problem,
    }));
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
