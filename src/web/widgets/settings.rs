//! `<Settings/>`: a stage's detailed controls, folded on a plain first visit (the first screen asks
//! for one click, not a form) and open when the link carried settings or the page is embedded. Where
//! the link hides every one of them (an embed's "hide the settings"), there is no disclosure at all.

use leptos::prelude::*;

use crate::pipeline::KNOBS;
use crate::web::state::use_state;

#[component]
pub fn Settings(
    /// The stage whose settings these are.
    stage: u8,
    children: Children,
) -> impl IntoView {
    let state = use_state();
    let open = state.settings_open.get_value();
    let all_hidden = state.view.with_value(|v| {
        KNOBS
            .iter()
            .filter(|k| k.stage == stage)
            .all(|k| v.hides(k.field))
    });
    view! {
        <details class="settings" open=open class:hidden=all_hidden>
            <summary>"Settings"</summary>
            {children()}
        </details>
    }
}
