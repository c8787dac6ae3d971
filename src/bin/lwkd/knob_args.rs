//! The run's settings as CLI flags, made from the one knob table (`lwkd::pipeline::KNOBS`): a flag per
//! setting of the stages a command runs, named for its field (`--per-class`), with its range and
//! default in `--help`, parsed and checked exactly as a link or the form is.

use clap::{Arg, ArgMatches, Args, Command, FromArgMatches};
use lwkd::pipeline::{Config, KNOBS, Knob};

/// Flags for the settings of stages 1..=`LAST`.
pub struct KnobArgs<const LAST: u8> {
    given: Vec<(&'static Knob, String)>,
}

/// The knobs a command of stages 1..=`last` takes. `backend` is the page's (auto, webgpu, cpu); the
/// CLI has its own `--backend` for native devices.
pub fn cli_knobs(last: u8) -> impl Iterator<Item = &'static Knob> {
    KNOBS
        .iter()
        .filter(move |k| k.stage <= last && k.field != "backend")
}

impl<const LAST: u8> Args for KnobArgs<LAST> {
    fn augment_args(cmd: Command) -> Command {
        let defaults = Config::default();
        cmd.args(cli_knobs(LAST).map(|k| {
            let help = match k.help() {
                h if h.is_empty() => k.label.to_string(),
                h => format!("{} ({h})", k.label),
            };
            Arg::new(k.field)
                .long(k.flag())
                .value_name("VALUE")
                .help(format!("{help} [default: {}]", k.text(&defaults)))
        }))
    }

    fn augment_args_for_update(cmd: Command) -> Command {
        Self::augment_args(cmd)
    }
}

impl<const LAST: u8> FromArgMatches for KnobArgs<LAST> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        let given = cli_knobs(LAST)
            .filter_map(|k| m.get_one::<String>(k.field).map(|v| (k, v.clone())))
            .collect();
        Ok(Self { given })
    }

    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

impl<const LAST: u8> KnobArgs<LAST> {
    /// Whether the flag of `field` was given.
    pub fn given(&self, field: &str) -> bool {
        self.given.iter().any(|(k, _)| k.field == field)
    }

    /// `base` with the given flags applied and checked; Err holds a line per bad flag.
    pub fn apply(&self, mut base: Config) -> Result<Config, Vec<String>> {
        let flag = |field: &str| format!("--{}", field.replace('_', "-"));
        let mut errors: Vec<String> = self
            .given
            .iter()
            .filter_map(|(k, text)| k.set(&mut base, text).err())
            .map(|e| format!("{}: {e}", flag(e.field)))
            .collect();
        if errors.is_empty() {
            errors.extend(
                base.validate()
                    .iter()
                    .map(|e| format!("{}: {e}", flag(e.field))),
            );
        }
        if errors.is_empty() {
            Ok(base)
        } else {
            Err(errors)
        }
    }
}
