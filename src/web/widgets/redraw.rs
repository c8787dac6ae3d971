//! Every picture on a `<canvas>` is drawn the same way: now, again whenever what it shows changes,
//! and again when the screen does (width, pixel ratio, colour scheme, presentation mode).

use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::web::state::use_state;

/// Draws `canvas` with `draw` once it is on the page, and again whenever a signal `draw` reads or the
/// screen changes.
pub fn redraw(canvas: NodeRef<html::Canvas>, draw: impl Fn(&HtmlCanvasElement) + 'static) {
    let screen = use_state().screen;
    Effect::new(move |_| {
        screen.track();
        if let Some(c) = canvas.get() {
            draw(&c);
        }
    });
}
