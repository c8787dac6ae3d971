//! `<RunControls/>`: a stage's run, pause / resume and cancel buttons, then its progress bar and
//! figures (step, speed, time left or taken).

use crate::protocol::Control;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::web::state::{Progress, use_state};

/// The ids of one stage's controls (the tests and the stylesheet know them).
pub struct RunIds {
    pub run: &'static str,
    pub pause: &'static str,
    pub cancel: &'static str,
    pub progress: &'static str,
    pub rate: &'static str,
}

fn eta(p: &Progress) -> String {
    if p.step == 0 || p.total == 0 {
        return "starting…".into();
    }
    let left = p.elapsed_s / p.step as f32 * (p.total - p.step) as f32;
    format!("{:.0} s left", left.ceil())
}

/// The figures beside the progress bar; the stage is named first when `name_stage`.
fn figures(p: Option<Progress>, busy: bool, paused: bool, name_stage: bool) -> String {
    let Some(p) = p else {
        return "—".to_string();
    };
    let stage = match p.stage {
        Some(s) if name_stage => format!("{} · ", s.label()),
        _ => String::new(),
    };
    format!(
        "{stage}step {} / {} · {:.0} samples/s · {}{}",
        p.step,
        p.total,
        p.samples_per_s,
        if busy {
            eta(&p)
        } else {
            format!("{:.1} s", p.elapsed_s)
        },
        if paused { " · paused" } else { "" }
    )
}

/// Whether focus may be moved: it is on one of `ours` or nowhere in particular (the page itself).
fn focus_is_free(ours: &[Option<web_sys::HtmlButtonElement>]) -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    match doc.active_element() {
        None => true,
        Some(el) => {
            doc.body().is_some_and(|b| *b == el)
                || ours
                    .iter()
                    .flatten()
                    .any(|b| *b.unchecked_ref::<web_sys::Element>() == el)
        }
    }
}

#[component]
pub fn RunControls(
    ids: RunIds,
    label: &'static str,
    busy_label: &'static str,
    on_run: impl Fn() + 'static,
    #[prop(into)] can_run: Signal<bool>,
    /// This stage is running.
    #[prop(into)]
    busy: Signal<bool>,
    /// This stage's progress; None when there is nothing to show.
    #[prop(into)]
    progress: Signal<Option<Progress>>,
    /// Name the running stage before its figures (stage 3 runs several).
    #[prop(optional)]
    name_stage: bool,
    /// More in the buttons' row, after them.
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let state = use_state();
    let paused = move || state.control.get() == Control::Pause;
    let toggle = move |_| state.toggle_pause();
    // Keyboard users keep their place: the pressed button is disabled while its job runs (the browser
    // then drops focus to the page's start), so focus moves to Pause, and back when the job ends —
    // without scrolling, and never inside an embed (focus there would leave the host's page).
    let (run_ref, pause_ref, cancel_ref) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
    let embed = state.view.with_value(|v| v.embed);
    Effect::new(move |was: Option<bool>| {
        let now = busy.get();
        if !embed && was.is_some_and(|was| was != now) {
            request_animation_frame(move || {
                let ours = [run_ref, pause_ref, cancel_ref].map(|r| r.get_untracked());
                if focus_is_free(&ours) {
                    let to: NodeRef<html::Button> = if now { pause_ref } else { run_ref };
                    if let Some(b) = to.get_untracked() {
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = b.focus_with_options(&options);
                    }
                }
            });
        }
        now
    });
    let pct = move || {
        progress
            .get()
            .map_or(0.0, |p| 100.0 * p.step as f32 / p.total as f32)
    };
    view! {
        <div class="actions">
            <button id=ids.run node_ref=run_ref class="primary" on:click=move |_| on_run() disabled=move || !can_run.get()>
                {move || if busy.get() { busy_label } else { label }}
            </button>
            <button id=ids.pause node_ref=pause_ref on:click=toggle disabled=move || !busy.get()
                aria-pressed=move || if paused() { "true" } else { "false" }>
                {move || if paused() { "Resume" } else { "Pause" }}
            </button>
            <button id=ids.cancel node_ref=cancel_ref on:click=move |_| state.cancel() disabled=move || !busy.get()>
                "Cancel"
            </button>
            {children.map(|c| c())}
        </div>
        <div class="progress-row" aria-live="polite">
            <progress id=ids.progress max="100" value=move || pct().to_string()></progress>
            <span id=ids.rate class="figures">
                {move || figures(progress.get(), busy.get(), paused(), name_stage)}
            </span>
        </div>
    }
}
