//! The scenarios (`pipeline::scenarios`): links to comparisons with something to show, each with its
//! one line on what to notice — listed under the header, and repeated beside the results they explain.

use leptos::prelude::*;

use crate::pipeline::scenarios::{SCENARIOS, scenario_of};
use crate::web::state::use_state;

#[component]
pub fn Scenarios() -> impl IntoView {
    let state = use_state();
    let current = move || scenario_of(&state.config.get()).map(|s| s.id);
    view! {
        <nav class="scenarios" aria-label="Scenarios" class:hidden=state.view.with_value(|v| v.embed)>
            <h2 class="small">"Scenarios: when does distillation matter?"</h2>
            <ul>
                {SCENARIOS.iter().map(|s| view! {
                    <li class:current=move || current() == Some(s.id)>
                        <a id=format!("scenario-{}", s.id) href=if s.query.is_empty() { "?" } else { s.query }>{s.name}</a>
                        <span class="small muted">{format!(" — {}", s.notice)}</span>
                    </li>
                }).collect_view()}
            </ul>
        </nav>
    }
}

/// "What to notice", beside the results of a comparison run with a scenario's settings.
#[component]
pub fn ScenarioNotice() -> impl IntoView {
    let state = use_state();
    move || {
        let s = scenario_of(&state.config.get())?;
        Some(view! {
            <p id="scenario-notice" class="notice">
                <strong>{format!("What to notice ({}): ", s.name)}</strong>{s.notice}
            </p>
        })
    }
}
