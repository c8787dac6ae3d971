//! Events as terminal lines: progress on stderr, stage summaries on stdout.

use lwkd::protocol::{Event, Stage};

pub fn print_event(e: &Event) {
    match e {
        Event::StageStarted { stage, total_steps } => {
            eprintln!("[{}] started ({total_steps} steps)", stage.label())
        }
        Event::Evaluated {
            stage,
            epoch,
            train_acc,
            val_acc,
        } => eprintln!(
            "[{}] epoch {epoch}: train accuracy {:.2}%, {} accuracy {:.2}%",
            stage.label(),
            train_acc * 100.0,
            // Stage 3 evaluates on the target's test split, the teacher on held-out numerals.
            if *stage == Stage::Teacher {
                "validation"
            } else {
                "test"
            },
            val_acc * 100.0
        ),
        Event::StageDone { stage, summary, .. } => println!("[{}] done: {summary}", stage.label()),
        Event::Failed { stage, message } => eprintln!("[{}] failed: {message}", stage.label()),
        Event::Steps { .. } | Event::Parts { .. } | Event::Showcase(_) => {}
        Event::MethodDone(r) => eprintln!(
            "[{}] test accuracy {:.2}% · teacher {:.1} s · distillation {:.1} s",
            r.method.label(),
            r.test_acc * 100.0,
            r.teacher_s,
            r.distill_s
        ),
    }
}
