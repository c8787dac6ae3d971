//! Shareable state: the settings live in the page's URL (`?k=12&t=4…`), kept up to date as fields
//! change, so "Copy link" reproduces the run elsewhere. Presets are just such links.

use crate::pipeline::Config;
use crate::pipeline::url::{from_query, to_query};
use crate::pipeline::view::{ViewOptions, recording_path};
use js_sys::Reflect;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::web::state::use_state;

/// One-click starting points beside the scenarios (`pipeline::scenarios`), each a link.
pub const PRESETS: [(&str, &str, &str); 2] = [
    (
        "preset-quick",
        "Quick look (3 methods, 10 epochs)",
        "?nv=20&de=10&m=lwkd,ce,tfkd",
    ),
    ("preset-k100", "100 classes", "?k=100&n=100&nv=20&te=3"),
];

/// Problems of a link listed one by one; the rest are counted.
const MAX_PROBLEMS_SHOWN: usize = 10;

/// The settings and the view in the page's URL, and a message for each problem found in it.
pub fn initial_state() -> (Config, ViewOptions, Vec<String>) {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let (config, problems) = from_query(&search);
    let (view, view_problems) = ViewOptions::from_query(&search);
    let mut messages: Vec<String> = problems
        .into_iter()
        .chain(view_problems)
        .map(|p| p.to_string())
        .collect();
    // A link with thousands of bad parameters gets a short list, not a page-long one.
    if messages.len() > MAX_PROBLEMS_SHOWN {
        let more = messages.len() - MAX_PROBLEMS_SHOWN;
        messages.truncate(MAX_PROBLEMS_SHOWN);
        messages.push(format!("… and {more} more"));
    }
    (config, view, messages)
}

/// The page's URL for `cfg` shown as `view` (same path, settings and view as the query).
pub fn url_for(cfg: &Config, view: &ViewOptions) -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let base = format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    );
    let query: Vec<String> = [to_query(cfg), view.to_query()]
        .into_iter()
        .filter(|q| !q.is_empty())
        .collect();
    match query.join("&") {
        q if q.is_empty() => base,
        q => format!("{base}?{q}"),
    }
}

/// Puts the settings in the address bar without reloading: as a new history entry when `push` (a
/// settings edit, so that *Back* returns to the previous settings), else in place (the first load).
pub fn sync_url(cfg: &Config, view: &ViewOptions, push: bool) {
    let url = url_for(cfg, view);
    let Some(w) = web_sys::window() else { return };
    if w.location().href().ok().as_deref() == Some(url.as_str()) {
        return;
    }
    if let Ok(h) = w.history() {
        if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(&url)).ok();
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                .ok();
        }
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
    let link = move || url_for(&state.config.get(), &state.view.get_value());
    let embed_open = RwSignal::new(false);
    view! {
        <div class="share" role="group" aria-label="Share and presets"
            class:hidden=state.view.with_value(|v| v.embed)>
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
            <button id="embed-open" aria-expanded=move || embed_open.get().to_string()
                on:click=move |_| embed_open.update(|o| *o = !*o)>"Embed…"</button>
            <span class="presets">
                "Presets: "
                {PRESETS.iter().map(|(id, name, q)| view! { <a id=*id class="preset" href=*q>{*name}</a> }).collect_view()}
            </span>
        </div>
        <EmbedDialog open=embed_open/>
        <UrlProblems/>
    }
}

/// The snippet's few lines that fit each embedded app's `<iframe>` to the height it posts
/// (`platform/embed_height.rs`); without them the frame keeps its fixed 900 px.
const FIT_SCRIPT: &str = "<script>addEventListener(\"message\",function(e){var h=e.data&&e.data.lwkdHeight;document.querySelectorAll(\"iframe[data-lwkd]\").forEach(function(f){if(h>0&&f.contentWindow===e.source)f.style.height=Math.ceil(h)+\"px\"})});</script>";

/// The `<iframe>` snippet for the current settings, with the embed's choices.
#[component]
fn EmbedDialog(open: RwSignal<bool>) -> impl IntoView {
    let state = use_state();
    // The embed dialog's choices.
    let stages = RwSignal::new([true, true, true]);
    let hide_settings = RwSignal::new(false);
    let autoplay = RwSignal::new(false);
    // A recorded run's file, as typed (used only where it is a path on this site).
    let recording = RwSignal::new(String::new());
    let snippet = move || {
        let shown: Vec<u8> = (1..=3).filter(|&s| stages.get()[s as usize - 1]).collect();
        let view = ViewOptions {
            embed: true,
            stages: if shown.is_empty() {
                vec![1, 2, 3]
            } else {
                shown
            },
            hide: if hide_settings.get() {
                crate::pipeline::KNOBS
                    .iter()
                    .map(|k| k.field.to_string())
                    .collect()
            } else {
                Vec::new()
            },
            autoplay: autoplay.get(),
            recording: recording.with(|r| recording_path(r)),
        };
        format!(
            "<iframe data-lwkd src=\"{}\" title=\"LW-KD in your browser\" width=\"100%\" height=\"900\" style=\"border:0\" loading=\"lazy\"></iframe>\n{FIT_SCRIPT}",
            url_for(&state.config.get(), &view)
        )
    };
    view! {
        <div id="embed-dialog" class="embed-dialog" class:hidden=move || !open.get()
            role="group" aria-label="Embed this app in a web page">
            <p class="small">"Paste this into a blog post or course page: it shows the app with the current settings."</p>
            <div class="fields">
                {(1..=3u8).map(|s| view! {
                    <label class="check"><input type="checkbox" id=format!("embed-stage-{s}")
                        prop:checked=move || stages.get()[s as usize - 1]
                        on:change=move |ev| { let on = event_target_checked(&ev); stages.update(|v| v[s as usize - 1] = on) }/>
                        {format!("stage {s}")}</label>
                }).collect_view()}
                <label class="check"><input type="checkbox" id="embed-hide-settings"
                    on:change=move |ev| hide_settings.set(event_target_checked(&ev))/>"hide the settings"</label>
                <label class="check"><input type="checkbox" id="embed-autoplay"
                    on:change=move |ev| autoplay.set(event_target_checked(&ev))/>"start by itself"</label>
            </div>
            <label class="small" for="embed-recording">
                "Open on a recorded run (shows its results at once, trains only when the reader presses "<em>"Run it live"</em>
                "): the file made by "<em>"Save as a recorded run"</em>", on this site, relative to the app — "
            </label>
            <input id="embed-recording" type="text" placeholder="runs/quick-look.json" spellcheck="false"
                aria-describedby="embed-recording-problem"
                on:input=move |ev| recording.set(event_target_value(&ev))/>
            <span id="embed-recording-problem" class="small error" role="status">{move || recording.with(|r| {
                (!r.trim().is_empty() && recording_path(r).is_none())
                    .then_some("Not used: a .json file on this site, such as runs/quick-look.json.")
            })}</span>
            <textarea id="embed-snippet" readonly rows="5" prop:value=snippet></textarea>
        </div>
    }
}

/// What was wrong with the link the page was opened with.
#[component]
fn UrlProblems() -> impl IntoView {
    let state = use_state();
    view! {
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
