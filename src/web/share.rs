//! Shareable state: the settings live in the page's URL (`?k=12&t=4…`), kept up to date as fields
//! change, so "Copy link" reproduces the run elsewhere. Presets are just such links.

use crate::pipeline::Config;
use crate::pipeline::url::{from_query, to_query};
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::state::use_state;

/// One-click starting points, each a link.
pub const PRESETS: [(&str, &str, &str); 3] = [
    (
        "preset-quick",
        "Quick look (~30 s)",
        "?n=200&nv=20&te=2&tpc=100&de=2&m=lwkd,ce,tfkd",
    ),
    (
        "preset-classroom",
        "Classroom (all methods)",
        "?n=500&te=3&tpc=300&de=3",
    ),
    ("preset-k100", "100 classes", "?k=100&n=100&nv=20&te=3"),
];

/// The config in the page's URL, and a message for each problem found in it.
pub fn initial_config() -> (Config, Vec<String>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (config, problems) = from_query(&search);
    (config, problems.into_iter().map(|p| p.message).collect())
}

/// The page's URL for `cfg` (same path, the settings as the query).
pub fn url_for(cfg: &Config) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let base = format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    );
    match to_query(cfg) {
        q if q.is_empty() => base,
        q => format!("{base}?{q}"),
    }
}

/// Rewrites the address bar (no reload, no history entry).
pub fn sync_url(cfg: &Config) {
    let url = url_for(cfg);
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            .ok();
    }
}

/// `navigator.clipboard.writeText(text)`; false where the browser refuses (no permission, no HTTPS).
async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&w.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let Ok(write) = Reflect::get(&clipboard, &"writeText".into()) else {
        return false;
    };
    let Some(write) = write.dyn_ref::<js_sys::Function>() else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

#[component]
pub fn ShareBar() -> impl IntoView {
    let state = use_state();
    let copied = RwSignal::new(None::<bool>);
    let link = move || url_for(&state.config.get());
    view! {
        <div class="share" role="group" aria-label="Share and presets">
            <label for="share-url" class="inline">"Link to these settings"</label>
            <input id="share-url" type="text" readonly prop:value=link
                on:focus=move |ev| {
                    if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        i.select();
                    }
                }/>
            <button id="copy-link" on:click=move |_| {
                let text = link();
                leptos::task::spawn_local(async move { copied.set(Some(copy(&text).await)) });
            }>"Copy link"</button>
            <span class="figures muted" role="status">{move || match copied.get() {
                Some(true) => "Copied.",
                Some(false) => "The browser refused the clipboard: select the link and copy it.",
                None => "",
            }}</span>
            <span class="presets">
                "Presets: "
                {PRESETS.iter().map(|(id, name, q)| view! { <a id=*id class="preset" href=*q>{*name}</a> }).collect_view()}
            </span>
        </div>
        {move || {
            let problems = state.url_problems.get();
            (!problems.is_empty()).then(|| view! {
                <div class="notice" id="url-problems" role="alert">
                    <strong>"The link had settings this app cannot use; defaults are used instead:"</strong>
                    <ul>{problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}
