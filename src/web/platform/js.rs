//! Small `Reflect` helpers for browser APIs this app reaches without extra web-sys features (each
//! feature would rebuild web-sys and wgpu).

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `obj[key]`, or `undefined`.
pub fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[method](...args)`.
pub fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = get(obj, method).dyn_into()?;
    f.apply(obj, &args.iter().collect::<Array>())
}

pub async fn await_promise(p: JsValue) -> Result<JsValue, JsValue> {
    JsFuture::from(p.dyn_into::<Promise>()?).await
}

/// A Blob's (or File's) bytes.
pub async fn blob_bytes(blob: &JsValue) -> Result<Vec<u8>, String> {
    let buf = await_promise(call(blob, "arrayBuffer", &[]).map_err(|_| "unreadable file")?)
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(Uint8Array::new(&buf).to_vec())
}
