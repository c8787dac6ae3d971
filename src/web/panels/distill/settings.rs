//! Stage 3's settings: the target, the student, the teacher's input, the numbers and the methods.

use crate::data::TargetKind;
use crate::distill::{AdvScale, TeacherInput};
use crate::model::{Arch, StudentKind, parameter_count};
use crate::pipeline::Teachers;
use crate::pipeline::knobs::knob_for;
use crate::protocol::Method;
use leptos::prelude::*;

use crate::web::actions::targets;
use crate::web::state::use_state;
use crate::web::widgets::{chart, fields::KnobFields};

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
            <Select id="field-target" control="target"
                options=TargetKind::ALL.into_iter().map(|k| (k.key(), k.label().to_string()))
                    .chain([(TargetKind::Own.key(), "Your own images (a folder or .zip)…".to_string())]).collect()
                current=Signal::derive(move || state.config.get().target.key())
                on_pick=move |v| if let Some(k) = TargetKind::from_key(&v).or((v == "own").then_some(TargetKind::Own)) { targets::select(state, k) }/>
            <Select id="field-student" control="student"
                options=students
                current=Signal::derive(move || state.config.get().student.key())
                on_pick=move |v| if let Some(k) = StudentKind::from_key(&v) { state.pick_student(k) }/>
            <Select id="field-teacher-input" control="teacher_input"
                options=TeacherInput::ALL.into_iter().map(|t| (t.key(), t.label().to_string())).collect()
                current=Signal::derive(move || state.config.get().teacher_input.key())
                on_pick=move |v| if let Some(k) = TeacherInput::from_key(&v) { state.pick_teacher_input(k) }/>
            <Select id="field-teachers" control="teachers"
                options=Teachers::ALL.into_iter().map(|t| (t.key(), t.label().to_string())).collect()
                current=Signal::derive(move || state.config.get().teachers.key())
                on_pick=move |v| if let Some(t) = Teachers::from_key(&v) { state.pick_teachers(t) }/>
            <Select id="field-adv-scale" control="adv_scale"
                options=vec![
                    (AdvScale::Plain.key(), "β · (−log D)".to_string()),
                    (AdvScale::T2.key(), "β · T² · (−log D), as the distillation term is scaled".to_string()),
                ]
                current=Signal::derive(move || state.config.get().adv_scale.key())
                on_pick=move |v| if let Some(a) = AdvScale::from_key(&v) { state.pick_adv_scale(a) }/>
            <KnobFields stage=3/>
        </div>
    }
}

#[component]
fn Select(
    id: &'static str,
    /// The setting's field name in the knob table (its label, and its name for `hide=`).
    control: &'static str,
    options: Vec<(&'static str, String)>,
    current: Signal<&'static str>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    let state = use_state();
    let hidden = state.view.with_value(|v| v.hides(control));
    let label = knob_for(control).map_or(control, |k| k.label);
    view! {
        <div class="field" class:hidden=hidden>
            <label for=id>{label}</label>
            <select id=id data-knob=control on:change=move |ev| on_pick(event_target_value(&ev))
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
    let (methods, controls): (Vec<Method>, Vec<Method>) =
        Method::ALL.into_iter().partition(|m| !m.is_control());
    view! {
        <fieldset class="methods" data-knob="methods" class:hidden=state.view.with_value(|v| v.hides("methods"))>
            <legend>"Methods to compare (run in this order)"</legend>
            {methods.into_iter().map(|m| view! { <MethodBox m/> }).collect_view()}
            <p class="small muted controls-title">
                "Does the teacher matter? Controls put something else in LW-KD's teacher's place (each with LW-KD's T, α and β):"
            </p>
            {controls.into_iter().map(|m| view! { <MethodBox m/> }).collect_view()}
        </fieldset>
    }
}

/// One method's box, with what it is as its tooltip.
#[component]
fn MethodBox(m: Method) -> impl IntoView {
    let state = use_state();
    let id = format!("method-{}", m.key());
    let label_for = id.clone();
    view! {
        <label class="check" for=label_for title=m.explain()>
            <input type="checkbox" id=id
                prop:checked=move || state.config.get().methods.contains(&m)
                disabled=move || state.busy.get().is_some()
                on:change=move |ev| state.tick_method(m, event_target_checked(&ev))/>
            <span class="swatch" style=format!("background:{}", chart::css(chart::method_color(m)))></span>
            {m.label()}
        </label>
    }
}
