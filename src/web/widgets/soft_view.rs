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

pub fn draw(canvas: &HtmlCanvasElement, pic: &SoftPicture) {
    let SoftPicture {
        target,
        show,
        student,
        t,
    } = *pic;
    let rows = show.indices.len();
    let synth_w = (show.synth_cols * 2) as f64;
    let x_synth = 10.0 + IMG + 40.0;
    let x_bars = x_synth + synth_w.max(IMG) + 40.0;
    let draws = show.class_draws.len();
    let draw_w = (synth_w.max(IMG) + 24.0).max(BAR_W * 0.6);
    let draws_h = if draws > 0 {
        HEAD + IMG + 8.0 + ROW_H
    } else {
        0.0
    };
    let width = (x_bars + 3.0 * (BAR_W + GAP)).max(10.0 + draws as f64 * (draw_w + 12.0));
    let height = HEAD + rows as f64 * ROW_H + draws_h;
    let theme = screen::theme();
    let Some(ctx) = picture(canvas, width, height, theme.background) else {
        return;
    };
    canvas
        .set_attribute("data-temperature", &format!("{t}"))
        .ok();
    ctx.set_font("12px sans-serif");
    ctx.set_fill_style_str(&theme.text.css());
    let titles = [
        (10.0, "test image".to_string()),
        (x_synth, "teacher saw".to_string()),
        (x_bars, format!("LW-KD teacher at T = {t}")),
        (x_bars + BAR_W + GAP, format!("Tf-KD_reg at T = {t}")),
        (
            x_bars + 2.0 * (BAR_W + GAP),
            match student {
                Some(r) => format!("student ({}) at T = {t}", r.method.label()),
                None => "student (run a method)".to_string(),
            },
        ),
    ];
    for (x, title) in titles {
        ctx.fill_text(&title, x, 14.0).ok();
    }
    for (r, &i) in show.indices.iter().enumerate() {
        let y = HEAD + r as f64 * ROW_H;
        let truth = target.test.labels[i] as usize;
        image(&ctx, target.test.image(i), target.test.cols, 10.0, y);
        ctx.set_fill_style_str(&theme.text.css());
        let name = target.class_names.get(truth).cloned().unwrap_or_default();
        ctx.fill_text(&name, 10.0, y + IMG + 14.0).ok();
        if let Some(px) = show.synth_images.get(r) {
            image(&ctx, px, show.synth_cols, x_synth, y);
        }
        let columns = [
            (show.teacher_logits.get(r), "#0072b2"),
            (show.tfkd_scores.get(r), "#cc79a7"),
            (student.and_then(|s| s.showcase_logits.get(r)), "#009e73"),
        ];
        for (c, (z, color)) in columns.into_iter().enumerate() {
            if let Some(z) = z {
                let x = x_bars + c as f64 * (BAR_W + GAP);
                bars(&ctx, &soften(z, t), truth, (x, y, BAR_W), (color, &theme));
            }
        }
    }
    if draws > 0 {
        class_draws(
            &ctx,
            pic,
            HEAD + rows as f64 * ROW_H + 8.0,
            (draw_w, &theme),
        );
    }
}

/// The row of fresh numerals of one class, each with the teacher's output at the picture's T.
fn class_draws(
    ctx: &CanvasRenderingContext2d,
    pic: &SoftPicture,
    y: f64,
    (draw_w, theme): (f64, &Theme),
) {
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
    ctx.fill_text(
        &format!("{} fresh numerals of class {truth} ({name}), as LW-KD draws them, and the teacher's output on each at T = {t}: every image gets its own soft target", show.class_draws.len()),
        10.0,
        y + 4.0,
    )
    .ok();
    for (j, (px, z)) in show
        .class_draws
        .iter()
        .zip(&show.class_draw_logits)
        .enumerate()
    {
        let x = 10.0 + j as f64 * (draw_w + 12.0);
        image(ctx, px, show.synth_cols, x, y + 12.0);
        bars(
            ctx,
            &soften(z, t),
            truth,
            (x, y + 20.0 + IMG, draw_w),
            ("#0072b2", theme),
        );
    }
}
