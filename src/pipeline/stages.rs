//! Stage 1 as a pipeline stage: events around the (synchronous, fast) synthesizer.

use web_time::Instant;

use crate::data::{ImageSet, SynthConfig, SynthSet};
use crate::protocol::{Event, Host, Stage};

/// Generates the synthesized set and reports its size and time. Errors are reported as `Failed`.
pub fn synthesize(
    config: SynthConfig,
    train_digits: &ImageSet,
    heldout_digits: &ImageSet,
    host: &mut impl Host,
) -> Option<(SynthSet, f32)> {
    let stage = Stage::Synthesize;
    host.emit(Event::StageStarted {
        stage,
        total_steps: 1,
    });
    let start = Instant::now();
    match SynthSet::generate(config, train_digits, heldout_digits) {
        Ok(set) => {
            let seconds = start.elapsed().as_secs_f32();
            host.emit(Event::StageDone {
                stage,
                seconds,
                summary: format!(
                    "{} training + {} validation images of {} classes ({}×{} px), fingerprint {}",
                    set.train.len(),
                    set.val.len(),
                    config.classes,
                    set.train.rows,
                    set.train.cols,
                    set.fingerprint()
                ),
            });
            Some((set, seconds))
        }
        Err(e) => {
            host.emit(Event::Failed {
                stage,
                message: e.to_string(),
            });
            None
        }
    }
}
