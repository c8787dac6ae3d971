//! The native backends a command can train on.

use burn::prelude::*;
use clap::ValueEnum;

use super::error::CliError;

#[derive(Clone, Copy, ValueEnum)]
pub enum Backend {
    /// Burn's Flex backend on the CPU.
    Flex,
    /// Burn's wgpu backend (Vulkan/Metal/DX12; lavapipe on a machine without a GPU).
    Wgpu,
}

impl Backend {
    pub fn key(self) -> &'static str {
        match self {
            Backend::Flex => "flex",
            Backend::Wgpu => "wgpu",
        }
    }

    /// The Burn device; Err when wgpu cannot start.
    pub fn device(self) -> Result<Device, CliError> {
        match self {
            Backend::Flex => Ok(Device::flex()),
            Backend::Wgpu => {
                let (device, setup) = Device::wgpu_options()
                    .init_with_setup()
                    .map_err(|e| CliError::Other(format!("could not start wgpu: {e}")))?;
                let info = setup.adapter.get_info();
                eprintln!(
                    "wgpu adapter: {} ({:?}, {:?})",
                    info.name, info.device_type, info.backend
                );
                Ok(device)
            }
        }
    }
}
