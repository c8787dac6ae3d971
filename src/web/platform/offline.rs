//! Offline after the first visit: the service worker (`public/sw.js`) keeps the app and its default
//! data. It is registered once the page and the first training worker have loaded, so filling its
//! cache only revalidates what the browser already has.

use wasm_bindgen_futures::JsFuture;

/// Registers `sw.js` beside the page (its scope is the page's folder, so a sub-path works). Where the
/// browser has no service workers (or refuses them: a private window, a file URL) the app simply
/// stays online-only.
pub async fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    if let Err(e) = JsFuture::from(container.register("sw.js")).await {
        web_sys::console::warn_1(&format!("offline use unavailable: {e:?}").into());
    }
}
