//! After WebGPU stopped answering mid-run: go on with the CPU backend. Stage 2 trains again; stage 3
//! finishes the methods that need no lightweight teacher (the teacher is trained again on the CPU for
//! LW-KD).

use crate::pipeline::BackendPreference;
use crate::protocol::Stage;
use leptos::prelude::*;

use crate::web::state::AppState;

pub fn continue_on_cpu(state: AppState, stage: Stage) {
    // The training worker forgets the device, and the teacher that lived on it.
    crate::web::trainer::client::forget_gpu();
    state.gpu_loss_answered();
    state.pick_backend(BackendPreference::Cpu);
    // Stage 3 goes on with the methods that need no lightweight teacher. LW-KD taught by the CPU copy
    // of a teacher from the lost device hangs (a wgpu TypeError on a detached buffer, cause not found
    // yet), so the teacher is forgotten (leaked in the worker: dropping lost-device tensors throws) and
    // trained again on the CPU by the person.
    if state.teacher.model.with_value(Option::is_some) {
        state.teacher.forget();
    }
    match stage {
        Stage::Teacher | Stage::Synthesize => super::teacher::train(state),
        Stage::Student(_) | Stage::HeavyTeacher | Stage::SeedTeacher => {
            super::distill::resume(state)
        }
    }
}
