//! When WebGPU stops answering mid-run (a lost device): say so, keep what finished, and offer to go on
//! with the CPU backend: stage 2 trains again, stage 3 finishes the methods that need no lightweight
//! teacher (the teacher is trained again on the CPU for LW-KD).

use crate::pipeline::{BackendPreference, Stage};
use leptos::prelude::*;

use super::state::{AppState, use_state};

fn continue_on_cpu(state: AppState, stage: Stage) {
    // The training worker forgets the device, and the teacher that lived on it.
    super::trainer::client::forget_gpu();
    state.gpu_lost.set(None);
    state.config.update(|c| c.backend = BackendPreference::Cpu);
    // Stage 3 goes on with the methods that need no lightweight teacher. LW-KD taught by the CPU copy
    // of a teacher from the lost device hangs (a wgpu TypeError on a detached buffer, cause not found
    // yet), so the teacher is forgotten (leaked in the worker: dropping lost-device tensors throws) and
    // trained again on the CPU by the person.
    if state.teacher_model.with_value(Option::is_some) {
        state.teacher_model.set_value(None);
        state.teacher.set(None);
    }
    match stage {
        Stage::Teacher | Stage::Synthesize => super::teacher_panel::train(state),
        Stage::Student(_) | Stage::HeavyTeacher => super::distill_panel::resume(state),
    }
}

#[component]
pub fn GpuLost() -> impl IntoView {
    let state = use_state();
    move || {
        state.gpu_lost.get().map(|(stage, reason)| {
            let what = match stage {
                Stage::Teacher | Stage::Synthesize => "The teacher's training stopped",
                _ => "The comparison stopped; the finished methods stay in the table",
            };
            view! {
                <div id="gpu-lost" class="notice error" role="alert">
                    <p>
                        <strong>"WebGPU stopped working"</strong>
                        {format!(" ({}). {what}.", reason.lines().next().unwrap_or("device lost"))}
                    </p>
                    <button id="continue-cpu" class="primary" on:click=move |_| continue_on_cpu(state, stage)>
                        "Continue on the CPU"
                    </button>
                </div>
            }
        })
    }
}
