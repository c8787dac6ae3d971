//! `<LineChart/>`: a figure whose `<canvas>` redraws its lines whenever they change, with its caption.

use leptos::html;
use leptos::prelude::*;
use plotters::style::RGBColor;

use super::chart::{self, BLUE, ORANGE, Series, YRange};
use super::redraw::redraw;

/// One named line of a chart.
#[derive(Clone)]
pub struct Line {
    pub name: &'static str,
    pub color: RGBColor,
    pub points: Vec<(f32, f32)>,
    /// A shaded band (low, high) per point: mean ± spread over seeds. Empty: no band.
    pub band: Vec<(f32, f32)>,
    /// Dashed, and left out of the legend (the training curve beside a solid test curve).
    pub dashed: bool,
}

impl Default for Line {
    fn default() -> Self {
        Self {
            name: "",
            color: BLUE,
            points: Vec::new(),
            band: Vec::new(),
            dashed: false,
        }
    }
}

/// Training and held-out accuracy (%) per epoch from (epoch, train, held-out) fractions.
pub fn accuracy_lines(acc: &[(usize, f32, f32)], held_out: &'static str) -> Vec<Line> {
    let line = |name, color, pick: fn(&(usize, f32, f32)) -> f32| Line {
        name,
        color,
        points: acc.iter().map(|a| (a.0 as f32, pick(a) * 100.0)).collect(),
        ..Line::default()
    };
    vec![
        line("training", BLUE, |a| a.1),
        line(held_out, ORANGE, |a| a.2),
    ]
}

/// The legend under a chart, in HTML: it never covers a line and reads well at any size. Dashed lines
/// share one entry, `dashed_means`.
#[component]
pub fn Legend(#[prop(into)] lines: Signal<Vec<Line>>, dashed_means: &'static str) -> impl IntoView {
    let entries = move || {
        let lines = lines.get();
        let solid: Vec<_> = lines.iter().filter(|l| !l.dashed).cloned().collect();
        let dashed = lines.iter().any(|l| l.dashed);
        let show = solid.len() > 1 || dashed;
        let items = solid
            .into_iter()
            .filter(|_| show)
            .map(|l| {
                let style = format!("background:{}", chart::css(l.color));
                view! { <li><span class="swatch" style=style></span>{l.name}</li> }
            })
            .collect_view();
        let dashed =
            dashed.then(|| view! { <li><span class="swatch dashed"></span>{dashed_means}</li> });
        (items, dashed)
    };
    view! { <ul class="legend">{entries}</ul> }
}

#[component]
pub fn LineChart(
    id: &'static str,
    aria_label: &'static str,
    caption: &'static str,
    x_label: &'static str,
    y_label: &'static str,
    #[prop(into)] lines: Signal<Vec<Line>>,
    /// How the y axis is ranged (from 0 to the data's top unless told).
    #[prop(default = YRange::FromZero)]
    y: YRange,
    /// CSS pixels; the width is the page's.
    #[prop(default = 260.0)]
    height: f64,
    /// A heading that names what is drawn (e.g. the method whose curves these are).
    #[prop(optional, into)]
    title: Option<Signal<String>>,
    /// What a dashed line means, in the legend.
    #[prop(default = "dashed: training")]
    dashed_means: &'static str,
    /// Writes the first line's number of points into `data-points` (tests wait on it).
    #[prop(optional)]
    count_points: bool,
    /// The canvas, for whoever else needs it (a PNG download).
    #[prop(optional)]
    canvas: Option<NodeRef<html::Canvas>>,
) -> impl IntoView {
    let canvas = canvas.unwrap_or_default();
    redraw(canvas, move |c| {
        let lines = lines.get();
        if count_points {
            let n = lines.first().map_or(0, |l| l.points.len());
            c.set_attribute("data-points", &n.to_string()).ok();
        }
        // How many lines carry a spread band, and the y range drawn (tests read them; the rest is
        // only pixels).
        let bands = lines.iter().filter(|l| !l.band.is_empty()).count();
        c.set_attribute("data-bands", &bands.to_string()).ok();
        let series: Vec<Series> = lines
            .iter()
            .map(|l| Series {
                color: l.color,
                points: &l.points,
                band: &l.band,
                dashed: l.dashed,
            })
            .collect();
        let (lo, hi) = chart::y_range(&series, y);
        c.set_attribute("data-y-range", &format!("{lo} {hi}")).ok();
        if let Some((d_lo, d_hi)) = chart::y_span(&series) {
            c.set_attribute("data-y-data", &format!("{d_lo} {d_hi}"))
                .ok();
        }
        chart::draw(c.clone(), height, (x_label, y_label), &series, y);
    });
    let title_id = format!("{id}-title");
    view! {
        <figure>
            {title.map(|t| view! { <p class="chart-title" id=title_id.clone()>{t}</p> })}
            <canvas id=id node_ref=canvas aria-label=aria_label></canvas>
            <Legend lines=lines dashed_means=dashed_means/>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
