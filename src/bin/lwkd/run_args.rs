//! What every command that runs a comparison takes (`compare`, `tune`, `sweep`): a scenario to start
//! from, the settings' flags over it, the target (or your own images), the backend and the data.

use std::path::{Path, PathBuf};

use burn::prelude::Device;
use lwkd::data::local::{load_digits, load_target};
use lwkd::data::{ImageSet, Target};
use lwkd::pipeline::Config;
use lwkd::pipeline::scenarios::{SCENARIOS, scenario};

use super::backend::Backend;
use super::error::CliError;
use super::knob_args::KnobArgs;
use super::stages::DATA_DIR;

#[derive(clap::Args)]
pub struct RunArgs {
    #[command(flatten)]
    knobs: KnobArgs<3>,
    /// Start from a named scenario's settings (the page's scenario links); other flags override them.
    #[arg(long, value_name = "ID", value_parser = |s: &str| scenario(s).map(|x| x.id).ok_or(scenario_ids()))]
    scenario: Option<&'static str>,
    /// Your own images instead of --target: a folder (or .zip) with one sub-folder of images per class.
    #[arg(long)]
    own: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Backend::Flex)]
    backend: Backend,
    /// Folder with manifest.json and the .bin files made by scripts/prepare-data.mjs.
    #[arg(long, default_value = DATA_DIR)]
    data_dir: PathBuf,
}

/// A comparison ready to run: its settings, target, digits and device.
pub struct Prepared {
    pub cfg: Config,
    pub target: Target,
    pub digits: (ImageSet, ImageSet),
    pub device: Device,
}

fn scenario_ids() -> String {
    let ids: Vec<&str> = SCENARIOS.iter().map(|s| s.id).collect();
    format!("one of: {}", ids.join(", "))
}

fn load_own(path: &Path) -> Result<Target, CliError> {
    let (t, notes) = lwkd::data::own::decode::load(path)
        .map_err(|e| CliError::Other(format!("{}: {e}", path.display())))?;
    for n in notes {
        eprintln!("note: {n}");
    }
    eprintln!(
        "your images: {} classes ({}), {} training and {} test images",
        t.classes(),
        t.class_names.join(", "),
        t.train.len(),
        t.test.len()
    );
    Ok(t)
}

impl RunArgs {
    /// The scenario's settings (else the defaults) with the flags over them, K following the target
    /// unless `--classes` is given (a different K is refused for LW-KD, as in the page), checked.
    pub fn prepare(&self) -> Result<Prepared, CliError> {
        let start = self
            .scenario
            .and_then(scenario)
            .map_or_else(Config::default, |s| s.config());
        let cfg = self.knobs.apply(start).map_err(CliError::Usage)?;
        let device = self.backend.device()?;
        let digits = load_digits(&self.data_dir)?;
        let target = match &self.own {
            Some(path) => load_own(path)?,
            None => load_target(&self.data_dir, cfg.target)?,
        };
        let classes = match self.knobs.given("classes") {
            true => cfg.classes,
            false => target.classes(),
        };
        let cfg = Config { classes, ..cfg };
        if let Some(e) = cfg.validate().first() {
            let flag = e.field.replace('_', "-");
            return Err(CliError::Usage(vec![format!("--{flag}: {e}")]));
        }
        Ok(Prepared {
            cfg,
            target,
            digits,
            device,
        })
    }
}
