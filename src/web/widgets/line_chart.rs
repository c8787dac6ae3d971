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
}

/// Training and held-out accuracy (%) per epoch from (epoch, train, held-out) fractions.
pub fn accuracy_lines(acc: &[(usize, f32, f32)], held_out: &'static str) -> Vec<Line> {
    let line = |name, color, pick: fn(&(usize, f32, f32)) -> f32| Line {
        name,
        color,
        points: acc.iter().map(|a| (a.0 as f32, pick(a) * 100.0)).collect(),
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
            let series: Vec<Series> = lines
                .iter()
                .map(|l| Series {
                    name: l.name,
                    color: l.color,
                    points: &l.points,
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
