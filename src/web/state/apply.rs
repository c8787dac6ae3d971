//! The reducer: how each pipeline [`Event`] changes the store. The page's host and the training
//! worker's client both hand their events here.

use crate::protocol::{Event, Method, MethodResult, Stage};
use leptos::prelude::*;

use super::{AppState, Progress};

impl AppState {
    /// Folds one pipeline event into the signals.
    pub fn apply(&self, event: Event) {
        self.apply_from(0, event);
    }

    /// Folds one event of training worker `source` into the signals.
    pub fn apply_from(&self, source: usize, event: Event) {
        self.follow_disc(source, &event);
        // Stage 3's pool trains several networks at once: the live figures follow the one that
        // started last, the others' are dropped (their results still arrive whole).
        if let Some(stage) = event.live_stage()
            && !self.shown(stage)
        {
            return;
        }
        match event {
            Event::StageStarted { stage, total_steps } => self.stage_started(stage, total_steps),
            Event::Steps {
                stage,
                points,
                samples_per_s,
                elapsed_s,
            } => {
                if let Some(last) = points.last()
                    && let Some(progress) = self.progress_of(stage)
                {
                    progress.update(|p| {
                        p.step = last.step;
                        p.samples_per_s = samples_per_s;
                        p.elapsed_s = elapsed_s;
                    });
                }
                if stage == Stage::Teacher {
                    self.teacher
                        .run
                        .losses
                        .update(|l| l.extend(points.iter().map(|p| (p.step as f32, p.loss))));
                }
            }
            Event::Parts { points, .. } => self.distill.run.losses.update(|l| l.extend(points)),
            // Another seed's teacher shows its progress only (stage 3's charts are the students').
            Event::Evaluated {
                stage: Stage::SeedTeacher,
                ..
            } => {}
            Event::Evaluated {
                stage,
                epoch,
                train_acc,
                val_acc,
            } => {
                let run = if stage == Stage::Teacher {
                    self.teacher.run.accuracy
                } else {
                    self.distill.run.accuracy
                };
                run.update(|a| a.push((epoch, train_acc, val_acc)));
            }
            Event::MethodDone(r) => self.method_done(*r),
            Event::Showcase(picture) => {
                self.distill.started();
                self.distill.showcase.set(Some(*picture));
            }
            Event::StageDone { .. } => {}
            Event::Failed { stage, message } => self.tell(Some(stage.number()), message),
        }
    }

    fn method_done(&self, r: MethodResult) {
        let d = self.distill;
        if d.chosen.get_untracked().is_none() {
            d.chosen.set(Some(r.method));
        }
        // In method order, then seed, whichever worker finished first.
        let key = |r: &MethodResult| (Method::ALL.iter().position(|&m| m == r.method), r.seed);
        d.results.update(|v| {
            let at = v.partition_point(|x| key(x) <= key(&r));
            v.insert(at, r);
        });
    }

    /// Whether `stage`'s live figures are on screen: the teacher's always, stage 3's for the network
    /// that started last.
    fn shown(&self, stage: Stage) -> bool {
        match stage {
            Stage::Synthesize | Stage::Teacher => true,
            _ => self.distill.run.progress.with_untracked(|p| p.stage) == Some(stage),
        }
    }

    /// The progress line `stage`'s figures go to (stage 1 has none).
    fn progress_of(&self, stage: Stage) -> Option<RwSignal<Progress>> {
        match stage {
            Stage::Synthesize => None,
            Stage::Teacher => Some(self.teacher.run.progress),
            Stage::Student(_) | Stage::HeavyTeacher | Stage::SeedTeacher => {
                Some(self.distill.run.progress)
            }
        }
    }

    fn stage_started(&self, stage: Stage, total_steps: usize) {
        // Only the stage that started last shows its progress.
        self.clear_progress();
        if let Some(progress) = self.progress_of(stage) {
            progress.set(Progress {
                stage: Some(stage),
                total: total_steps,
                ..Progress::default()
            });
        }
        if stage != Stage::Teacher && stage != Stage::Synthesize {
            self.distill.started();
            self.busy.set(Some(stage));
            self.distill.run.clear_charts();
        }
    }

    /// LW-KD's discriminator chart follows one LW-KD run from its start to its end, in whichever
    /// worker: the first to start once none is followed (a new comparison forgets the last one).
    fn follow_disc(&self, source: usize, event: &Event) {
        let d = self.distill;
        let lwkd = Stage::Student(Method::LwKd);
        let followed = d.disc_source.get_value() == Some(source);
        match event {
            Event::StageStarted { stage, .. }
                if *stage == lwkd && d.disc_source.get_value().is_none() =>
            {
                d.disc_source.set_value(Some(source));
                d.disc_acc.set(Vec::new());
            }
            Event::Parts { stage, points }
                if *stage == lwkd && followed && points.iter().any(|p| p.disc != 0.0) =>
            {
                d.disc_acc.update(|a| {
                    a.extend(points.iter().map(|p| (p.step as f32, p.disc_acc * 100.0)))
                });
            }
            Event::MethodDone(r) if r.method == Method::LwKd && followed => {
                d.disc_source.set_value(None)
            }
            _ => {}
        }
    }
}
