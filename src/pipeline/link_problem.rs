//! What was wrong with a link: the settings' part (`url.rs`) and the view's (`view.rs`) report in
//! these words.

use super::knob::{Problem, quoted};

/// What was wrong with a link; the setting keeps its default.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LinkProblem {
    #[error("unknown parameter “{}” ignored", quoted(.0))]
    Unknown(String),
    /// A bad value; `kept` when another, valid, value of the same key is used instead of the default.
    #[error("{key}: {problem}; {}", if *kept { "the other value given for it is used" } else { "using the default" })]
    Bad {
        key: &'static str,
        problem: Problem,
        kept: bool,
    },
    /// A key given more than once: the last valid value counts.
    #[error("{key} is given {times} times; the last valid value counts")]
    Repeated { key: &'static str, times: usize },
}
