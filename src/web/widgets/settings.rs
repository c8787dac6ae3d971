//! `<Settings/>`: a stage's detailed controls, folded on a plain first visit (the first screen asks
//! for one click, not a form) and open when the link carried settings or the page is embedded.

use leptos::prelude::*;

use crate::web::state::use_state;

#[component]
pub fn Settings(children: Children) -> impl IntoView {
    let open = use_state().settings_open.get_value();
    view! {
        <details class="settings" open=open>
            <summary>"Settings"</summary>
            {children()}
        </details>
    }
}
