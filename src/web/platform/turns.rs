//! Embeds take turns: several on one page (or in several tabs of one site) would share the reader's
//! cores and each run slower than alone, so an embed trains only while it holds the site's one
//! "training" lock (the Web Locks API; the browser releases it when the embed's page goes). Where the
//! API is missing (an old browser, a page not served over HTTPS or localhost) embeds do not wait.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

const LOCK: &str = "lwkd-embed-training";

/// The held turn; dropping it lets the next embed train.
pub struct Turn {
    release: Function,
}

impl Drop for Turn {
    fn drop(&mut self) {
        self.release.call0(&JsValue::NULL).ok();
    }
}

/// Waits until no other embed trains, then holds the turn (None where the browser cannot coordinate).
pub async fn take() -> Option<Turn> {
    let navigator = web_sys::window()?.navigator();
    let locks = Reflect::get(&navigator, &"locks".into())
        .ok()
        .filter(|l| l.is_object())?;
    let request: Function = Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // The lock is held until the promise its callback returns settles: its `resolve` is the release.
    let release: Rc<RefCell<Option<Function>>> = Rc::default();
    let stash = release.clone();
    let granted = Promise::new(&mut |granted, _| {
        let stash = stash.clone();
        let on_grant = granted.clone();
        let held = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
            on_grant.call0(&JsValue::NULL).ok();
            Promise::new(&mut |resolve, _| *stash.borrow_mut() = Some(resolve)).into()
        });
        if request.call2(&locks, &LOCK.into(), &held).is_err() {
            granted.call0(&JsValue::NULL).ok();
        }
    });
    JsFuture::from(granted).await.ok()?;
    let release = release.borrow_mut().take()?;
    Some(Turn { release })
}
