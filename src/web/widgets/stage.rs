//! The frame every stage of the page shares: a numbered, titled section and its "What happens here".

use leptos::prelude::*;

/// A stage's section: `<h2 id=title_id>` with the step's number and title, then `children`.
#[component]
pub fn StageSection(
    step: &'static str,
    title_id: &'static str,
    /// Shown after the number (starts with a space).
    title: &'static str,
    children: Children,
) -> impl IntoView {
    view! {
        <section class="stage" aria-labelledby=title_id>
            <h2 id=title_id><span class="step">{step}</span>{title}</h2>
            {children()}
        </section>
    }
}

/// The open "What happens here" box with its explanation.
#[component]
pub fn WhatHappens(children: Children) -> impl IntoView {
    view! {
        <details class="explain-box" open>
        <summary>"What happens here"</summary>
        <p class="explain">{children()}</p>
        </details>
    }
}
