//! Stage 3's settings: the target, the student, the teacher's input, the numbers and the methods.

use crate::data::TargetKind;
use crate::distill::{Method, TeacherInput};
use crate::model::{Arch, StudentKind, parameter_count};
use leptos::prelude::*;

use crate::web::actions::targets;
use crate::web::state::use_state;
use crate::web::widgets::chart;
use crate::web::widgets::fields::NumberField;

/// The selects and number fields (the own-images picker and the method boxes follow them).
#[component]
pub fn DistillFields() -> impl IntoView {
    let state = use_state();
    let students: Vec<(&'static str, String)> = StudentKind::ALL
        .into_iter()
        .map(|k| {
            (
                k.key(),
                format!(
                    "{} — {} weights",
                    k.label(),
                    parameter_count(Arch::Student(k), 10)
                ),
            )
        })
        .collect();
    view! {
        <div class="fields">
            <Select id="field-target" control="target" label="Target dataset"
                options=TargetKind::ALL.into_iter().map(|k| (k.key(), k.label().to_string()))
                    .chain([(TargetKind::Own.key(), "Your own images (a folder or .zip)…".to_string())]).collect()
                current=Signal::derive(move || state.config.get().target.key())
                on_pick=move |v| if let Some(k) = TargetKind::from_key(&v).or((v == "own").then_some(TargetKind::Own)) { targets::select(state, k) }/>
            <Select id="field-student" control="student" label="Student"
                options=students
                current=Signal::derive(move || state.config.get().student.key())
                on_pick=move |v| if let Some(k) = StudentKind::from_key(&v) { state.config.update(|c| c.student = k) }/>
            <Select id="field-teacher-input" control="teacher_input" label="Teacher input"
                options=vec![
                    (TeacherInput::PerInstance.key(), "a fresh numeral per sample".to_string()),
                    (TeacherInput::ClassMean.key(), "class mean (fixed per class)".to_string()),
                ]
                current=Signal::derive(move || state.config.get().teacher_input.key())
                on_pick=move |v| if let Some(k) = TeacherInput::from_key(&v) { state.config.update(|c| c.teacher_input = k) }/>
            <NumberField field="train_per_class" label="Training images per class" help="10 – 1000"/>
            <NumberField field="distill_epochs" label="Student epochs" help="1 – 50"/>
            <NumberField field="temperature" label="Temperature T" help="0.5 – 100" step="any"/>
            <NumberField field="alpha" label="α (soft-target weight)" help="0 – 1" step="any"/>
            <NumberField field="beta" label="β (adversarial weight)" help="0 – 10" step="any"/>
            <NumberField field="heavy_epochs" label="Heavy teacher epochs" help="vanilla KD only"/>
        </div>
    }
}

#[component]
fn Select(
    id: &'static str,
    /// The control's name for `hide=` in the URL.
    control: &'static str,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    current: Signal<&'static str>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let state = use_state();
    let hidden = state.view.with_value(|v| v.hides(control));
    view! {
        <div class="field" class:hidden=hidden>
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| on_pick(event_target_value(&ev))
                disabled=move || state.busy.get().is_some()>
                {options.into_iter().map(|(key, text)| view! {
                    <option value=key selected=move || current.get() == key>{text}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn MethodBoxes() -> impl IntoView {
    let state = use_state();
    view! {
        <fieldset class="methods" class:hidden=state.view.with_value(|v| v.hides("methods"))>
            <legend>"Methods to compare (run in this order)"</legend>
            {Method::ALL.into_iter().map(|m| {
                let id = format!("method-{}", m.key());
                let label_for = id.clone();
                view! {
                    <label class="check" for=label_for>
                        <input type="checkbox" id=id
                            prop:checked=move || state.config.get().methods.contains(&m)
                            disabled=move || state.busy.get().is_some()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.config.update(|c| {
                                    c.methods = Method::ALL
                                        .into_iter()
                                        .filter(|&x| if x == m { on } else { c.methods.contains(&x) })
                                        .collect();
                                });
                            }/>
                        <span class="swatch" style=format!("background:{}", chart::css(chart::method_color(m)))></span>
                        {m.label()}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
