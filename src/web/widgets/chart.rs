//! Charts drawn by plotters on a `<canvas>`, for the screen they are seen on: at the device pixel
//! ratio and the width the page gives them, in its colours (light or dark), larger in presentation
//! mode. Legends are HTML beside the canvas (`line_chart.rs`), so they never cover a line.

use plotters::coord::types::RangedCoordf32;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::label_layout::{self, Rect};

use crate::web::platform::{
    canvas::fit,
    screen::{self, Rgb, Theme},
    timeline,
};

/// Colour-blind-safe (Okabe–Ito) series colours.
pub const BLUE: RGBColor = RGBColor(0, 114, 178);
pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
pub const SKY: RGBColor = RGBColor(86, 180, 233);
pub const GREEN: RGBColor = RGBColor(0, 158, 115);
pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
/// A mid grey, readable on the light and on the dark background.
pub const GREY: RGBColor = RGBColor(140, 140, 140);
/// Beyond the Okabe–Ito palette, for the teacher's controls: dark yellow and brown.
pub const OLIVE: RGBColor = RGBColor(150, 130, 0);
pub const BROWN: RGBColor = RGBColor(170, 110, 60);

/// CSS width a chart is drawn at before the page has laid it out.
const FALLBACK_WIDTH: f64 = 560.0;

type Chart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<RangedCoordf32, RangedCoordf32>>;

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// How to draw on one canvas: backing pixels per CSS pixel (times 1.4 in presentation mode, for
/// type and lines) and the page's colours.
#[derive(Clone, Copy)]
pub struct Look {
    pub scale: f64,
    pub theme: Theme,
}

impl Look {
    /// `n` CSS pixels in backing pixels.
    fn px(&self, n: f64) -> i32 {
        (n * self.scale).round() as i32
    }

    fn font(&self, size: f64) -> TextStyle<'static> {
        ("sans-serif", size * self.scale)
            .into_font()
            .color(&rgb(self.theme.text))
    }
}

/// The x axis counts whole things (steps, epochs): its ticks are whole numbers.
#[derive(Clone, Copy, PartialEq)]
pub enum XAxis {
    Whole,
    Continuous,
}

fn whole(v: &f32) -> String {
    format!("{v:.0}")
}

/// A tick label with no needless zeros: 20, 1.5, 0.25.
fn tidy(v: &f32) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Sizes `canvas` (`css_height` CSS pixels high) and draws axes with titles clear of the tick
/// labels and a light grid over `x` × `y`; `body` draws the data on it. Timed on the page's timeline
/// when asked (`platform::timeline`).
fn with_axes(
    canvas: HtmlCanvasElement,
    css_height: f64,
    (x, y): (std::ops::Range<f32>, std::ops::Range<f32>),
    (x_label, y_label, x_axis): (&str, &str, XAxis),
    body: impl FnOnce(&mut Chart<'_>, Look),
) {
    let timed = timeline::charts().then(|| (timeline::now(), canvas.id()));
    draw_axes(canvas, css_height, (x, y), (x_label, y_label, x_axis), body);
    if let Some((start, id)) = timed {
        timeline::span(&format!("chart {id}"), start, timeline::now(), None);
    }
}

fn draw_axes(
    canvas: HtmlCanvasElement,
    css_height: f64,
    (x, y): (std::ops::Range<f32>, std::ops::Range<f32>),
    (x_label, y_label, x_axis): (&str, &str, XAxis),
    body: impl FnOnce(&mut Chart<'_>, Look),
) {
    let ratio = fit(&canvas, FALLBACK_WIDTH, css_height);
    let presentation = if screen::presenting() { 1.4 } else { 1.0 };
    let look = Look {
        scale: ratio * presentation,
        theme: screen::theme(),
    };
    let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
        return;
    };
    let root = backend.into_drawing_area();
    let _ = root.fill(&rgb(look.theme.background));
    let whole_ticks = (x.end - x.start).floor().max(1.0) as usize + 1;
    let Ok(mut chart) = ChartBuilder::on(&root)
        .margin(look.px(12.0))
        .x_label_area_size(look.px(42.0))
        .y_label_area_size(look.px(58.0))
        .build_cartesian_2d(x, y)
    else {
        return;
    };
    let mut mesh = chart.configure_mesh();
    mesh.x_desc(x_label)
        .y_desc(y_label)
        .label_style(look.font(12.0))
        .axis_desc_style(look.font(13.0))
        .axis_style(rgb(look.theme.muted))
        .bold_line_style(rgb(look.theme.grid))
        .light_line_style(rgb(look.theme.grid).mix(0.4))
        .x_label_offset(0)
        .y_labels(6)
        .y_label_formatter(&tidy)
        .set_all_tick_mark_size(look.px(4.0));
    if x_axis == XAxis::Whole {
        mesh.x_labels(whole_ticks.min(10)).x_label_formatter(&whole);
    } else {
        mesh.x_label_formatter(&tidy);
    }
    let _ = mesh.draw();
    body(&mut chart, look);
    let _ = root.present();
}

pub struct Series<'a> {
    pub color: RGBColor,
    pub points: &'a [(f32, f32)],
    /// (low, high) per point, shaded under the line; empty for none.
    pub band: &'a [(f32, f32)],
    pub dashed: bool,
}

/// How a chart's y axis is ranged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum YRange {
    /// From 0 to a little above the highest value (losses).
    FromZero,
    /// Around the data, with a margin, whole numbers at the ends (accuracies: the few points between
    /// methods fill the chart instead of its top tenth).
    Data,
    Fixed(f32, f32),
}

/// Every point of `series`, the bands' ends included.
fn every_point<'a>(series: &'a [Series<'a>]) -> impl Iterator<Item = (f32, f32)> + 'a {
    series.iter().flat_map(|s| {
        let ends = s
            .points
            .iter()
            .zip(s.band)
            .flat_map(|(p, b)| [(p.0, b.0), (p.0, b.1)]);
        s.points.iter().copied().chain(ends)
    })
}

/// The lowest and highest y of `series` (bands included); None without points.
pub fn y_span(series: &[Series]) -> Option<(f32, f32)> {
    let ys = || every_point(series).map(|p| p.1);
    let (lo, hi) = (ys().fold(f32::MAX, f32::min), ys().fold(f32::MIN, f32::max));
    (lo <= hi).then_some((lo, hi))
}

/// The y range `series` is drawn in.
pub fn y_range(series: &[Series], y: YRange) -> (f32, f32) {
    let span = y_span(series);
    match (y, span) {
        (YRange::Fixed(lo, hi), _) => (lo, hi),
        (_, None) => (0.0, 1.0),
        (YRange::FromZero, Some((_, hi))) => (0.0, hi * 1.05),
        (YRange::Data, Some((lo, hi))) => {
            let margin = ((hi - lo) * 0.1).max(1.0);
            ((lo - margin).floor().max(0.0), (hi + margin).ceil())
        }
    }
}

/// Draws `series` on `canvas`, `css_height` CSS pixels high, its y axis ranged as `y` says. The x axis
/// counts steps or epochs: whole-number ticks and, over a short range, half a unit of room on either
/// side, so a single epoch is a point inside the frame, not on it.
pub fn draw(
    canvas: HtmlCanvasElement,
    css_height: f64,
    (x_label, y_label): (&str, &str),
    series: &[Series],
    y: YRange,
) {
    let all = || every_point(series);
    let xs = || all().map(|p| p.0);
    let (lo, hi) = (xs().fold(f32::MAX, f32::min), xs().fold(f32::MIN, f32::max));
    let (x_lo, x_hi) = if lo > hi {
        (0.0, 1.0)
    } else if hi - lo < 20.0 {
        (lo - 0.5, hi + 0.5)
    } else {
        (lo.min(0.0), hi)
    };
    let (y_min, y_max) = y_range(series, y);
    let ranges = (x_lo..x_hi, y_min..y_max.max(y_min + 1e-3));
    let labels = (x_label, y_label, XAxis::Whole);
    with_axes(canvas, css_height, ranges, labels, |chart, look| {
        for s in series.iter().filter(|s| !s.band.is_empty()) {
            shade(chart, s);
        }
        for s in series {
            let style = ShapeStyle::from(&s.color).stroke_width(look.px(2.0).max(1) as u32);
            if s.dashed {
                let (dash, gap) = (look.px(6.0).max(1) as u32, look.px(4.0).max(1) as u32);
                let dashes = DashedLineSeries::new(s.points.iter().copied(), dash, gap, style);
                let _ = chart.draw_series(dashes);
                continue;
            }
            let _ = chart.draw_series(LineSeries::new(s.points.iter().copied(), style));
            if s.points.len() < 30 {
                let r = look.px(3.0).max(2);
                let _ = chart.draw_series(
                    s.points
                        .iter()
                        .map(|&p| Circle::new(p, r as u32, s.color.filled())),
                );
            }
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

/// One colour per method, the same in every chart and in the table.
pub fn method_color(m: crate::protocol::Method) -> RGBColor {
    use crate::protocol::Method::*;
    match m {
        LwKd => BLUE,
        LwKdNoAdv => SKY,
        LwKdUntrained => ORANGE,
        LwKdShuffled => OLIVE,
        LwKdUniform => BROWN,
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

/// Labelled points: accuracy against cost, one point per method. The names are laid out so that none
/// overlaps another or a point (`label_layout.rs`); their boxes, in CSS pixels, go into the canvas's
/// `data-labels` (the browser tests check them).
pub fn draw_points(
    canvas: HtmlCanvasElement,
    css_height: f64,
    (x_label, y_label): (&str, &str),
    points: &[Point],
) {
    let element = canvas.clone();
    let mut boxes: Vec<Rect> = Vec::new();
    let x_max = points.iter().map(|p| p.x).fold(1.0f32, f32::max) * 1.1;
    let y_lo = points
        .iter()
        .map(|p| p.y - p.y_err)
        .fold(100.0f32, f32::min);
    let y_hi = points.iter().map(|p| p.y + p.y_err).fold(0.0f32, f32::max);
    let (y_lo, y_hi) = ((y_lo - 3.0).max(0.0), (y_hi + 3.0).min(100.0));
    let ranges = (0f32..x_max, y_lo..y_hi.max(y_lo + 1.0));
    let labels = (x_label, y_label, XAxis::Continuous);
    with_axes(canvas, css_height, ranges, labels, |chart, look| {
        for p in points {
            if p.y_err > 0.0 {
                let bar = [(p.x, p.y - p.y_err), (p.x, p.y + p.y_err)];
                let style = ShapeStyle::from(&p.color).stroke_width(look.px(2.0).max(1) as u32);
                let _ = chart.draw_series(std::iter::once(PathElement::new(bar, style)));
            }
            let r = look.px(5.0).max(3) as u32;
            let _ = chart.draw_series(std::iter::once(Circle::new(
                (p.x, p.y),
                r,
                p.color.filled(),
            )));
        }
        boxes = draw_names(chart, look, points);
    });
    let scale = screen::pixel_ratio();
    let css: Vec<[f64; 4]> = boxes
        .iter()
        .map(|b| [b.x / scale, b.y / scale, b.w / scale, b.h / scale])
        .collect();
    if let Ok(json) = serde_json::to_string(&css) {
        element.set_attribute("data-labels", &json).ok();
    }
}

/// The points' names, each beside its point or on a free row joined to it by a leader line, in the
/// text colour (a method's colour is too light for 12 px text on some backgrounds; the marker carries
/// the colour). Returns their boxes in the canvas's pixels.
fn draw_names(chart: &mut Chart<'_>, look: Look, points: &[Point]) -> Vec<Rect> {
    let area = chart.plotting_area();
    let (xs, ys) = area.get_pixel_range();
    let frame = Rect {
        x: xs.start as f64,
        y: ys.start as f64,
        w: (xs.end - xs.start) as f64,
        h: (ys.end - ys.start) as f64,
    };
    let font = look.font(12.0);
    let at: Vec<(f64, f64)> = points
        .iter()
        .map(|p| {
            let (x, y) = chart.backend_coord(&(p.x, p.y));
            (x as f64, y as f64)
        })
        .collect();
    let size: Vec<(f64, f64)> = points
        .iter()
        .map(|p| {
            let (w, h) = area.estimate_text_size(&p.name, &font).unwrap_or((0, 0));
            (w as f64, h as f64)
        })
        .collect();
    let r = look.px(5.0).max(3) as f64;
    let boxes = label_layout::place(&at, &size, frame, r, look.px(4.0) as f64);
    // Drawn in the plotting area's own pixels.
    let pixels = area.strip_coord_spec();
    let to = |x: f64, y: f64| ((x - frame.x) as i32, (y - frame.y) as i32);
    let style = font.pos(Pos::new(HPos::Left, VPos::Top));
    for ((p, b), &(x, y)) in points.iter().zip(&boxes).zip(&at) {
        if (b.middle() - y).abs() > b.h / 2.0 {
            let edge = if b.x > x { b.x } else { b.x + b.w };
            let line = ShapeStyle::from(&p.color).stroke_width(look.px(1.0).max(1) as u32);
            let _ = pixels.draw(&PathElement::new(
                vec![to(x, y), to(edge, b.middle())],
                line,
            ));
        }
        let _ = pixels.draw(&Text::new(p.name.clone(), to(b.x, b.y), style.clone()));
    }
    boxes
}
