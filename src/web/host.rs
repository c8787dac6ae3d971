//! The browser's [`Host`]: events become signal updates; checkpoints yield to the event loop so the
//! page keeps drawing, wait while paused and stop on cancel.

use std::time::Duration;

use crate::pipeline::{Cancelled, Event, Host};
use gloo_timers::future::TimeoutFuture;
use leptos::prelude::*;
use web_time::Instant;

use super::state::{AppState, Control, Progress};

pub struct WebHost {
    pub state: AppState,
}

impl Host for WebHost {
    fn emit(&mut self, event: Event) {
        let s = self.state;
        match event {
            Event::StageStarted { total_steps, .. } => s.progress.set(Progress {
                total: total_steps,
                ..Progress::default()
            }),
            Event::Steps {
                points,
                samples_per_s,
                elapsed_s,
                ..
            } => {
                if let Some(last) = points.last() {
                    s.progress.update(|p| {
                        p.step = last.step;
                        p.samples_per_s = samples_per_s;
                        p.elapsed_s = elapsed_s;
                    });
                }
                s.losses
                    .update(|l| l.extend(points.iter().map(|p| (p.step as f32, p.loss))));
            }
            Event::Evaluated {
                epoch,
                train_acc,
                val_acc,
                ..
            } => s.accuracy.update(|a| a.push((epoch, train_acc, val_acc))),
            Event::StageDone { .. } => {}
            Event::Failed { message, .. } => s.notice.set(Some(message)),
        }
    }

    async fn checkpoint(&mut self) -> Result<Duration, Cancelled> {
        TimeoutFuture::new(0).await;
        let mut paused = Duration::ZERO;
        loop {
            match self.state.control.get_untracked() {
                Control::Run => return Ok(paused),
                Control::Cancel => return Err(Cancelled),
                Control::Pause => {
                    let t = Instant::now();
                    TimeoutFuture::new(50).await;
                    paused += t.elapsed();
                }
            }
        }
    }
}
