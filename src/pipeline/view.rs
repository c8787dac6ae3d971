//! How the page is shown, as opposed to what it runs: embed mode for an `<iframe>`, which stages are
//! visible, which controls are hidden, autoplay, and a recorded run to open on. Like the settings,
//! these live in the URL (`?embed=1&stages=2,3&hide=seed,lr&autoplay=1&rec=runs/quick.json`), so an
//! embed snippet is just a link.

use super::knob::Problem;
use super::knobs::knob_for;
use super::link_problem::LinkProblem;

/// The URL keys of the view (the settings' keys are in [`super::knobs::KNOBS`]).
pub const VIEW_KEYS: [&str; 5] = ["embed", "stages", "hide", "autoplay", "rec"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewOptions {
    /// Compact layout without the page's header text, share bar and footer.
    pub embed: bool,
    /// The stages shown (1 synthesize, 2 teacher, 3 distill); hidden stages still run.
    pub stages: Vec<u8>,
    /// Controls not shown.
    pub hide: Vec<String>,
    /// Run every shown stage, in order, as soon as the page is ready.
    pub autoplay: bool,
    /// A recorded run (a file exported by *Save as a recorded run*, on this site) shown at once:
    /// nothing loads or trains until the reader asks for a live run.
    pub recording: Option<String>,
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            embed: false,
            stages: vec![1, 2, 3],
            hide: Vec::new(),
            autoplay: false,
            recording: None,
        }
    }
}

impl ViewOptions {
    pub fn shows(&self, stage: u8) -> bool {
        self.stages.contains(&stage)
    }

    pub fn hides(&self, control: &str) -> bool {
        self.hide.iter().any(|h| h == control)
    }

    /// The stages that start by themselves, in order, up to this one (0: none). A hidden stage that a
    /// shown stage needs runs by itself (nobody could press its button); with autoplay, every stage up
    /// to the last shown one does.
    /// A recorded run stands in for all of them until the reader asks for a live one.
    pub fn runs_by_itself(&self) -> u8 {
        if self.recording.is_some() {
            return 0;
        }
        let last_shown = self.stages.iter().copied().max().unwrap_or(0);
        let needed = (1..last_shown)
            .filter(|s| !self.shows(*s))
            .max()
            .unwrap_or(0);
        if self.autoplay {
            last_shown.max(needed)
        } else {
            needed
        }
    }

    /// The view's part of a query (without `?`): only what differs from the default.
    pub fn to_query(&self) -> String {
        let d = Self::default();
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed=1".to_string());
        }
        if self.stages != d.stages {
            let s: Vec<String> = self.stages.iter().map(u8::to_string).collect();
            parts.push(format!("stages={}", s.join(",")));
        }
        if !self.hide.is_empty() {
            parts.push(format!("hide={}", self.hide.join(",")));
        }
        if self.autoplay {
            parts.push("autoplay=1".to_string());
        }
        if let Some(path) = &self.recording {
            let encoded: String = form_urlencoded::byte_serialize(path.as_bytes()).collect();
            parts.push(format!("rec={}", encoded.replace("%2F", "/")));
        }
        parts.join("&")
    }

    /// Reads the view's keys from a query, ignoring the settings' keys. Every problem is reported and
    /// that option keeps its default.
    pub fn from_query(query: &str) -> (Self, Vec<LinkProblem>) {
        let mut v = Self::default();
        let mut problems = Vec::new();
        let mut bad = |key: &'static str, text: &str, expected: &str| {
            problems.push(LinkProblem::Bad {
                key,
                problem: Problem::Parse {
                    text: text.to_string(),
                    expected: expected.to_string(),
                },
                kept: false,
            })
        };
        for (k, val) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let flag = |val: &str| match val {
                "1" | "true" => Some(true),
                "0" | "false" => Some(false),
                _ => None,
            };
            match k.as_ref() {
                "embed" => match flag(&val) {
                    Some(on) => v.embed = on,
                    None => bad("embed", &val, "1 or 0"),
                },
                "autoplay" => match flag(&val) {
                    Some(on) => v.autoplay = on,
                    None => bad("autoplay", &val, "1 or 0"),
                },
                "stages" => {
                    let stages: Option<Vec<u8>> = val
                        .split(',')
                        .map(|s| s.trim().parse::<u8>().ok().filter(|n| (1..=3).contains(n)))
                        .collect();
                    match stages {
                        Some(mut s) if !s.is_empty() => {
                            s.sort_unstable();
                            s.dedup();
                            v.stages = s;
                        }
                        _ => bad("stages", &val, "a list of stages 1, 2, 3"),
                    }
                }
                "rec" => match recording_path(&val) {
                    Some(path) => v.recording = Some(path),
                    None => bad(
                        "rec",
                        &val,
                        "a .json file on this site, such as runs/quick.json (the app asks no other site for anything)",
                    ),
                },
                "hide" => {
                    for c in val.split(',').filter(|c| !c.is_empty()) {
                        if knob_for(c).is_none() {
                            bad("hide", c, "a control");
                        } else if !v.hides(c) {
                            v.hide.push(c.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        (v, problems)
    }
}

/// A recorded run's address as a link may give it: a path on the app's own site (relative to the
/// page, or from the site's root), ending in `.json`. A scheme or a `//` host would name another
/// site, which the app never asks for anything.
pub fn recording_path(text: &str) -> Option<String> {
    let t = text.trim();
    let foreign = t.starts_with("//")
        || t.contains('\\')
        || t.split('/').next().is_some_and(|first| first.contains(':'));
    let fits = !t.is_empty() && t.len() <= 300 && !t.chars().any(char::is_control);
    (fits && !foreign && t.to_ascii_lowercase().ends_with(".json")).then(|| t.to_string())
}
