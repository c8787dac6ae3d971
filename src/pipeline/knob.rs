//! What a setting is: its kind (whole number, seed, real number, choice, list), how its text parses,
//! which values are allowed, and the typed errors for text that does not parse or a value out of range.
//! The settings themselves are declared once, in [`super::knobs::KNOBS`].

use std::fmt;

use super::Config;

/// A setting's value, as the table reads and writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Whole(usize),
    Seed(u64),
    Number(f64),
    Choice(&'static str),
    List(Vec<&'static str>),
}

impl Value {
    /// The value as it is written in a link, a form field or a CLI flag.
    pub fn text(&self) -> String {
        match self {
            Value::Whole(n) => n.to_string(),
            Value::Seed(n) => n.to_string(),
            Value::Number(x) => x.to_string(),
            Value::Choice(k) => k.to_string(),
            // An empty list is written as a word, so that an empty `m=` can be a mistake.
            Value::List(ks) if ks.is_empty() => NONE.to_string(),
            Value::List(ks) => ks.join(","),
        }
    }
}

/// How a list setting says "none of them" (an empty value is refused: it is usually a cut link).
pub const NONE: &str = "none";

/// What a setting may hold.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Whole {
        min: usize,
        max: usize,
    },
    /// Any `u64`.
    Seed,
    /// A finite number in `[min, max]`, or `(min, max]` when `above_min`.
    Number {
        min: f64,
        max: f64,
        above_min: bool,
    },
    /// One of the keys.
    Choice(fn() -> Vec<&'static str>),
    /// Keys, comma-separated, in order, each at most once; or `none`.
    List(fn() -> Vec<&'static str>),
}

/// Why a setting's text or value was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Problem {
    #[error("“{}” is not {expected}", quoted(text))]
    Parse { text: String, expected: String },
    #[error("must be between {min} and {max} (got {got})")]
    Range {
        min: String,
        max: String,
        got: String,
    },
    #[error("must be a number in ({min}, {max}] (got {got})")]
    AboveMin {
        min: String,
        max: String,
        got: String,
    },
    /// The synthesized set's run would take more memory than a tab should give it.
    #[error(
        "{classes} classes × {per_class} images would take about {peak} of memory in this tab, over its {limit} limit (at most {max} images per class for this K)"
    )]
    TooLarge {
        classes: usize,
        per_class: usize,
        peak: String,
        limit: String,
        max: usize,
    },
}

/// A setting that was refused, and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{problem}")]
pub struct FieldError {
    /// The setting's field name (see [`super::knobs::KNOBS`]).
    pub field: &'static str,
    pub problem: Problem,
}

impl FieldError {
    /// Text that did not parse (as opposed to a parsed value out of range).
    pub fn is_parse(&self) -> bool {
        matches!(self.problem, Problem::Parse { .. })
    }
}

/// One setting, declared once: the table drives validation, the link, the form, `hide=` and the CLI.
pub struct Knob {
    /// The field name: the form's `name`, `hide=`'s name, and the CLI's flag (`_` → `-`).
    pub field: &'static str,
    /// The short key in a link.
    pub key: &'static str,
    pub label: &'static str,
    /// Help beyond the range.
    pub note: &'static str,
    /// The stage (1 synthesize, 2 teacher, 3 distill) whose panel shows it.
    pub stage: u8,
    pub kind: Kind,
    pub get: fn(&Config) -> Value,
    /// Writes a value of this knob's kind (any other is ignored).
    pub put: fn(&mut Config, Value),
}

/// The most of a person's text a message quotes: a link can carry thousands of characters.
const QUOTED_CHARS: usize = 40;

/// `text` as a message quotes it: its first [`QUOTED_CHARS`] characters, then "…".
pub fn quoted(text: &str) -> String {
    match text.char_indices().nth(QUOTED_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

fn parse_error(text: &str, expected: impl Into<String>) -> Problem {
    Problem::Parse {
        text: text.to_string(),
        expected: expected.into(),
    }
}

impl Kind {
    /// Parses `text` (already trimmed) as a value of this kind; the range is checked by [`Kind::check`].
    pub fn parse(self, text: &str) -> Result<Value, Problem> {
        let one_of = |keys: Vec<&str>| format!("one of {}", keys.join(", "));
        match self {
            Kind::Whole { .. } => text
                .parse()
                .map(Value::Whole)
                .map_err(|_| parse_error(text, "a whole number")),
            Kind::Seed => text
                .parse()
                .map(Value::Seed)
                .map_err(|_| parse_error(text, "a seed (0 to 2^64−1)")),
            Kind::Number { .. } => text
                .parse()
                .map(Value::Number)
                .map_err(|_| parse_error(text, "a number")),
            Kind::Choice(keys) => {
                let keys = keys();
                match keys.iter().find(|k| **k == text) {
                    Some(k) => Ok(Value::Choice(k)),
                    None => Err(parse_error(text, one_of(keys))),
                }
            }
            Kind::List(_) if text == NONE => Ok(Value::List(Vec::new())),
            Kind::List(keys) if text.split(',').all(str::is_empty) => {
                let expected = format!("a list of {}, or {NONE}", keys().join(", "));
                Err(parse_error(text, expected))
            }
            Kind::List(keys) => {
                let keys = keys();
                let mut picked: Vec<&'static str> = Vec::new();
                for part in text.split(',').filter(|p| !p.is_empty()) {
                    match keys.iter().find(|k| **k == part) {
                        Some(k) if !picked.contains(k) => picked.push(k),
                        Some(_) => {}
                        None => return Err(parse_error(part, one_of(keys))),
                    }
                }
                Ok(Value::List(picked))
            }
        }
    }

    /// Whether `value` is allowed (NaN never is: every comparison with it is false).
    pub fn check(self, value: &Value) -> Result<(), Problem> {
        match (self, value) {
            (Kind::Whole { min, max }, Value::Whole(v)) if !(min..=max).contains(v) => {
                Err(Problem::Range {
                    min: min.to_string(),
                    max: max.to_string(),
                    got: v.to_string(),
                })
            }
            (
                Kind::Number {
                    min,
                    max,
                    above_min,
                },
                Value::Number(v),
            ) => {
                let low_ok = if above_min { *v > min } else { *v >= min };
                if low_ok && *v <= max {
                    Ok(())
                } else if above_min {
                    Err(Problem::AboveMin {
                        min: min.to_string(),
                        max: max.to_string(),
                        got: v.to_string(),
                    })
                } else {
                    Err(Problem::Range {
                        min: min.to_string(),
                        max: max.to_string(),
                        got: v.to_string(),
                    })
                }
            }
            _ => Ok(()),
        }
    }

    /// The allowed values in words, for help texts ("2 – 100"); None where any value of the type is.
    pub fn range_text(self) -> Option<String> {
        match self {
            Kind::Whole { min, max } => Some(format!("{min} – {max}")),
            Kind::Number {
                min,
                max,
                above_min: false,
            } => Some(format!("{min} – {max}")),
            Kind::Number {
                min,
                max,
                above_min: true,
            } => Some(format!("over {min}, at most {max}")),
            Kind::Choice(keys) | Kind::List(keys) => Some(keys().join(", ")),
            Kind::Seed => None,
        }
    }
}

impl Knob {
    /// The CLI flag, without its dashes.
    pub fn flag(&self) -> String {
        self.field.replace('_', "-")
    }

    /// The help line: the range and the note.
    pub fn help(&self) -> String {
        match (self.kind.range_text(), self.note) {
            (Some(r), "") => r,
            (Some(r), note) => format!("{r}; {note}"),
            (None, note) => note.to_string(),
        }
    }

    /// Parses `text` into `config`; the range is checked by `Config::validate`.
    pub fn set(&self, config: &mut Config, text: &str) -> Result<(), FieldError> {
        let value = self.kind.parse(text.trim()).map_err(|problem| FieldError {
            field: self.field,
            problem,
        })?;
        (self.put)(config, value);
        Ok(())
    }

    /// The current value as text.
    pub fn text(&self, config: &Config) -> String {
        (self.get)(config).text()
    }

    pub fn check(&self, config: &Config) -> Result<(), FieldError> {
        self.kind
            .check(&(self.get)(config))
            .map_err(|problem| FieldError {
                field: self.field,
                problem,
            })
    }
}

impl fmt::Debug for Knob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Knob({})", self.field)
    }
}
