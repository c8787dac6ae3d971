//! `<NoticeSlot/>`: where a message for the person appears — beside the controls of the stage it is
//! about, so it is seen where the button was pressed (and announced: `role="status"`).

use leptos::prelude::*;

use crate::web::state::use_state;

/// Shows the current notice if it belongs to `stage`. The page-wide slot (None) takes the notices of
/// no stage and of stages an embed hides.
#[component]
pub fn NoticeSlot(stage: Option<u8>) -> impl IntoView {
    let state = use_state();
    let shown = move |s: Option<u8>| s.is_some_and(|s| state.view.with_value(|v| v.shows(s)));
    move || {
        state
            .notice
            .get()
            .filter(|n| match stage {
                Some(_) => n.stage == stage && shown(stage),
                None => !shown(n.stage),
            })
            .map(|n| view! { <p class="notice" id="notice" role="status">{n.text}</p> })
    }
}
