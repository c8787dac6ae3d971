//! Native decoding of the user's images (CLI and tests) with the `image` crate; the page uses the
//! browser's codecs to the same end (`web/own_data.rs`).

use std::path::Path;

use super::pixels::{SIDE, centre_square, check_size, dark_background, grey_from_rgba};
use super::{Archive, Decoded, Layout, OwnImagesError, assemble, plan};
use crate::data::Target;

/// One image file's bytes to the model's input.
pub fn decode(bytes: &[u8]) -> Decoded {
    check_size(bytes)?;
    let img = image::load_from_memory(bytes).map_err(|e| format!("{e}"))?;
    let (x, y, side) = centre_square(img.width(), img.height());
    if side == 0 {
        return Err("empty picture".into());
    }
    let small = img
        .crop_imm(x, y, side, side)
        .resize_exact(
            SIDE as u32,
            SIDE as u32,
            image::imageops::FilterType::Triangle,
        )
        .to_rgba8();
    Ok(dark_background(grey_from_rgba(small.as_raw())))
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, Vec<u8>)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(root, &path, out)?;
        } else if let Ok(rel) = path.strip_prefix(root) {
            let bytes = std::fs::read(&path)?;
            out.push((rel.to_string_lossy().replace('\\', "/"), bytes));
        }
    }
    Ok(())
}

/// Reads and decodes file `i` of what was picked.
type Reader = Box<dyn FnMut(usize) -> Decoded>;

/// A folder or a .zip of images, one sub-folder per class, as a target; with the notes on what was
/// left out.
pub fn load(path: &Path) -> Result<(Target, Vec<String>), OwnImagesError> {
    let io = |e: std::io::Error| OwnImagesError::Io(format!("{}: {e}", path.display()));
    // A folder is read whole; a .zip entry only when a class uses it.
    let (paths, mut notes, mut read): (Vec<String>, Vec<String>, Reader) = if path.is_dir() {
        let mut files = Vec::new();
        walk(path, path, &mut files).map_err(io)?;
        let paths = files.iter().map(|(p, _)| p.clone()).collect();
        (paths, Vec::new(), Box::new(move |i| decode(&files[i].1)))
    } else {
        let mut archive = Archive::open(std::fs::read(path).map_err(io)?)?;
        let (files, notes) = archive.files();
        let paths = files.iter().map(|(p, _)| p.clone()).collect();
        let read = move |i: usize| archive.read(files[i].1).and_then(|b| decode(&b));
        (paths, notes, Box::new(read))
    };
    let layout: Layout = plan(&paths).map_err(|e| e.after(&notes))?;
    let mut decoded: Vec<Decoded> = vec![Err("not read".into()); paths.len()];
    for class in &layout.classes {
        for &i in &class.files {
            decoded[i] = read(i);
        }
    }
    let (target, more) = assemble(&layout, &decoded, &paths).map_err(|e| e.after(&notes))?;
    notes.extend(more);
    Ok((target, notes))
}
