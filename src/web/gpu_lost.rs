//! When WebGPU stops answering mid-run (a lost device): say so, keep what finished, and offer to go on
//! with the CPU backend — the teacher's CPU copy teaches in stage 3, stage 2 trains again.

use std::rc::Rc;

use crate::pipeline::{BackendPreference, Stage};
use leptos::prelude::*;

use super::state::{AppState, TeacherHandle, use_state};

fn continue_on_cpu(state: AppState, stage: Stage) {
    crate::train::readback::forget_device_loss();
    super::gpu::forget_webgpu();
    state.gpu_lost.set(None);
    state.config.update(|c| c.backend = BackendPreference::Cpu);
    // The teacher moves to its CPU copy; without one it must be trained again.
    let teacher = state.teacher_model.get_value();
    let moved = teacher.as_ref().and_then(|t| {
        t.cpu_copy.as_ref().map(|m| {
            Rc::new(TeacherHandle {
                model: m.clone(),
                cpu_copy: None,
                device: burn::prelude::Device::flex(),
                classes: t.classes,
                cost_s: t.cost_s,
            })
        })
    });
    if teacher.is_some() {
        state.teacher_model.set_value(moved);
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
