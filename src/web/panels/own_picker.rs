//! "Your own images" in stage 3: a folder or .zip picker and a drop zone, a status line while the
//! browser decodes, and the notes on what was left out. A failed read keeps whatever was loaded before.

use crate::data::TargetKind;
use crate::data::own::{MAX_CLASSES, MIN_CLASSES, MIN_PER_CLASS};
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::web::actions::own_images::read;
use crate::web::platform::own_files;
use crate::web::state::{OwnStatus, use_state};

#[component]
pub fn OwnData() -> impl IntoView {
    let state = use_state();
    let folder = NodeRef::<html::Input>::new();
    let dragging = RwSignal::new(false);
    // Not a Leptos attribute: set once the input exists.
    Effect::new(move |_| {
        if let Some(input) = folder.get() {
            input.set_attribute("webkitdirectory", "").ok();
        }
    });
    // No new images while they are being read or while a job runs on the current ones.
    let reading = move || {
        matches!(state.targets.own_status.get(), OwnStatus::Reading { .. })
            || state.busy.get().is_some()
    };
    let on_input = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        read(state, own_files::from_input(&input));
        input.set_value("");
    };
    let loaded = move || {
        state.targets.status.track();
        state.target(TargetKind::Own)
    };
    view! {
        <div id="own-data" class="own-data" class:hidden=move || state.config.get().target != TargetKind::Own>
            <div id="own-drop" class="drop-zone" class:dragging=move || dragging.get()
                on:dragover=move |ev| { ev.prevent_default(); dragging.set(true) }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev| {
                    ev.prevent_default();
                    dragging.set(false);
                    let entries = own_files::drop_entries(ev.as_ref());
                    spawn_local(async move {
                        let files = own_files::walk_entries(entries).await;
                        read(state, files);
                    });
                }>
                <p>{format!(
                    "Drop a folder (or a .zip) of images here: one sub-folder per class, {MIN_CLASSES} to {MAX_CLASSES} \
                     classes, at least {MIN_PER_CLASS} images each. They are read in this browser and never sent anywhere; \
                     every picture is cropped to its centre square and shrunk to 28 × 28 grey."
                )}</p>
                <div class="fields">
                    <div class="field">
                        <label for="own-folder">"A folder of class folders"</label>
                        <input type="file" id="own-folder" node_ref=folder multiple
                            on:change=on_input disabled=reading/>
                    </div>
                    <div class="field">
                        <label for="own-zip">"…or a .zip of it"</label>
                        <input type="file" id="own-zip" accept=".zip,application/zip"
                            on:change=on_input disabled=reading/>
                    </div>
                </div>
            </div>
            <p id="own-status" aria-live="polite" class:error=move || matches!(state.targets.own_status.get(), OwnStatus::Failed(_))>
                {move || match state.targets.own_status.get() {
                    OwnStatus::Idle => "No images chosen yet.".to_string(),
                    OwnStatus::Reading { done, total } if total > 0 => format!("Reading images: {done} / {total}…"),
                    OwnStatus::Reading { .. } => "Looking through the files…".to_string(),
                    OwnStatus::Ready => loaded().map(|t| format!(
                        "Your images: {} classes ({}), {} training and {} test images. K is now {}: for LW-KD, \
                         generate the numerals and train the teacher again with {} classes.",
                        t.classes(), t.class_names.join(", "), t.train.len(), t.test.len(), t.classes(), t.classes()
                    )).unwrap_or_default(),
                    OwnStatus::Failed(m) => match loaded() {
                        Some(t) => format!("Not used: {m}. Still using your previous images ({} classes).", t.classes()),
                        None => format!("Not used: {m}."),
                    },
                }}
            </p>
            <ul id="own-notes" class="small muted">
                {move || state.targets.own_notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <OwnNoiseNote/>
        </div>
    }
}

/// The default scenario flips labels on purpose; on a person's own images that needs saying.
#[component]
fn OwnNoiseNote() -> impl IntoView {
    let state = use_state();
    move || {
        let noise = state.config.get().label_noise;
        (noise > 0.0).then(|| view! {
            <p id="own-noise" class="notice small">{format!(
                "Label noise is {noise}: {:.0} % of your training labels will be flipped on purpose (the default scenario shows how methods resist it). Set “Label noise” to 0 to train on your labels as they are.",
                noise * 100.0
            )}</p>
        })
    }
}
