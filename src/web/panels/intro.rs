//! The first screen: what will happen, in two lines and a small diagram, and one thing to do — *Run
//! the whole demo* — which runs the three stages while the page follows them and says what to look at.

use leptos::prelude::*;

use crate::pipeline::scenarios::scenario_of;
use crate::protocol::Stage;
use crate::web::platform::screen;
use crate::web::state::use_state;

/// What to look at while `stage` runs in the demo.
fn look_at(stage: Stage) -> &'static str {
    match stage {
        Stage::Synthesize => {
            "1 of 3 · Numerals built from real handwritten digits: the only thing the teacher will ever see."
        }
        Stage::Teacher => {
            "2 of 3 · A tiny LeNet-5 learns the numerals in a few seconds: watch its loss fall and its accuracy rise."
        }
        Stage::HeavyTeacher | Stage::SeedTeacher | Stage::Student(_) => {
            "3 of 3 · The same small student learns clothes (Fashion-MNIST) six ways: LW-KD with the numeral \
             teacher's soft targets, plain cross-entropy, the regularisers, and vanilla KD with a heavy teacher \
             trained on the clothes themselves. Each result lands in the table as it finishes."
        }
    }
}

#[component]
pub fn Intro() -> impl IntoView {
    let state = use_state();
    // The guide stays in view while the page follows the stages; it can be put away.
    let dismissed = RwSignal::new(0u32);
    let guide = move || {
        if state.demo.get() == 0 || dismissed.get() == state.demo.get() {
            return None;
        }
        let text = match state.busy.get() {
            Some(stage) => look_at(stage).to_string(),
            None if !state.distill.results.get().is_empty() => {
                let notice = scenario_of(&state.config.get()).map_or(String::new(), |s| {
                    format!(" What to notice ({}): {}", s.name, s.notice)
                });
                format!(
                    "Done. Compare the table's accuracies and the chart of accuracy against cost below.{notice}"
                )
            }
            None => return None,
        };
        Some(view! {
            <div id="demo-guide" class="notice" role="status">
                <span>{text}</span>
                <button id="demo-guide-close" class="small" aria-label="Hide this guide"
                    on:click=move |_| dismissed.set(state.demo.get_untracked())>"×"</button>
            </div>
        })
    };
    let presenting = RwSignal::new(false);
    let toggle_presentation = move |_| {
        presenting.update(|p| *p = !*p);
        screen::set_presenting(presenting.get_untracked());
        // Charts are drawn for the new type size.
        state.redraw_charts();
    };
    view! {
        <section id="intro" class="intro" aria-label="What this page does">
            <p class="pitch">
                "Teach a clothes classifier with a teacher that has only ever seen handwritten numerals."<br/>
                "Three stages, about half a minute, all in this tab — nothing is uploaded."
            </p>
            <div id="flow" class="flow" role="img"
                aria-label="numerals, made from MNIST digits → a tiny teacher → its soft targets → a student on clothes">
                <div class="box"><strong>"numerals"</strong><span>"made from MNIST digits"</span></div>
                <span class="arrow" aria-hidden="true">"→"</span>
                <div class="box"><strong>"tiny teacher"</strong><span>"LeNet-5, seconds to train"</span></div>
                <span class="arrow" aria-hidden="true">"→"</span>
                <div class="box"><strong>"soft targets"</strong><span>"its guesses, softened"</span></div>
                <span class="arrow" aria-hidden="true">"→"</span>
                <div class="box"><strong>"student on clothes"</strong><span>"Fashion-MNIST"</span></div>
            </div>
            <div class="actions">
                // Not disabled while it runs (that would drop the keyboard's focus to the page's start
                // between stages): it says it is busy, and a press then does nothing.
                <button id="run-demo" class="primary big"
                    on:click=move |_| if !state.busy_now() { state.request_demo() }
                    aria-disabled=move || state.busy.get().is_some().to_string()>
                    "Run the whole demo"
                </button>
                <button id="presentation" class="small" on:click=toggle_presentation
                    aria-pressed=move || presenting.get().to_string()
                    title="Larger type and charts, for a projector">
                    "Presentation"
                </button>
                <span class="small muted">"or go stage by stage below; every setting is under “Settings”."</span>
            </div>
            <p id="offline-note" class="small muted">
                "Needs the network once: the clothes (Fashion-MNIST, 8.7 MB) download when stage 3 first runs.
                After that the whole demo works offline."
            </p>
            {guide}
        </section>
    }
}
