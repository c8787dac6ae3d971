//! Form fields bound to the [`Config`]: typing updates the config, and every invalid value gets its
//! message beside the field, while the run buttons stay disabled until it is fixed.

use crate::pipeline::{BackendPreference, Config};
use leptos::prelude::*;

use crate::web::state::{AppState, use_state};

/// Applies `text` to `field`; Err is the message for text that is not a number of the right kind.
fn apply(cfg: &mut Config, field: &str, text: &str) -> Result<(), String> {
    let t = text.trim();
    let whole = || {
        t.parse::<usize>()
            .map_err(|_| format!("“{t}” is not a whole number"))
    };
    let number = || {
        t.parse::<f64>()
            .map_err(|_| format!("“{t}” is not a number"))
    };
    match field {
        "classes" => cfg.classes = whole()?,
        "per_class" => cfg.per_class = whole()?,
        "val_per_class" => cfg.val_per_class = whole()?,
        "teacher_epochs" => cfg.teacher_epochs = whole()?,
        "batch_size" => cfg.batch_size = whole()?,
        "seed" => {
            cfg.seed = t
                .parse()
                .map_err(|_| format!("“{t}” is not a seed (0 to 2^64−1)"))?
        }
        "lr" => cfg.lr = number()?,
        "distill_epochs" => cfg.distill_epochs = whole()?,
        "train_per_class" => cfg.train_per_class = whole()?,
        "heavy_epochs" => cfg.heavy_epochs = whole()?,
        "temperature" => cfg.temperature = number()?,
        "alpha" => cfg.alpha = number()?,
        "beta" => cfg.beta = number()?,
        _ => {}
    }
    Ok(())
}

fn current(cfg: &Config, field: &str) -> String {
    match field {
        "classes" => cfg.classes.to_string(),
        "per_class" => cfg.per_class.to_string(),
        "val_per_class" => cfg.val_per_class.to_string(),
        "teacher_epochs" => cfg.teacher_epochs.to_string(),
        "batch_size" => cfg.batch_size.to_string(),
        "seed" => cfg.seed.to_string(),
        "lr" => cfg.lr.to_string(),
        "distill_epochs" => cfg.distill_epochs.to_string(),
        "train_per_class" => cfg.train_per_class.to_string(),
        "heavy_epochs" => cfg.heavy_epochs.to_string(),
        "temperature" => cfg.temperature.to_string(),
        "alpha" => cfg.alpha.to_string(),
        "beta" => cfg.beta.to_string(),
        _ => String::new(),
    }
}

/// Re-validates the whole config, keeping parse errors of fields the user is still fixing.
fn revalidate(state: AppState, parse_error: Option<(String, String)>, field: &str) {
    let mut errors: Vec<(String, String)> = state
        .field_errors
        .get_untracked()
        .into_iter()
        .filter(|(f, m)| f != field && m.starts_with('“'))
        .collect();
    errors.extend(parse_error);
    for e in state.config.get_untracked().validate() {
        if !errors.iter().any(|(f, _)| f == e.field) {
            errors.push((e.field.to_string(), e.message));
        }
    }
    state.field_errors.set(errors);
}

#[component]
pub fn NumberField(
    field: &'static str,
    label: &'static str,
    #[prop(optional)] help: &'static str,
    #[prop(default = "1")] step: &'static str,
) -> impl IntoView {
    let state = use_state();
    let id = format!("field-{field}");
    let err_id = format!("{id}-error");
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let mut cfg = state.config.get_untracked();
        let parse_error = apply(&mut cfg, field, &text)
            .err()
            .map(|m| (field.to_string(), m));
        if parse_error.is_none() {
            state.config.set(cfg);
        }
        revalidate(state, parse_error, field);
    };
    let error = move || state.error_for(field);
    view! {
        <div class="field" class:invalid=move || error().is_some()
            class:hidden=state.view.with_value(|v| v.hides(field))>
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=field
                type="text"
                inputmode=if step == "any" { "decimal" } else { "numeric" }
                prop:value=move || current(&state.config.get(), field)
                on:change=on_change
                disabled=move || state.busy.get().is_some()
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=err_id.clone()
            />
            <small class="help">{help}</small>
            <small class="error" id=err_id role="status">{move || error().unwrap_or_default()}</small>
        </div>
    }
}

#[component]
pub fn BackendSelect() -> impl IntoView {
    let state = use_state();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(p) = BackendPreference::from_key(&event_target_value(&ev)) {
            state.config.update(|c| c.backend = p);
        }
    };
    view! {
        <label class="inline" for="field-backend">"Backend"</label>
        <select id="field-backend" on:change=on_change disabled=move || state.busy.get().is_some()>
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
