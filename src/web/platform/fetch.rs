//! Fetching the prepared data files from the page's own origin.

use crate::data::{DataError, ImageSet, Manifest, Target, TargetKind};
use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const DATA_DIR: &str = "data";

async fn fetch_bytes(name: &str) -> Result<Vec<u8>, DataError> {
    let unavailable = |reason: String| DataError::Unavailable {
        name: name.to_string(),
        reason,
    };
    let window = web_sys::window().ok_or_else(|| unavailable("no window".into()))?;
    let url = format!("{DATA_DIR}/{name}");
    // The browser's own words go to the console; the person gets ours.
    let offline = |e: wasm_bindgen::JsValue| {
        web_sys::console::warn_2(&format!("fetching {url}").into(), &e);
        unavailable("the network could not be reached (offline?) — connect once to fetch it; it is kept for offline use afterwards".into())
    };
    let resp = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(offline)?;
    let resp: web_sys::Response = resp
        .dyn_into()
        .map_err(|_| unavailable("not a response".into()))?;
    if !resp.ok() {
        return Err(unavailable(format!(
            "the server answered {} {} — run `bash scripts/setup.sh` to prepare the data",
            resp.status(),
            resp.status_text()
        )));
    }
    let interrupted = |e: wasm_bindgen::JsValue| {
        web_sys::console::warn_2(&format!("reading {url}").into(), &e);
        unavailable("the download was interrupted — try again".into())
    };
    let buf = resp.array_buffer().map_err(interrupted)?;
    let buf = JsFuture::from(buf).await.map_err(interrupted)?;
    Ok(Uint8Array::new(&buf).to_vec())
}

pub async fn manifest() -> Result<Manifest, DataError> {
    let bytes = fetch_bytes("manifest.json").await?;
    Manifest::parse(&String::from_utf8_lossy(&bytes))
}

pub async fn image_set(
    manifest: &Manifest,
    dataset: &str,
    split: &str,
) -> Result<ImageSet, DataError> {
    let entry = manifest.file(dataset, split)?;
    ImageSet::decode(&fetch_bytes(&entry.name).await?, entry)
}

/// A target dataset with its class names (two files, fetched when stage 3 first needs them).
pub async fn target(kind: TargetKind) -> Result<Target, DataError> {
    let m = manifest().await?;
    Ok(Target {
        kind,
        class_names: m.class_names(kind.key())?.to_vec(),
        train: image_set(&m, kind.key(), "train").await?,
        test: image_set(&m, kind.key(), "test").await?,
    })
}
