//! Initial weights drawn on the host, so that a seed starts the same network on every backend.
//!
//! Burn draws a parameter's initial values on the device it lives on, from that backend's own
//! generator (Flex's seeded ChaCha on the CPU, a kernel on wgpu): the same link gave one table on the
//! CPU and another on WebGPU. Here they are always drawn by Flex — whose seeded stream is the same
//! natively and in wasm — and then loaded onto the training device, before any is initialised there.

use std::sync::{Mutex, MutexGuard, PoisonError};

use burn::prelude::*;

/// Flex keeps one generator per process: a stream holds this turn so that two threads' draws (native
/// tests, the CLI) never interleave.
static TURN: Mutex<()> = Mutex::new(());

/// One seeded stream of initial weights, drawn for the networks [`Self::make`] is called for, in
/// that order (a method's student, then LW-KD's discriminator).
pub struct SeededInit<'a> {
    device: &'a Device,
    _turn: MutexGuard<'static, ()>,
}

impl<'a> SeededInit<'a> {
    /// A stream for networks that will live on `device`. Hold it only while making them.
    pub fn new(seed: u64, device: &'a Device) -> Self {
        let turn = TURN.lock().unwrap_or_else(PoisonError::into_inner);
        Device::flex().seed(seed);
        Self {
            device,
            _turn: turn,
        }
    }

    /// The device the networks are made for (for what they need besides weights, such as a loss).
    pub fn device(&self) -> &Device {
        self.device
    }

    /// `make`'s network, its weights drawn now on the CPU and loaded onto the training device, where
    /// Burn's lazily initialised parameters then never draw their own.
    pub fn make<M: Module>(&self, make: impl Fn(&Device) -> M) -> M {
        // `into_record` initialises every parameter, in declaration order.
        let drawn = make(&Device::flex()).into_record();
        make(self.device).load_record(drawn)
    }
}
