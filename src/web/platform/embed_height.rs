//! An embedded page tells its host how tall it is, so the host's `<iframe>` can fit it with no
//! scroll bar of its own (the embed snippet carries the few lines that listen, see `panels/share.rs`).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::ResizeObserver;

/// The message's key: a host page may receive messages from other frames too.
const KEY: &str = "lwkdHeight";

/// Posts the page's height to the page that frames it now and whenever it changes. Nothing happens
/// outside a frame.
pub fn post_to_host() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let measured = body.clone();
    let post = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &KEY.into(), &height.into());
        // Any host may frame the page; the height is all it learns.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
        // Both live as long as the page.
        std::mem::forget(observer);
    }
    post.forget();
}
