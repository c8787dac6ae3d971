//! From any decoded picture to the model's input: a centred square crop, 28 × 28, grey, and the
//! object bright on a dark background as in MNIST and Fashion-MNIST.

pub const SIDE: usize = 28;

/// The largest picture decoded (40 megapixels: 160 MB as RGBA). Phone photos are 12–50 MP; anything
/// above would be shrunk to 28 × 28 anyway.
pub const MAX_IMAGE_PIXELS: u64 = 40_000_000;

/// Refuses a picture whose header claims more than [`MAX_IMAGE_PIXELS`], before it is decoded.
/// `header` is the file's start (a few hundred kB is enough for every format); an unknown or short
/// header passes, and the decoder decides.
pub fn check_size(header: &[u8]) -> Result<(), String> {
    match imagesize::blob_size(header) {
        Ok(s) if (s.width as u64) * (s.height as u64) > MAX_IMAGE_PIXELS => Err(format!(
            "{} × {} pixels, too large to decode (at most {} megapixels)",
            s.width,
            s.height,
            MAX_IMAGE_PIXELS / 1_000_000
        )),
        _ => Ok(()),
    }
}

/// The crop (x, y, side) of the largest centred square of a `width × height` picture.
pub fn centre_square(width: u32, height: u32) -> (u32, u32, u32) {
    let side = width.min(height);
    ((width - side) / 2, (height - side) / 2, side)
}

/// Grey from RGBA (ITU-R BT.601 luma; transparent pixels count as white paper).
pub fn grey_from_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let a = p[3] as f32 / 255.0;
            let y = 0.299 * p[0] as f32 + 0.587 * p[1] as f32 + 0.114 * p[2] as f32;
            (y * a + 255.0 * (1.0 - a)).round() as u8
        })
        .collect()
}

/// Inverts a `SIDE × SIDE` grey image whose border is mostly light (a photo of a thing on paper), so
/// that the background is dark.
pub fn dark_background(mut grey: Vec<u8>) -> Vec<u8> {
    let border: Vec<u8> = (0..SIDE * SIDE)
        .filter(|i| {
            let (r, c) = (i / SIDE, i % SIDE);
            r == 0 || c == 0 || r == SIDE - 1 || c == SIDE - 1
        })
        .map(|i| grey[i])
        .collect();
    let mean = border.iter().map(|&v| v as f32).sum::<f32>() / border.len() as f32;
    if mean > 127.0 {
        grey.iter_mut().for_each(|v| *v = 255 - *v);
    }
    grey
}
