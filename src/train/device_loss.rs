//! Whether the training device was lost: set by the read-back when a read fails (see `readback.rs`),
//! asked at every checkpoint so a run stops like a cancel and says why.

use std::cell::RefCell;

thread_local! {
    pub(super) static LOST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Why the device stopped answering, once a read failed.
pub fn device_lost() -> Option<String> {
    LOST.with(|l| l.borrow().clone())
}

/// Forgets a lost device (the app moved on to another one).
pub fn forget_device_loss() {
    LOST.with(|l| *l.borrow_mut() = None);
}
