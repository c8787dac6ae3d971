//! How the page is shown, as opposed to what it runs: embed mode for an `<iframe>`, which stages are
//! visible, which controls are hidden, and autoplay. Like the settings, these live in the URL
//! (`?embed=1&stages=2,3&hide=seed,lr&autoplay=1`), so an embed snippet is just a link.

use super::knob::Problem;
use super::knobs::knob_for;
use super::link_problem::LinkProblem;

/// The URL keys of the view (the settings' keys are in [`super::knobs::KNOBS`]).
pub const VIEW_KEYS: [&str; 4] = ["embed", "stages", "hide", "autoplay"];

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
}

impl Default for ViewOptions {
    fn default() -> Self {
        Self {
            embed: false,
            stages: vec![1, 2, 3],
            hide: Vec::new(),
            autoplay: false,
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
    pub fn runs_by_itself(&self) -> u8 {
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
