//! The run's settings as a short, readable URL query (`?k=10&t=4&m=lwkd,ce`), so a link reproduces a
//! run. Only values that differ from the defaults are written. Reading is forgiving: an unknown
//! parameter, a value that is not a number or one out of range is reported and replaced by its default.

use std::collections::HashMap;

use super::Config;
use super::knob::{FieldError, Problem};
use super::knobs::{KNOBS, knob_for, knob_for_key};
use super::link_problem::LinkProblem;
use crate::data::TargetKind;

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
    let mut told = std::collections::HashSet::new();
    // Each value is parsed and range-checked where it stands, so a bad repeat never drops a good one.
    let mut bad: Vec<(&'static str, Problem)> = Vec::new();
    let mut good = std::collections::HashSet::new();
    for (k, v) in &pairs {
        if let (true, Some(knob)) = (times[k.as_ref()] > 1, knob_for_key(k))
            && told.insert(knob.key)
        {
            problems.push(LinkProblem::Repeated {
                key: knob.key,
                times: times[k.as_ref()],
            });
        }
        // The view's keys (embed, stages, …) are read by `view::ViewOptions::from_query`.
        if super::view::VIEW_KEYS.contains(&k.as_ref()) {
            continue;
        }
        let Some(knob) = knob_for_key(k) else {
            problems.push(LinkProblem::Unknown(k.to_string()));
            continue;
        };
        let before = (knob.get)(&c);
        match knob.set(&mut c, v).and_then(|()| knob.check(&c)) {
            Ok(()) => {
                good.insert(knob.key);
            }
            Err(FieldError { problem, .. }) => {
                (knob.put)(&mut c, before);
                bad.push((knob.key, problem));
            }
        }
    }
    problems.extend(bad.into_iter().map(|(key, problem)| LinkProblem::Bad {
        key,
        problem,
        kept: good.contains(key),
    }));
    // What only the whole config can tell (a synthesized set too large for a tab).
    let (c, whole_errors) = c.sanitized();
    problems.extend(whole_errors.into_iter().map(|e| LinkProblem::Bad {
        key: knob_for(e.field).map_or(e.field, |k| k.key),
        problem: e.problem,
        kept: false,
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
