//! When WebGPU stops answering mid-run (a lost device): say so, keep what finished, and offer to go on
//! with the CPU backend (see [`continue_on_cpu`]).

use crate::protocol::Stage;
use leptos::prelude::*;

use crate::web::actions::gpu_lost::continue_on_cpu;
use crate::web::state::use_state;

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
