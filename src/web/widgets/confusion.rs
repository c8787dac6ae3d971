//! The confusion matrix of a student on the test split: rows are true classes, columns predictions,
//! shaded by the share of the row, with titled axes and a colour key, in the page's colours.

use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::web::platform::canvas::picture;
use crate::web::platform::screen::{self, Rgb, Theme};

const CELL: f64 = 36.0;
/// Room for the class names and the rows' title.
const LEFT: f64 = 118.0;
const TOP: f64 = 36.0;
/// Room for the colour key.
const KEY: f64 = 76.0;

/// `counts[t][p]`: how many test images of class t were predicted as p.
pub fn counts(labels: &[u8], predictions: &[u8], classes: usize) -> Vec<Vec<u32>> {
    let mut m = vec![vec![0u32; classes]; classes];
    for (&t, &p) in labels.iter().zip(predictions) {
        if (t as usize) < classes && (p as usize) < classes {
            m[t as usize][p as usize] += 1;
        }
    }
    m
}

/// The cell colour for a share of its row: the card's background → Okabe–Ito blue.
fn shade(share: f64, bg: Rgb) -> String {
    let mix = |from: u8, to: f64| from as f64 + (to - from as f64) * share;
    format!(
        "rgb({:.0},{:.0},{:.0})",
        mix(bg.0, 0.0),
        mix(bg.1, 114.0),
        mix(bg.2, 178.0)
    )
}

/// Rows are true classes, columns predictions, each cell shaded by its share of the row; titled axes
/// and a colour key on the right.
pub fn draw(canvas: &HtmlCanvasElement, m: &[Vec<u32>], names: &[String]) {
    let k = m.len();
    let grid = CELL * k as f64;
    let theme = screen::theme();
    let (width, height) = (LEFT + grid + KEY, TOP + grid + 10.0);
    let Some(ctx) = picture(canvas, width, height, theme.background) else {
        return;
    };
    let text = theme.text.css();
    ctx.set_font("11px sans-serif");
    ctx.set_fill_style_str(&text);
    ctx.set_text_align("center");
    ctx.fill_text("predicted class", LEFT + grid / 2.0, 12.0)
        .ok();
    // The rows' title, upright along the left edge.
    ctx.save();
    ctx.translate(12.0, TOP + grid / 2.0).ok();
    ctx.rotate(-std::f64::consts::FRAC_PI_2).ok();
    ctx.fill_text("true class", 0.0, 0.0).ok();
    ctx.restore();
    for j in 0..k {
        ctx.fill_text(&j.to_string(), LEFT + CELL * (j as f64 + 0.5), TOP - 6.0)
            .ok();
    }
    for (t, row) in m.iter().enumerate() {
        let total = row.iter().sum::<u32>().max(1) as f64;
        let y = TOP + CELL * t as f64;
        ctx.set_text_align("right");
        ctx.set_fill_style_str(&text);
        let name = names.get(t).cloned().unwrap_or_else(|| t.to_string());
        ctx.fill_text(&format!("{name} {t}"), LEFT - 6.0, y + CELL / 2.0 + 4.0)
            .ok();
        ctx.set_text_align("center");
        for (p, &c) in row.iter().enumerate() {
            let share = c as f64 / total;
            ctx.set_fill_style_str(&shade(share, theme.background));
            let x = LEFT + CELL * p as f64;
            ctx.fill_rect(x, y, CELL - 1.0, CELL - 1.0);
            if c > 0 {
                ctx.set_fill_style_str(if share > 0.5 { "#fff" } else { &text });
                ctx.fill_text(&c.to_string(), x + CELL / 2.0, y + CELL / 2.0 + 4.0)
                    .ok();
            }
        }
    }
    key(&ctx, (LEFT + grid + 18.0, TOP), grid, &theme);
}

/// The colour key: 0 % of the row at the bottom to 100 % at the top.
fn key(ctx: &CanvasRenderingContext2d, (x, y): (f64, f64), h: f64, theme: &Theme) {
    let steps = 20;
    for i in 0..steps {
        let share = 1.0 - i as f64 / (steps - 1) as f64;
        ctx.set_fill_style_str(&shade(share, theme.background));
        ctx.fill_rect(
            x,
            y + h * i as f64 / steps as f64,
            12.0,
            h / steps as f64 + 0.5,
        );
    }
    ctx.set_stroke_style_str(&theme.grid.css());
    ctx.stroke_rect(x, y, 12.0, h);
    ctx.set_fill_style_str(&theme.text.css());
    ctx.set_text_align("left");
    ctx.fill_text("100 %", x + 16.0, y + 8.0).ok();
    ctx.fill_text("0 %", x + 16.0, y + h).ok();
    ctx.fill_text("of row", x + 16.0, y + h / 2.0 + 4.0).ok();
}
