//! Line charts drawn by plotters on a `<canvas>`.

use plotters::coord::types::RangedCoordf32;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

/// Colour-blind-safe (Okabe–Ito) series colours.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);

type Chart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<RangedCoordf32, RangedCoordf32>>;

/// A white chart with axes, labels and a light grid over `x` × `y`; `body` draws the data on it.
fn with_axes(
    canvas: HtmlCanvasElement,
    (x, y): (std::ops::Range<f32>, std::ops::Range<f32>),
    (x_label, y_label): (&str, &str),
    body: impl FnOnce(&mut Chart<'_>),
) {
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&WHITE);
    let Ok(mut chart) = ChartBuilder::on(&root)
        .margin(10)
        .x_label_area_size(30)
        .y_label_area_size(44)
        .build_cartesian_2d(x, y)
    else {
        return;
    };
    let _ = chart
        .configure_mesh()
        .x_desc(x_label)
        .y_desc(y_label)
        .light_line_style(RGBColor(235, 235, 235))
        .draw();
    body(&mut chart);
    let _ = root.present();
}

pub struct Series<'a> {
    pub name: &'a str,
    pub color: RGBColor,
    pub points: &'a [(f32, f32)],
    /// (low, high) per point, shaded under the line; empty for none.
    pub band: &'a [(f32, f32)],
    /// Dashed and not in the legend.
    pub dashed: bool,
}

/// Draws `series` on `canvas`; `y` fixes the y range (else it fits the data).
pub fn draw(
    canvas: HtmlCanvasElement,
    x_label: &str,
    y_label: &str,
    series: &[Series],
    y: Option<(f32, f32)>,
) {
    let all = || {
        series.iter().flat_map(|s| {
            let band = s.points.iter().zip(s.band).map(|(p, b)| (p.0, b.1));
            s.points.iter().copied().chain(band)
        })
    };
    let x_max = all().map(|p| p.0).fold(1.0f32, f32::max);
    let legend = series.iter().filter(|s| !s.dashed).count() > 1;
    let (y_min, y_max) = y.unwrap_or_else(|| {
        let hi = all().map(|p| p.1).fold(f32::MIN, f32::max);
        if hi == f32::MIN {
            (0.0, 1.0)
        } else {
            (0.0, hi * 1.05)
        }
    });
    let ranges = (0f32..x_max, y_min..y_max.max(y_min + 1e-3));
    with_axes(canvas, ranges, (x_label, y_label), |chart| {
        for s in series.iter().filter(|s| !s.band.is_empty()) {
            shade(chart, s);
        }
        for s in series {
            let style = ShapeStyle::from(&s.color).stroke_width(2);
            if s.dashed {
                let dashes = DashedLineSeries::new(s.points.iter().copied(), 6, 4, style);
                let _ = chart.draw_series(dashes);
                continue;
            }
            if let Ok(ann) = chart.draw_series(LineSeries::new(s.points.iter().copied(), style)) {
                let color = s.color;
                ann.label(s.name)
                    .legend(move |(x, y)| PathElement::new([(x, y), (x + 16, y)], color));
            }
            if s.points.len() < 30 {
                let _ = chart.draw_series(
                    s.points
                        .iter()
                        .map(|&p| Circle::new(p, 3, s.color.filled())),
                );
            }
        }
        if legend {
            let _ = chart
                .configure_series_labels()
                .background_style(WHITE.mix(0.85))
                .border_style(RGBColor(200, 200, 200))
                .draw();
        }
    });
}

/// The band of `s` as a translucent polygon: along the highs, back along the lows.
fn shade(chart: &mut Chart<'_>, s: &Series) {
    let xs = s.points.iter().map(|p| p.0);
    let top = xs.clone().zip(s.band.iter().map(|b| b.1));
    let bottom = xs.zip(s.band.iter().map(|b| b.0)).rev();
    let outline: Vec<(f32, f32)> = top.chain(bottom).collect();
    let _ = chart.draw_series(std::iter::once(Polygon::new(
        outline,
        s.color.mix(0.18).filled(),
    )));
}

pub const SKY: RGBColor = RGBColor(86, 180, 233);
pub const GREEN: RGBColor = RGBColor(0, 158, 115);
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
pub const GREY: RGBColor = RGBColor(90, 90, 90);

/// One colour per method, the same in every chart and in the table.
pub fn method_color(m: crate::distill::Method) -> RGBColor {
    use crate::distill::Method::*;
    match m {
        LwKd => BLUE,
        LwKdNoAdv => SKY,
        Ce => GREY,
        LabelSmoothing => GREEN,
        TfKdReg => PURPLE,
        VanillaKd => VERMILLION,
    }
}

/// CSS form of a chart colour.
pub fn css(c: RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// One labelled point, with its spread over seeds as a vertical error bar (0: none).
pub struct Point {
    pub x: f32,
    pub y: f32,
    pub y_err: f32,
    pub name: String,
    pub color: RGBColor,
}

/// Labelled points: accuracy against cost, one point per method.
pub fn draw_points(canvas: HtmlCanvasElement, x_label: &str, y_label: &str, points: &[Point]) {
    let x_max = points.iter().map(|p| p.x).fold(1.0f32, f32::max) * 1.15;
    let y_lo = points
        .iter()
        .map(|p| p.y - p.y_err)
        .fold(100.0f32, f32::min);
    let y_hi = points.iter().map(|p| p.y + p.y_err).fold(0.0f32, f32::max);
    let (y_lo, y_hi) = ((y_lo - 3.0).max(0.0), (y_hi + 3.0).min(100.0));
    let ranges = (0f32..x_max, y_lo..y_hi.max(y_lo + 1.0));
    with_axes(canvas, ranges, (x_label, y_label), |chart| {
        for p in points {
            if p.y_err > 0.0 {
                let bar = [(p.x, p.y - p.y_err), (p.x, p.y + p.y_err)];
                let style = ShapeStyle::from(&p.color).stroke_width(2);
                let _ = chart.draw_series(std::iter::once(PathElement::new(bar, style)));
            }
            let _ = chart.draw_series(std::iter::once(Circle::new(
                (p.x, p.y),
                5,
                p.color.filled(),
            )));
            let _ = chart.draw_series(std::iter::once(Text::new(
                p.name.clone(),
                (p.x, p.y),
                ("sans-serif", 12).into_font().color(&p.color),
            )));
        }
    });
}
