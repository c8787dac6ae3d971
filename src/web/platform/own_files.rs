//! Reading the person's images in the browser — from a folder picker, a .zip, or a drop — and decoding
//! them with the browser's own codecs (`createImageBitmap`, off the main thread) to 28 × 28 grey.
//! Nothing is sent anywhere. Everything goes through `Reflect` so no extra web-sys features are needed.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::js::{await_promise, blob_bytes, call, get};
use crate::data::Target;
use crate::data::own::pixels::{SIDE, centre_square, check_size, dark_background, grey_from_rgba};
use crate::data::own::{Archive, Decoded, MAX_FILE_BYTES, assemble, plan};

/// A picked file: a browser Blob, or an entry of a .zip (unpacked only when a class uses it).
pub enum Source {
    Blob(JsValue),
    Zip(Rc<RefCell<Archive>>, usize),
}

pub struct Picked {
    pub files: Vec<(String, Source)>,
    pub notes: Vec<String>,
}

/// The files of a `FileList` (an `<input type=file>` or a drop), with their relative paths.
fn file_list(list: &JsValue) -> Vec<(String, JsValue)> {
    let n = get(list, "length").as_f64().unwrap_or(0.0) as u32;
    (0..n)
        .filter_map(|i| Reflect::get(list, &JsValue::from(i)).ok())
        .map(|f| {
            let rel = get(&f, "webkitRelativePath")
                .as_string()
                .unwrap_or_default();
            let path = if rel.is_empty() {
                get(&f, "name").as_string().unwrap_or_default()
            } else {
                rel
            };
            (path, f)
        })
        .collect()
}

/// What the person picked: a single .zip is unpacked, anything else is taken as a folder's files.
pub async fn pick(files: Vec<(String, JsValue)>) -> Result<Picked, String> {
    if let [(name, blob)] = files.as_slice()
        && name.to_ascii_lowercase().ends_with(".zip")
    {
        let mut archive = Archive::open(blob_bytes(blob).await?).map_err(|e| e.to_string())?;
        let (entries, notes) = archive.files();
        let archive = Rc::new(RefCell::new(archive));
        return Ok(Picked {
            files: entries
                .into_iter()
                .map(|(p, i)| (p, Source::Zip(archive.clone(), i)))
                .collect(),
            notes,
        });
    }
    Ok(Picked {
        files: files
            .into_iter()
            .map(|(p, b)| (p, Source::Blob(b)))
            .collect(),
        notes: Vec::new(),
    })
}

/// The files of an `<input type=file>`.
pub fn from_input(input: &web_sys::HtmlInputElement) -> Vec<(String, JsValue)> {
    file_list(&get(input, "files"))
}

/// The entries of a drop, taken while the event lasts (the browser forgets them after).
pub fn drop_entries(event: &JsValue) -> Vec<JsValue> {
    let items = get(&get(event, "dataTransfer"), "items");
    let n = get(&items, "length").as_f64().unwrap_or(0.0) as u32;
    (0..n)
        .filter_map(|i| Reflect::get(&items, &JsValue::from(i)).ok())
        .filter_map(|item| call(&item, "webkitGetAsEntry", &[]).ok())
        .filter(|e| !e.is_null() && !e.is_undefined())
        .collect()
}

/// Calls a callback-style API (`f(success, failure)`) as a promise.
async fn callback(obj: &JsValue, method: &str) -> Result<JsValue, JsValue> {
    let obj = obj.clone();
    let method = method.to_string();
    let promise = Promise::new(&mut |resolve, reject| {
        if call(&obj, &method, &[resolve.into(), reject.clone().into()]).is_err() {
            reject.call0(&JsValue::NULL).ok();
        }
    });
    JsFuture::from(promise).await
}

/// Every file below the dropped entries (folders walked), with its path.
pub async fn walk_entries(roots: Vec<JsValue>) -> Vec<(String, JsValue)> {
    let mut stack = roots;
    let mut out = Vec::new();
    while let Some(entry) = stack.pop() {
        let path = get(&entry, "fullPath").as_string().unwrap_or_default();
        if get(&entry, "isFile").as_bool() == Some(true) {
            if let Ok(file) = callback(&entry, "file").await {
                out.push((path.trim_start_matches('/').to_string(), file));
            }
        } else if let Ok(reader) = call(&entry, "createReader", &[]) {
            // readEntries hands out a batch at a time until it returns none.
            while let Ok(batch) = callback(&reader, "readEntries").await {
                let batch: Array = batch.unchecked_into();
                if batch.length() == 0 {
                    break;
                }
                stack.extend(batch.iter());
            }
        }
    }
    out
}

/// A canvas of the model's input size, kept for every image.
fn scratch() -> Option<(
    web_sys::HtmlCanvasElement,
    web_sys::CanvasRenderingContext2d,
)> {
    let doc = web_sys::window()?.document()?;
    let canvas: web_sys::HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(SIDE as u32);
    canvas.set_height(SIDE as u32);
    let ctx = super::canvas::context_2d(&canvas)?;
    Some((canvas, ctx))
}

async fn bitmap(args: &[JsValue]) -> Result<JsValue, JsValue> {
    let window: JsValue = web_sys::window().ok_or(JsValue::NULL)?.into();
    await_promise(call(&window, "createImageBitmap", args)?).await
}

/// One picture to the model's input: centre square, 28 × 28 (the browser resamples), grey, dark
/// background.
async fn decode(source: &Source, ctx: &web_sys::CanvasRenderingContext2d) -> Decoded {
    // The header says how large the decoded picture would be: check it before the browser decodes.
    const HEADER: usize = 256 << 10;
    let blob = match source {
        Source::Blob(b) => {
            if get(b, "size").as_f64().unwrap_or(0.0) > MAX_FILE_BYTES as f64 {
                return Err("over 25 MB".into());
            }
            let head =
                call(b, "slice", &[0.into(), (HEADER as u32).into()]).map_err(|_| "unreadable")?;
            check_size(&blob_bytes(&head).await?)?;
            b.clone()
        }
        Source::Zip(archive, index) => {
            let bytes = archive.borrow_mut().read(*index)?;
            check_size(&bytes[..bytes.len().min(HEADER)])?;
            let parts = Array::of1(&Uint8Array::from(bytes.as_slice()));
            let ctor: Function = get(&js_sys::global(), "Blob").unchecked_into();
            Reflect::construct(&ctor, &Array::of1(&parts)).map_err(|_| "unreadable")?
        }
    };
    let full = bitmap(&[blob])
        .await
        .map_err(|_| "not an image this browser can read".to_string())?;
    let (w, h) = (
        get(&full, "width").as_f64().unwrap_or(0.0) as u32,
        get(&full, "height").as_f64().unwrap_or(0.0) as u32,
    );
    let (x, y, side) = centre_square(w, h);
    if side == 0 {
        return Err("empty picture".into());
    }
    let opts = Object::new();
    for (k, v) in [
        ("resizeWidth", JsValue::from(SIDE as u32)),
        ("resizeHeight", JsValue::from(SIDE as u32)),
        ("resizeQuality", JsValue::from_str("high")),
    ] {
        Reflect::set(&opts, &JsValue::from_str(k), &v).ok();
    }
    let small = bitmap(&[
        full.clone(),
        x.into(),
        y.into(),
        side.into(),
        side.into(),
        opts.into(),
    ])
    .await
    .map_err(|_| "the browser could not resize it".to_string());
    call(&full, "close", &[]).ok();
    let small = small?;
    ctx.clear_rect(0.0, 0.0, SIDE as f64, SIDE as f64);
    call(ctx, "drawImage", &[small.clone(), 0.into(), 0.into()])
        .map_err(|_| "the browser could not draw it".to_string())?;
    call(&small, "close", &[]).ok();
    let data = ctx
        .get_image_data(0.0, 0.0, SIDE as f64, SIDE as f64)
        .map_err(|_| "the browser would not hand back its pixels".to_string())?;
    Ok(dark_background(grey_from_rgba(&data.data().0)))
}

/// Sorts, decodes and assembles the picked files; `progress(done, total)` after each image.
pub async fn read(
    picked: Picked,
    mut progress: impl FnMut(usize, usize),
) -> Result<(Target, Vec<String>), String> {
    let paths: Vec<String> = picked.files.iter().map(|(p, _)| p.clone()).collect();
    let layout = plan(&paths).map_err(|e| e.after(&picked.notes).to_string())?;
    let (_canvas, ctx) = scratch().ok_or("this browser offers no 2D canvas")?;
    let todo: Vec<usize> = layout
        .classes
        .iter()
        .flat_map(|c| c.files.iter().copied())
        .collect();
    let mut decoded: Vec<Decoded> = vec![Err("not read".into()); paths.len()];
    for (n, &i) in todo.iter().enumerate() {
        decoded[i] = decode(&picked.files[i].1, &ctx).await;
        progress(n + 1, todo.len());
    }
    let (target, more) =
        assemble(&layout, &decoded, &paths).map_err(|e| e.after(&picked.notes).to_string())?;
    let mut notes = picked.notes;
    notes.extend(more);
    Ok((target, notes))
}
