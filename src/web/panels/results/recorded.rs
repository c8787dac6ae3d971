//! The note over a recorded run (`rec=` in the link): what it is, and *Run it live* to train the
//! same comparison on the reader's machine.

use leptos::prelude::*;

use super::table::SavedSettings;
use crate::web::actions::live;
use crate::web::state::use_state;

#[component]
pub fn RecordedNote() -> impl IntoView {
    let state = use_state();
    let d = state.distill;
    // Asked once: the recorded table stays until the live comparison replaces it.
    let asked = move || state.demo.get() > 0 || state.busy.get().is_some();
    view! {
        {move || d.restored.get().and_then(|r| r.recording.clone().map(|file| (r, file))).map(|(r, file)| view! {
            <p class="notice" id="recorded-note">
                <strong>"A recorded run"</strong>
                {format!(" (“{file}”): these results were computed earlier and nothing was trained on this page. ")}
                <SavedSettings query=r.query.clone()/>
                <button id="run-live" disabled=asked on:click=move |_| live::run(state, &r.query)>
                    "Run it live"
                </button>
            </p>
        })}
    }
}
