//! The confusion matrix of a student on the test split: rows are true classes, columns predictions,
//! shaded by the share of the row.

use web_sys::HtmlCanvasElement;

use crate::web::platform::canvas::white;

const CELL: f64 = 36.0;
const LEFT: f64 = 100.0;
const TOP: f64 = 36.0;

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

pub fn draw(canvas: &HtmlCanvasElement, m: &[Vec<u32>], names: &[String]) {
    let k = m.len();
    let side = |n: f64| (n + CELL * k as f64 + 10.0) as u32;
    let Some(ctx) = white(canvas, side(LEFT), side(TOP)) else {
        return;
    };
    ctx.set_font("11px sans-serif");
    ctx.set_fill_style_str("#333");
    ctx.fill_text("predicted →", LEFT, 12.0).ok();
    ctx.set_text_align("center");
    for j in 0..k {
        ctx.fill_text(&j.to_string(), LEFT + CELL * (j as f64 + 0.5), TOP - 6.0)
            .ok();
    }
    for (t, row) in m.iter().enumerate() {
        let total = row.iter().sum::<u32>().max(1) as f64;
        let y = TOP + CELL * t as f64;
        ctx.set_text_align("right");
        ctx.set_fill_style_str("#333");
        let name = names.get(t).cloned().unwrap_or_else(|| t.to_string());
        ctx.fill_text(&format!("{name} {t}"), LEFT - 6.0, y + CELL / 2.0 + 4.0)
            .ok();
        ctx.set_text_align("center");
        for (p, &c) in row.iter().enumerate() {
            let share = c as f64 / total;
            // White → Okabe–Ito blue, lighter for small shares.
            let (r, g, b) = (
                255.0 - share * 255.0,
                255.0 - share * 141.0,
                255.0 - share * 77.0,
            );
            ctx.set_fill_style_str(&format!("rgb({r:.0},{g:.0},{b:.0})"));
            let x = LEFT + CELL * p as f64;
            ctx.fill_rect(x, y, CELL - 1.0, CELL - 1.0);
            if c > 0 {
                ctx.set_fill_style_str(if share > 0.5 { "#fff" } else { "#333" });
                ctx.fill_text(&c.to_string(), x + CELL / 2.0, y + CELL / 2.0 + 4.0)
                    .ok();
            }
        }
    }
}
