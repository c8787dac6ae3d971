//! A grid of grey images on a `<canvas>`, each scaled up and captioned.

use crate::data::ImageSet;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::Clamped;
use web_sys::{HtmlCanvasElement, ImageData};

use super::redraw::redraw;
use crate::web::platform::canvas::context_2d;
use crate::web::platform::screen;

pub struct Tile {
    pub index: usize,
    pub caption: String,
    /// Some(true) marks a right prediction (green), Some(false) a wrong one (red).
    pub correct: Option<bool>,
}

const SCALE: usize = 2;
const CAPTION: usize = 16;
const GAP: usize = 6;

/// Lays `tiles` of `set` out in rows of `per_row`, resizing the canvas to fit.
pub fn draw(canvas: &HtmlCanvasElement, set: &ImageSet, tiles: &[Tile], per_row: usize) {
    let (w, h) = (set.cols * SCALE, set.rows * SCALE);
    let rows = tiles.len().div_ceil(per_row.max(1));
    let cell_w = w + GAP;
    let cell_h = h + CAPTION + GAP;
    canvas.set_width((per_row * cell_w) as u32);
    canvas.set_height((rows.max(1) * cell_h) as u32);
    let Some(ctx) = context_2d(canvas) else {
        return;
    };
    ctx.clear_rect(0.0, 0.0, canvas.width() as f64, canvas.height() as f64);
    ctx.set_font("12px sans-serif");
    ctx.set_text_align("center");
    // Captions in the page's text colour (the canvas is transparent: the card shows through).
    let text = screen::theme().text.css();
    for (n, tile) in tiles.iter().enumerate() {
        let (x0, y0) = ((n % per_row) * cell_w, (n / per_row) * cell_h);
        let src = set.image(tile.index);
        let mut rgba = vec![0u8; w * h * 4];
        for y in 0..h {
            for x in 0..w {
                // Ink dark on a light tile, like pencil on paper.
                let v = 255 - src[(y / SCALE) * set.cols + x / SCALE];
                let o = (y * w + x) * 4;
                rgba[o..o + 4].copy_from_slice(&[v, v, v, 255]);
            }
        }
        if let Ok(img) =
            ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), w as u32, h as u32)
        {
            ctx.put_image_data(&img, x0 as f64, y0 as f64).ok();
        }
        if let Some(ok) = tile.correct {
            ctx.set_stroke_style_str(if ok { "#009e73" } else { "#d55e00" });
            ctx.set_line_width(3.0);
            ctx.stroke_rect(
                x0 as f64 + 1.5,
                y0 as f64 + 1.5,
                w as f64 - 3.0,
                h as f64 - 3.0,
            );
        }
        ctx.set_fill_style_str(&match tile.correct {
            Some(false) => "#d55e00".to_string(),
            _ => text.clone(),
        });
        caption(
            &ctx,
            &tile.caption,
            (x0 + w / 2) as f64,
            (y0 + h + 13) as f64,
            cell_w,
        );
    }
}

/// A tile's caption centred under it, never wider than its cell (a long class name, "T-shirt/top",
/// is set smaller) nor past the canvas's edge.
fn caption(ctx: &web_sys::CanvasRenderingContext2d, text: &str, x: f64, y: f64, cell_w: usize) {
    let room = cell_w as f64 - 2.0;
    let width =
        |ctx: &web_sys::CanvasRenderingContext2d| ctx.measure_text(text).map_or(0.0, |m| m.width());
    let mut size = 12.0;
    while width(ctx) > room && size > 8.0 {
        size -= 1.0;
        ctx.set_font(&format!("{size}px sans-serif"));
    }
    let half = width(ctx) / 2.0;
    let x = x.max(half);
    ctx.fill_text(text, x, y).ok();
    ctx.set_font("12px sans-serif");
}

/// The first `per_class` images of each class (sets are stored grouped by class).
pub fn first_of_each_class(set: &ImageSet, classes: usize, per_class: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut seen = vec![0usize; classes];
    for (i, &l) in set.labels.iter().enumerate() {
        let l = l as usize;
        if l < classes && seen[l] < per_class {
            seen[l] += 1;
            out.push(i);
        }
    }
    out
}

/// `<ImageGrid/>`: a picture canvas (sized by what is drawn) that `draw` paints again whenever what it
/// reads changes.
#[leptos::component]
pub fn ImageGrid(
    id: &'static str,
    aria_label: &'static str,
    draw: impl Fn(&HtmlCanvasElement) + 'static,
    /// The canvas, for whoever else needs it (a PNG download).
    #[prop(optional)]
    canvas: Option<NodeRef<html::Canvas>>,
) -> impl IntoView {
    let canvas = canvas.unwrap_or_default();
    redraw(canvas, draw);
    view! {
        <canvas id=id node_ref=canvas class="grid" width="0" height="0" aria-label=aria_label></canvas>
    }
}
