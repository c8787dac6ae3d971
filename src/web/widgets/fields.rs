//! Form fields made from the knob table ([`KNOBS`]): a stage's number fields in table order, each
//! with the table's label, range and help. Typing updates the config; every invalid value gets its
//! message beside the field, and the run buttons stay disabled until it is fixed.

use crate::pipeline::knob::{Kind, Knob};
use crate::pipeline::{BackendPreference, KNOBS};
use leptos::prelude::*;

use crate::web::state::use_state;

/// The number fields (whole numbers, seeds, reals) of `stage`, in the table's order.
#[component]
pub fn KnobFields(stage: u8) -> impl IntoView {
    KNOBS
        .iter()
        .filter(|k| k.stage == stage && !matches!(k.kind, Kind::Choice(_) | Kind::List(_)))
        .map(|knob| view! { <NumberField knob/> })
        .collect_view()
}

#[component]
pub fn NumberField(knob: &'static Knob) -> impl IntoView {
    let state = use_state();
    let field = knob.field;
    let id = format!("field-{field}");
    let err_id = format!("{id}-error");
    let on_change = move |ev: leptos::ev::Event| state.type_setting(knob, &event_target_value(&ev));
    let error = move || state.error_for(field);
    let decimal = matches!(knob.kind, Kind::Number { .. });
    view! {
        <div class="field" class:invalid=move || error().is_some()
            class:hidden=state.view.with_value(|v| v.hides(field))>
            <label for=id.clone()>{knob.label}</label>
            <input
                id=id
                name=field
                data-knob=field
                type="text"
                inputmode=if decimal { "decimal" } else { "numeric" }
                prop:value=move || knob.text(&state.config.get())
                on:change=on_change
                disabled=move || state.busy.get().is_some()
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=err_id.clone()
            />
            <small class="help">{knob.help()}</small>
            <small class="error" id=err_id role="status">{move || error().unwrap_or_default()}</small>
        </div>
    }
}

#[component]
pub fn BackendSelect() -> impl IntoView {
    let state = use_state();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(p) = BackendPreference::from_key(&event_target_value(&ev)) {
            state.pick_backend(p);
        }
    };
    view! {
        <label class="inline" for="field-backend">"Backend"</label>
        <select id="field-backend" data-knob="backend" on:change=on_change disabled=move || state.busy.get().is_some()>
            {BackendPreference::ALL
                .into_iter()
                .map(|p| {
                    let text = match p {
                        BackendPreference::Auto => "Automatic",
                        BackendPreference::WebGpu => "WebGPU (GPU)",
                        BackendPreference::Cpu => "CPU (Flex)",
                    };
                    view! {
                        <option value=p.key() selected=move || state.config.get().backend == p>
                            {text}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
