//! How a command fails: typed here, turned into text and an exit code only at the edge (`main`).

use std::process::ExitCode;

use lwkd::data::DataError;
use lwkd::protocol::Stop;

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad flags: one line each (exit code 2).
    #[error("{}", .0.join("\nerror: "))]
    Usage(Vec<String>),
    #[error(transparent)]
    Data(#[from] DataError),
    #[error(transparent)]
    Stopped(#[from] Stop),
    /// Anything else, already in words (a file that cannot be read, wgpu that cannot start).
    #[error("{0}")]
    Other(String),
}

impl CliError {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            CliError::Usage(_) => ExitCode::from(2),
            _ => ExitCode::FAILURE,
        }
    }
}
