//! A `<canvas>` sized for the screen it is seen on, and its 2D context for the pictures drawn without
//! plotters.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use super::screen::{self, Rgb};

/// The canvas's 2D drawing context (None if the browser refuses one).
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
}

/// Sizes a chart's `canvas` to be drawn crisply: as wide as the stylesheet lays it out (its
/// container's width; `fallback` CSS pixels while it is not laid out), `css_height` CSS pixels high,
/// with a backing store of that × the device pixel ratio. Returns the scale from CSS to backing
/// pixels.
pub fn fit(canvas: &HtmlCanvasElement, fallback: f64, css_height: f64) -> f64 {
    let ratio = screen::pixel_ratio();
    let css_width = match canvas.client_width() {
        w if w > 0 => w as f64,
        _ => fallback,
    };
    let (w, h) = (
        (css_width * ratio).round() as u32,
        (css_height * ratio).round() as u32,
    );
    if canvas.width() != w {
        canvas.set_width(w);
    }
    if canvas.height() != h {
        canvas.set_height(h);
    }
    let _ = canvas
        .style()
        .set_property("height", &format!("{css_height}px"));
    ratio
}

/// Sizes a picture's `canvas` to `width` × `height` CSS pixels with a backing store at the device
/// pixel ratio (drawn in CSS pixels through the context's scale), paints it in `background`, and
/// returns the context to draw on. On a narrow screen the stylesheet may shrink it, keeping its shape.
pub fn picture(
    canvas: &HtmlCanvasElement,
    width: f64,
    height: f64,
    background: Rgb,
) -> Option<CanvasRenderingContext2d> {
    let ratio = screen::pixel_ratio();
    canvas.set_width((width * ratio).round() as u32);
    canvas.set_height((height * ratio).round() as u32);
    let _ = canvas.style().set_property("width", &format!("{width}px"));
    let ctx = context_2d(canvas)?;
    ctx.set_transform(ratio, 0.0, 0.0, ratio, 0.0, 0.0).ok()?;
    ctx.set_fill_style_str(&background.css());
    ctx.fill_rect(0.0, 0.0, width, height);
    Some(ctx)
}
