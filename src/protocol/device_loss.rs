//! Whether the training device was lost: set by the read-back when a read fails (`train/readback.rs`),
//! asked at every checkpoint so a run stops like a cancel and says why.

use std::cell::RefCell;

thread_local! {
    static LOST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps why a read failed. The first reason is the telling one; later reads only repeat that the
/// device is poisoned.
pub fn record_loss(reason: String) {
    LOST.with(|l| {
        l.borrow_mut().get_or_insert(reason);
    });
}

/// Why the device stopped answering, once a read failed.
pub fn device_lost() -> Option<String> {
    LOST.with(|l| l.borrow().clone())
}

/// Forgets a lost device (the app moved on to another one).
pub fn forget_device_loss() {
    LOST.with(|l| *l.borrow_mut() = None);
}
