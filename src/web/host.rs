//! The browser's [`Host`]: events become signal updates; checkpoints yield to the event loop so the
//! page keeps drawing, wait while paused and stop on cancel.

use std::time::Duration;

use crate::distill::Method;
use crate::pipeline::{Cancelled, Event, Host, Stage};
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
            Event::StageStarted { stage, total_steps } => {
                s.progress.set(Progress {
                    stage: Some(stage),
                    total: total_steps,
                    ..Progress::default()
                });
                if stage != Stage::Teacher && stage != Stage::Synthesize {
                    s.busy.set(Some(stage));
                    s.distill_losses.set(Vec::new());
                    s.distill_acc.set(Vec::new());
                }
                if stage == Stage::Student(Method::LwKd) {
                    s.disc_acc.set(Vec::new());
                }
            }
            Event::Steps {
                stage,
                points,
                samples_per_s,
                elapsed_s,
            } => {
                if let Some(last) = points.last() {
                    s.progress.update(|p| {
                        p.step = last.step;
                        p.samples_per_s = samples_per_s;
                        p.elapsed_s = elapsed_s;
                    });
                }
                if stage == Stage::Teacher {
                    s.losses
                        .update(|l| l.extend(points.iter().map(|p| (p.step as f32, p.loss))));
                }
            }
            Event::Parts { stage, points } => {
                if stage == Stage::Student(Method::LwKd) && points.iter().any(|p| p.disc != 0.0) {
                    s.disc_acc.update(|a| {
                        a.extend(points.iter().map(|p| (p.step as f32, p.disc_acc * 100.0)))
                    });
                }
                s.distill_losses.update(|l| l.extend(points));
            }
            Event::Evaluated {
                stage,
                epoch,
                train_acc,
                val_acc,
            } => {
                let signal = if stage == Stage::Teacher {
                    s.accuracy
                } else {
                    s.distill_acc
                };
                signal.update(|a| a.push((epoch, train_acc, val_acc)));
            }
            Event::MethodDone(r) => {
                if s.chosen.get_untracked().is_none() {
                    s.chosen.set(Some(r.method));
                }
                s.results.update(|v| v.push(*r));
            }
            Event::StageDone { .. } => {}
            Event::Failed { message, .. } => s.notice.set(Some(message)),
        }
    }

    async fn checkpoint(&mut self) -> Result<Duration, Cancelled> {
        let control = self.state.control;
        checkpoint(|| control.get_untracked()).await
    }
}

/// A browser checkpoint (the page's or the training worker's): gives the event loop a turn, stops on
/// a lost device or a cancel, waits while `control()` says pause, and returns how long it waited.
pub(super) async fn checkpoint(control: impl Fn() -> Control) -> Result<Duration, Cancelled> {
    super::yield_now::yield_now().await;
    if crate::train::readback::device_lost().is_some() {
        return Err(Cancelled);
    }
    let mut paused = Duration::ZERO;
    loop {
        match control() {
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
