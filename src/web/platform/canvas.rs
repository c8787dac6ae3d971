//! A `<canvas>`'s 2D context, for the pictures drawn without plotters.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// The canvas's 2D drawing context (None if the browser refuses one).
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
}

/// Resizes `canvas` to `width` × `height` and paints it white; the context to draw on.
pub fn white(
    canvas: &HtmlCanvasElement,
    width: u32,
    height: u32,
) -> Option<CanvasRenderingContext2d> {
    canvas.set_width(width);
    canvas.set_height(height);
    let ctx = context_2d(canvas)?;
    ctx.set_fill_style_str("#fff");
    ctx.fill_rect(0.0, 0.0, width as f64, height as f64);
    Some(ctx)
}
