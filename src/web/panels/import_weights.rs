//! "Evaluate a saved student (.bpk)": the file input and what the evaluation found.

use js_sys::Reflect;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::actions::evaluate::evaluate_file;
use crate::web::state::use_state;

#[component]
pub fn ImportWeights() -> impl IntoView {
    let state = use_state();
    let result = RwSignal::new(None::<Result<String, String>>);
    let working = RwSignal::new(false);
    view! {
        <div class="field import">
            <label for="import-weights">"Evaluate a saved student (.bpk)"</label>
            <input type="file" id="import-weights" accept=".bpk" disabled=move || working.get() || state.busy.get().is_some()
                on:change=move |ev| {
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    let Some(file) = Reflect::get(&input, &"files".into()).ok().and_then(|l| Reflect::get(&l, &0.into()).ok()).filter(|f| !f.is_undefined()) else { return };
                    input.set_value("");
                    working.set(true);
                    result.set(None);
                    spawn_local(async move {
                        result.set(Some(evaluate_file(state, file).await));
                        working.set(false);
                    });
                }/>
        </div>
        <p id="import-result" aria-live="polite" class:error=move || matches!(result.get(), Some(Err(_)))>
            {move || match result.get() {
                None if working.get() => "Evaluating…".to_string(),
                None => String::new(),
                Some(Ok(m)) => m,
                Some(Err(e)) => format!("Not loaded: {e}."),
            }}
        </p>
    }
}
