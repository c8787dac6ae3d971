//! The comparison's table, the note on results restored from a previous visit, and the downloads.

use leptos::prelude::*;

use super::Canvases;
use crate::distill::stats::{
    MethodStats, Spread, Verdict, cost_vs_heavy, pooled_std, summarize, verdicts,
};
use crate::protocol::{Method, MethodResult};
use crate::web::platform::{export, recording, storage};
use crate::web::state::use_state;
use crate::web::widgets::chart;

/// "83.21%", or "83.21 ± 0.40%" over several seeds.
fn percent(s: Spread, seeds: usize) -> String {
    format!("{}%", s.text(100.0, 2, seeds))
}

fn seconds(s: Spread, seeds: usize) -> String {
    format!("{} s", s.text(1.0, 1, seeds))
}

/// The first seed's student of `method`, for its weights.
fn first_student(results: &[MethodResult], method: Method) -> Option<MethodResult> {
    results.iter().find(|r| r.method == method).cloned()
}

#[component]
pub fn ResultsTable() -> impl IntoView {
    let d = use_state().distill;
    let stats = Memo::new(move |_| d.results.with(|r| summarize(r)));
    view! {
            <div class="table-scroll">
            <table id="results-table">
                <thead><tr>
                    <th scope="col">"Method"</th>
                    <th scope="col">"Student"</th>
                    <th scope="col" class="num">"Test accuracy"</th>
                    <th scope="col" class="num">"Training accuracy"</th>
                    <th scope="col" class="num">"Teacher time"</th>
                    <th scope="col" class="num" title="Teacher time as a multiple of the heavy teacher's (vanilla KD)">"Teacher cost vs heavy"</th>
                    <th scope="col" class="num">"Distillation time"</th>
                    <th scope="col" class="num">"Total"</th>
                    <th scope="col">"Weights"</th>
                </tr></thead>
                <tbody>
                    {move || {
                        let all = stats.get();
                        let results = d.results.get_untracked();
                        all.iter().map(|s| {
                        let r = first_student(&results, s.method);
                        let ahead = r.as_ref().is_some_and(|r| r.heavy_ahead);
                        let n = s.seeds;
                        let vs_heavy = cost_vs_heavy(&all, s)
                            .map_or("—".to_string(), |x| format!("{x:.2}×"));
                        view! {
                        <tr data-method=s.method.key() data-seeds=n.to_string()>
                            <th scope="row">
                                <span class="swatch" style=format!("background:{}", chart::css(chart::method_color(s.method)))></span>
                                {s.method.label()}
                                {s.heavy_acc.map(|h| view! {
                                    <span class="small muted heavy-acc">{format!(" — its heavy teacher: {}", percent(h, n))}
                                        {ahead.then_some(", trained while stage 2 ran (its time counts all the same)")}</span>
                                })}
                                <span class="explain-line small muted">{s.method.explain()}</span>
                            </th>
                            <td>{r.as_ref().map(|r| format!("{} ({} weights)", r.student.key().to_uppercase(), r.params))}</td>
                            <td class="num test-acc">{percent(s.test_acc, n)}</td>
                            <td class="num">{percent(s.train_acc, n)}</td>
                            <td class="num">{seconds(s.teacher_s, n)}</td>
                            <td class="num vs-heavy">{vs_heavy}</td>
                            <td class="num">{seconds(s.distill_s, n)}</td>
                            <td class="num">{seconds(s.total_s, n)}</td>
                            <td>{r.map(weights_button)}</td>
                        </tr>
                    }}).collect_view()}}
                </tbody>
            </table>
            </div>
            <TeachersNote/>
            <Verdicts stats=stats/>
    }
}

/// Which lightweight teacher taught each seed's LW-KD students: each seed its own, or one for all.
#[component]
fn TeachersNote() -> impl IntoView {
    let d = use_state().distill;
    move || {
        let results = d.results.get();
        let taught: Vec<(u64, u64)> = results
            .iter()
            .filter_map(|r| r.teacher_seed.map(|t| (r.seed, t)))
            .collect();
        let seeds: std::collections::BTreeSet<u64> = taught.iter().map(|p| p.0).collect();
        if seeds.len() < 2 {
            return None;
        }
        let own = taught.iter().all(|(s, t)| s == t);
        let text = if own {
            "Each seed trained its own lightweight teacher (its numerals and teacher on that seed), so the spread over seeds includes the teacher's.".to_string()
        } else {
            let one = taught.first().map_or(0, |p| p.1);
            format!(
                "One lightweight teacher (stage 2's, seed {one}) taught every seed: the spread over seeds leaves the teacher out."
            )
        };
        Some(view! { <p id="teachers-note" class="small">{text}</p> })
    }
}

/// The download button of one student's weights.
fn weights_button(r: MethodResult) -> impl IntoView {
    let d = use_state().distill;
    let empty = r.weights.is_empty();
    let label = format!(
        "Download the {} student's weights (burnpack)",
        r.method.label()
    );
    view! {
        <button class="small" id=format!("weights-{}", r.method.key()) aria-label=label
            title=if empty { "Not kept across a reload: run again to download" } else { "Burn's burnpack format (the first seed's student): load it here or with `lwkd evaluate`" }
            disabled=empty on:click=move |_| {
                export::save_weights(&r);
                d.mark_downloaded(r.method);
            }>".bpk"</button>
    }
}

/// Which differences from plain CE are larger than the seed-to-seed noise, in words.
#[component]
fn Verdicts(stats: Memo<Vec<MethodStats>>) -> impl IntoView {
    move || {
        let stats = stats.get();
        let has_ce = stats.iter().any(|s| s.method == Method::Ce);
        let text = match (pooled_std(&stats), has_ce, stats.len() > 1) {
            (_, _, false) => return None,
            (None, _, _) => "One seed per method: a difference cannot be told from noise. Choose 3 seeds to see which differences are real.".to_string(),
            (Some(_), false, _) => "Tick CE (hard labels) to compare every method with the plain baseline.".to_string(),
            (Some(p), true, _) => {
                let (real, noise): (Vec<_>, Vec<_>) = verdicts(&stats).into_iter().partition(|v| v.real);
                let list = |vs: &[Verdict]| vs.iter().map(|v| format!("{} {:+.2}", v.method.label(), v.diff * 100.0)).collect::<Vec<_>>().join(", ");
                let mut t = format!("Against CE, in points. The pooled seed-to-seed standard deviation is {:.2} points; a difference is real when it is more than twice that. ", p * 100.0);
                t += &match real.is_empty() {
                    true => "No difference is larger than the noise.".to_string(),
                    false => format!("Real: {}.", list(&real)),
                };
                if !noise.is_empty() {
                    t += &format!(" Within noise: {}.", list(&noise));
                }
                t
            }
        };
        Some(view! { <p id="verdicts" class="small">{text}</p> })
    }
}

#[component]
pub fn RestoredNote() -> impl IntoView {
    let d = use_state().distill;
    view! {
            {move || d.restored.get().filter(|r| r.recording.is_none()).map(|r| view! {
                <p class="notice" id="restored-note">
                    "These results are from your last visit, kept in this browser only"
                    {r.other_tab.then_some(" (saved by another tab)")}". "
                    <SavedSettings query=r.query/>
                    <button id="clear-saved" on:click=move |_| {
                        storage::clear();
                        d.clear_restored();
                    }>"Clear saved results"</button>
                </p>
            })}
    }
}

/// The settings restored results were computed with, and a link to them when the form now differs.
#[component]
pub fn SavedSettings(query: String) -> impl IntoView {
    let state = use_state();
    let link = format!("?{query}");
    let differs = {
        let query = query.clone();
        move || crate::pipeline::url::to_query(&state.config.get()) != query
    };
    view! {
        <span id="restored-settings">
            {if query.is_empty() { "Computed with the default settings. ".to_string() }
             else { format!("Computed with {query}. ") }}
            {move || differs().then(|| view! {
                <a id="restored-open" href=link.clone()>"Open those settings"</a>" · "
            })}
        </span>
    }
}

/// CSV, JSON and each chart as PNG.
#[component]
pub fn ExportRow(canvases: Canvases) -> impl IntoView {
    let state = use_state();
    let d = state.distill;
    let has_results = move || !d.results.get().is_empty();
    let Canvases {
        curves: curves_canvas,
        cost: cost_canvas,
        gap: gap_canvas,
        soft: soft_canvas,
        confusion: confusion_canvas,
    } = canvases;
    view! {
            <div class="actions">
                <button id="save-csv" on:click=move |_| export::save_csv(&d.results.get_untracked())
                    disabled=move || !has_results()>"Download CSV"</button>
                <button id="save-json" on:click=move |_| export::save_json(
                    &d.results.get_untracked(),
                    &crate::pipeline::url::to_query(&state.config.get_untracked()),
                    &state.problem_details.get_value(),
                ) disabled=move || !has_results()>"Download JSON"</button>
                <button id="save-recording" title="A file an embed can open on (rec= in its link): the table and charts at once, no training"
                    on:click=move |_| {
                        let now = crate::pipeline::url::to_query(&state.config.get_untracked());
                        if let Some(saved) = d.as_saved(now) {
                            export::save_recording(&recording::to_json(saved));
                        }
                    } disabled=move || !has_results()>"Save as a recorded run"</button>
                <span class="muted small">"Charts: "</span>
                {[("compare-curves", curves_canvas), ("compare-cost", cost_canvas), ("compare-gap", gap_canvas), ("soft-targets", soft_canvas), ("confusion", confusion_canvas)]
                    .into_iter()
                    .map(|(name, node)| view! {
                        <button class="small" id=format!("png-{name}") on:click=move |_| {
                            if let Some(c) = node.get() { export::save_png(&c, name) }
                        } disabled=move || !has_results()>{format!("{name}.png")}</button>
                    })
                    .collect_view()}
            </div>
    }
}
