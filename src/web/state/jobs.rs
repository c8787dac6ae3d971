//! The page's one running job: when it starts and ends, what the person asked of it, and the
//! requests that start jobs by themselves (*Run the whole demo*).

use leptos::prelude::*;

use super::AppState;
use crate::protocol::{Control, Stage};

impl AppState {
    /// `stage` runs now: the page is busy and the last notice goes.
    pub fn busy_with(&self, stage: Stage) {
        self.busy.set(Some(stage));
        self.notice.set(None);
    }

    /// A job in a training worker starts as `stage`: it runs (not paused), and a lost-device note
    /// from the last one goes.
    pub fn begin_job(&self, stage: Stage) {
        self.busy_with(stage);
        self.control.set(Control::Run);
        self.gpu_lost.set(None);
    }

    /// The running stage ended, however it ended: the page is idle.
    pub fn idle(&self) {
        self.busy.set(None);
    }

    /// A job in a training worker ended: the page is idle and the next one runs unpaused.
    pub fn end_job(&self) {
        self.idle();
        self.control.set(Control::Run);
    }

    /// WebGPU stopped answering while `stage` ran: the page offers to go on with the CPU.
    pub fn lose_gpu(&self, stage: Stage, reason: String) {
        self.gpu_lost.set(Some((stage, reason)));
    }

    /// The offer to go on with the CPU was taken.
    pub fn gpu_loss_answered(&self) {
        self.gpu_lost.set(None);
    }

    /// *Pause* or *Resume* the running job.
    pub fn toggle_pause(&self) {
        self.control.update(|c| {
            *c = if *c == Control::Pause {
                Control::Run
            } else {
                Control::Pause
            }
        });
    }

    /// *Cancel* the running job.
    pub fn cancel(&self) {
        self.control.set(Control::Cancel);
    }

    /// *Run the whole demo*: autoplay runs the three stages for this request.
    pub fn request_demo(&self) {
        self.demo.update(|n| *n += 1);
    }

    /// Charts are drawn again (the type size changed).
    pub fn redraw_charts(&self) {
        self.screen.update(|t| *t = t.wrapping_add(1));
    }
}
