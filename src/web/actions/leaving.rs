//! Leaving the page loses nothing silently: while a job runs, or while students whose weights were
//! never downloaded are on the page (a reload keeps the table, not the weights), the browser asks
//! first. Settings edits are history entries: *Back* returns to the previous settings without
//! reloading, so generated data and trained networks stay.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::pipeline::url::from_query;
use crate::web::panels::share;
use crate::web::state::AppState;

/// Whether leaving now would lose work.
fn would_lose(state: AppState) -> bool {
    let d = state.distill;
    let unsaved = d.results.with_untracked(|rs| {
        rs.iter()
            .any(|r| !r.weights.is_empty() && !d.downloaded.with_value(|w| w.contains(&r.method)))
    });
    state.busy_now() || unsaved
}

fn listen(event: &str, handler: impl FnMut(web_sys::Event) + 'static) {
    let Some(w) = web_sys::window() else { return };
    let handler = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
    w.add_event_listener_with_callback(event, handler.as_ref().unchecked_ref())
        .ok();
    handler.forget();
}

pub fn install(state: AppState) {
    listen("beforeunload", move |e| {
        if would_lose(state) {
            // The standard way to ask (the browser shows its own words).
            e.prevent_default();
            js_sys::Reflect::set(&e, &"returnValue".into(), &"".into()).ok();
        }
    });
    listen("popstate", move |_| {
        if state.busy_now() {
            // The run keeps its settings; the address bar goes back to them.
            state.tell(
                None,
                "The settings stay as they are while a run is going; Back works again when it has finished.",
            );
            share::sync_url(&state.config.get_untracked(), &state.view.get_value(), true);
            return;
        }
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        state.return_to(from_query(&search).0);
    });
}
