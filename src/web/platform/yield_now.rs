//! Giving the browser a turn between training steps without `setTimeout(0)`, which Chrome clamps to
//! 4 ms once timeouts nest (every step after the fifth): a message to ourselves through a
//! `MessageChannel` is a fresh task with no clamp, so rendering and input still get their turn.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// Resumes in a new task of the event loop (falls back to a 0 ms timeout if a channel cannot be made).
pub async fn yield_now() {
    let Ok(channel) = web_sys::MessageChannel::new() else {
        gloo_timers::future::TimeoutFuture::new(0).await;
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if channel.port2().post_message(&JsValue::NULL).is_err() {
        gloo_timers::future::TimeoutFuture::new(0).await;
        return;
    }
    // `channel` lives across the await, so neither port is collected before the message arrives.
    let _ = JsFuture::from(promise).await;
    channel.port1().set_onmessage(None);
}
