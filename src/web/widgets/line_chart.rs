//! `<LineChart/>`: a figure whose `<canvas>` redraws its lines whenever they change, with its caption.

use leptos::html;
use leptos::prelude::*;
use plotters::style::RGBColor;

use super::chart::{self, BLUE, ORANGE, Series};

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

#[component]
pub fn LineChart(
    id: &'static str,
    aria_label: &'static str,
    caption: &'static str,
    x_label: &'static str,
    y_label: &'static str,
    #[prop(into)] lines: Signal<Vec<Line>>,
    /// Fixes the y range (else it fits the data).
    #[prop(optional)]
    y_range: Option<(f32, f32)>,
    #[prop(default = "260")] height: &'static str,
    /// Writes the first line's number of points into `data-points` (tests wait on it).
    #[prop(optional)]
    count_points: bool,
    /// The canvas, for whoever else needs it (a PNG download).
    #[prop(optional)]
    canvas: Option<NodeRef<html::Canvas>>,
) -> impl IntoView {
    let canvas = canvas.unwrap_or_default();
    Effect::new(move |_| {
        let lines = lines.get();
        if let Some(c) = canvas.get() {
            if count_points {
                let n = lines.first().map_or(0, |l| l.points.len());
                c.set_attribute("data-points", &n.to_string()).ok();
            }
            // How many lines carry a spread band (tests read it; the band itself is only pixels).
            let bands = lines.iter().filter(|l| !l.band.is_empty()).count();
            c.set_attribute("data-bands", &bands.to_string()).ok();
            let series: Vec<Series> = lines
                .iter()
                .map(|l| Series {
                    name: l.name,
                    color: l.color,
                    points: &l.points,
                    band: &l.band,
                    dashed: l.dashed,
                })
                .collect();
            chart::draw(c, x_label, y_label, &series, y_range);
        }
    });
    view! {
        <figure>
            <canvas id=id node_ref=canvas width="560" height=height aria-label=aria_label></canvas>
            <figcaption>{caption}</figcaption>
        </figure>
    }
}
