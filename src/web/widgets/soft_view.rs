//! The picture that explains LW-KD: for a few test images, the lightweight teacher's soft target (from
//! a synthesized numeral of the same class) beside Tf-KD's hand-made distribution and the student's
//! output. The teacher's targets vary per image; Tf-KD's are the same for every image of a class.

use crate::data::Target;
use crate::distill::soften::{entropy_bits, soften};
use crate::protocol::{MethodResult, Showcase};
use wasm_bindgen::Clamped;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::web::platform::{
    canvas::picture,
    screen::{self, Theme},
};

const IMG: f64 = 56.0;
const BAR_W: f64 = 200.0;
const ROW_H: f64 = 96.0;
const HEAD: f64 = 22.0;
const GAP: f64 = 28.0;

/// Draws a grey image scaled ×2 at (x, y) in CSS pixels. Image data ignores the context's scale, so
/// it is enlarged here to device pixels (nearest neighbour: the pixels stay square and sharp).
fn image(ctx: &CanvasRenderingContext2d, px: &[u8], cols: usize, x: f64, y: f64) {
    let ratio = screen::pixel_ratio();
    let f = (2.0 * ratio).round().max(1.0) as usize;
    let (w, h) = (cols * f, 28 * f);
    let mut rgba = vec![0u8; w * h * 4];
    for yy in 0..h {
        for xx in 0..w {
            let v = 255 - px[(yy / f) * cols + xx / f];
            rgba[(yy * w + xx) * 4..(yy * w + xx) * 4 + 4].copy_from_slice(&[v, v, v, 255]);
        }
    }
    if let Ok(img) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), w as u32, h as u32)
    {
        ctx.put_image_data(&img, (x * ratio).round(), (y * ratio).round())
            .ok();
    }
}

/// A bar per class, the true class darker. Heights are relative to the largest bar (soft targets at a
/// high temperature are all small), whose value is written underneath with the entropy.
fn bars(
    ctx: &CanvasRenderingContext2d,
    p: &[f32],
    truth: usize,
    (x, y, w): (f64, f64, f64),
    (color, theme): (&str, &Theme),
) {
    let h = ROW_H - 30.0;
    ctx.set_stroke_style_str(&theme.grid.css());
    ctx.stroke_rect(x, y, w, h);
    let bw = w / p.len().max(1) as f64;
    let top = p.iter().cloned().fold(1e-6f32, f32::max);
    for (k, &v) in p.iter().enumerate() {
        let fill = if k == truth {
            theme.text.css()
        } else {
            color.to_string()
        };
        ctx.set_fill_style_str(&fill);
        let bh = (v.clamp(0.0, 1.0) / top) as f64 * (h - 4.0);
        ctx.fill_rect(x + k as f64 * bw + 1.0, y + h - bh, (bw - 2.0).max(1.0), bh);
    }
    ctx.set_fill_style_str(&theme.muted.css());
    let truth_p = p.get(truth).copied().unwrap_or(0.0);
    let label = match w < BAR_W {
        true => format!("true {:.2} · H {:.2}", truth_p, entropy_bits(p)),
        false => format!(
            "tallest {:.2} · true {:.2} · H {:.2} bits",
            top,
            truth_p,
            entropy_bits(p)
        ),
    };
    ctx.fill_text(&label, x + 2.0, y + h + 12.0).ok();
}

/// What is drawn: the comparison's showcase, the student beside it, and the explorer's temperature.
pub struct SoftPicture<'a> {
    pub target: &'a Target,
    pub show: &'a Showcase,
    pub student: Option<&'a MethodResult>,
    pub t: f32,
}

/// The width the page gives the picture (its box's), in CSS pixels.
fn available_width(canvas: &HtmlCanvasElement) -> f64 {
    canvas
        .parent_element()
        .map(|p| p.client_width() as f64)
        .filter(|w| *w > 0.0)
        .unwrap_or(900.0)
}

/// Where the parts of one test image's row go: its images, then the three bar charts — side by side
/// where the page is wide enough, stacked under the images on a narrow screen (a phone), so nothing
/// is shrunk to an unreadable size.
struct Layout {
    x_synth: f64,
    /// Each bar chart's top-left, relative to the row's top, and their width.
    bars: [(f64, f64); 3],
    bar_w: f64,
    row_h: f64,
    width: f64,
    /// Fresh numerals per line in the last row.
    draws_per_line: usize,
    draw_w: f64,
}

impl Layout {
    fn for_width(avail: f64, synth_w: f64, draws: usize) -> Self {
        let x_synth = 10.0 + IMG + 40.0;
        let x_bars = x_synth + synth_w.max(IMG) + 40.0;
        let wide = x_bars + 3.0 * (BAR_W + GAP);
        if avail >= wide {
            let draw_w = (synth_w.max(IMG) + 24.0).max(BAR_W * 0.6);
            return Self {
                x_synth,
                bars: [0.0, 1.0, 2.0].map(|c| (x_bars + c * (BAR_W + GAP), 0.0)),
                bar_w: BAR_W,
                row_h: ROW_H,
                width: wide.max(10.0 + draws as f64 * (draw_w + 12.0)),
                draws_per_line: draws.max(1),
                draw_w,
            };
        }
        // Stacked: the images on a line, the three charts below them, each as wide as the page.
        let width = avail.max(240.0);
        let bar_w = width - 20.0;
        // Each chart's title sits above it and its figures line below it: a row height apart, with
        // room for both lines of text between two charts, and below the image's class name.
        let chart_h = ROW_H + 4.0;
        let top = IMG + 34.0;
        let draw_w = (synth_w.max(IMG) + 24.0).max(110.0);
        Self {
            x_synth,
            bars: [0.0, 1.0, 2.0].map(|c| (10.0, top + c * chart_h)),
            bar_w,
            row_h: top + 3.0 * chart_h + 12.0,
            width,
            draws_per_line: (((width - 10.0) / (draw_w + 12.0)) as usize).max(1),
            draw_w,
        }
    }

    fn stacked(&self) -> bool {
        self.bars[1].1 > 0.0
    }
}

pub fn draw(canvas: &HtmlCanvasElement, pic: &SoftPicture) {
    let SoftPicture {
        target,
        show,
        student,
        t,
    } = *pic;
    let rows = show.indices.len();
    let synth_w = (show.synth_cols * 2) as f64;
    let draws = show.class_draws.len();
    let at = Layout::for_width(available_width(canvas), synth_w, draws);
    let draw_lines = draws.div_ceil(at.draws_per_line);
    let draws_h = if draws > 0 {
        HEAD + draw_lines as f64 * (IMG + 8.0 + ROW_H)
    } else {
        0.0
    };
    let height = HEAD + rows as f64 * at.row_h + draws_h;
    let theme = screen::theme();
    let Some(ctx) = picture(canvas, at.width, height, theme.background) else {
        return;
    };
    canvas
        .set_attribute("data-temperature", &format!("{t}"))
        .ok();
    canvas
        .set_attribute("data-layout", if at.stacked() { "stacked" } else { "wide" })
        .ok();
    ctx.set_font("12px sans-serif");
    ctx.set_fill_style_str(&theme.text.css());
    let chart_titles = [
        format!("LW-KD teacher at T = {t}"),
        format!("Tf-KD_reg at T = {t}"),
        match student {
            Some(r) => format!("student ({}) at T = {t}", r.method.label()),
            None => "student (run a method)".to_string(),
        },
    ];
    ctx.fill_text("test image", 10.0, 14.0).ok();
    ctx.fill_text("teacher saw", at.x_synth, 14.0).ok();
    if !at.stacked() {
        for (title, (x, _)) in chart_titles.iter().zip(at.bars) {
            ctx.fill_text(title, x, 14.0).ok();
        }
    }
    for (r, &i) in show.indices.iter().enumerate() {
        let y = HEAD + r as f64 * at.row_h;
        let truth = target.test.labels[i] as usize;
        image(&ctx, target.test.image(i), target.test.cols, 10.0, y);
        ctx.set_fill_style_str(&theme.text.css());
        let name = target.class_names.get(truth).cloned().unwrap_or_default();
        ctx.fill_text(&name, 10.0, y + IMG + 14.0).ok();
        if let Some(px) = show.synth_images.get(r) {
            image(&ctx, px, show.synth_cols, at.x_synth, y);
        }
        let columns = [
            (show.teacher_logits.get(r), "#0072b2"),
            (show.tfkd_scores.get(r), "#cc79a7"),
            (student.and_then(|s| s.showcase_logits.get(r)), "#009e73"),
        ];
        for (c, (z, color)) in columns.into_iter().enumerate() {
            let (x, dy) = at.bars[c];
            if at.stacked() {
                ctx.set_fill_style_str(&theme.text.css());
                ctx.fill_text(&chart_titles[c], x, y + dy - 2.0).ok();
            }
            if let Some(z) = z {
                let bar_top = y + dy + if at.stacked() { 2.0 } else { 0.0 };
                let p = soften(z, t);
                bars(&ctx, &p, truth, (x, bar_top, at.bar_w), (color, &theme));
            }
        }
    }
    if draws > 0 {
        class_draws(&ctx, pic, HEAD + rows as f64 * at.row_h + 8.0, &at, &theme);
    }
}

/// The numerals of one class, as LW-KD draws them, each with the teacher's output at the picture's T,
/// `at.draws_per_line` to a line.
fn class_draws(
    ctx: &CanvasRenderingContext2d,
    pic: &SoftPicture,
    y: f64,
    at: &Layout,
    theme: &Theme,
) {
    let draw_w = at.draw_w;
    let (show, t) = (pic.show, pic.t);
    let truth = show
        .indices
        .first()
        .map_or(0, |&i| pic.target.test.labels[i] as usize);
    let name = pic
        .target
        .class_names
        .get(truth)
        .cloned()
        .unwrap_or_default();
    ctx.set_fill_style_str(&theme.text.css());
    let caption = format!(
        "{} numerals of class {truth} ({name}), as LW-KD draws them, and the teacher's output on each at T = {t}: every image gets its own soft target",
        show.class_draws.len()
    );
    wrapped(ctx, &caption, 10.0, y + 4.0, at.width - 20.0);
    for (j, (px, z)) in show
        .class_draws
        .iter()
        .zip(&show.class_draw_logits)
        .enumerate()
    {
        let (col, line) = (j % at.draws_per_line, j / at.draws_per_line);
        let x = 10.0 + col as f64 * (draw_w + 12.0);
        let y = y + HEAD + line as f64 * (IMG + 8.0 + ROW_H) - 10.0;
        image(ctx, px, show.synth_cols, x, y);
        bars(
            ctx,
            &soften(z, t),
            truth,
            (x, y + 8.0 + IMG, draw_w),
            ("#0072b2", theme),
        );
    }
}

/// `text` in lines no wider than `width`, from (x, y) down.
fn wrapped(ctx: &CanvasRenderingContext2d, text: &str, x: f64, y: f64, width: f64) {
    let fits = |s: &str| ctx.measure_text(s).map_or(true, |m| m.width() <= width);
    let mut line = String::new();
    let mut y = y;
    for word in text.split(' ') {
        let longer = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if fits(&longer) || line.is_empty() {
            line = longer;
        } else {
            ctx.fill_text(&line, x, y).ok();
            y += 14.0;
            line = word.to_string();
        }
    }
    ctx.fill_text(&line, x, y).ok();
}
