//! Giving the browser a turn between training steps without `setTimeout(0)`, which browsers clamp to
//! 4 ms once timeouts nest (every step after the fifth): a message to ourselves through a
//! `MessageChannel` is a fresh task with no clamp, so rendering and input still get their turn. One
//! channel serves every turn of the thread: WebKit makes each new channel with a round trip to another
//! process, and keeps the ports of channels never closed.

use std::cell::RefCell;
use std::collections::VecDeque;

use js_sys::Function;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::MessageChannel;

/// The thread's channel and the turns waiting for their message, oldest first (each message
/// resolves one: messages arrive in the order they were sent).
struct Turns {
    channel: MessageChannel,
    waiting: VecDeque<Function>,
}

thread_local! {
    static TURNS: RefCell<Option<Turns>> = const { RefCell::new(None) };
}

/// The thread's channel, made on first use (None where a channel cannot be made).
fn with_turns<R>(f: impl FnOnce(&mut Turns) -> R) -> Option<R> {
    TURNS.with_borrow_mut(|turns| {
        if turns.is_none() {
            let channel = MessageChannel::new().ok()?;
            let arrived = Closure::<dyn FnMut(JsValue)>::new(|_| {
                let next = TURNS.with_borrow_mut(|t| t.as_mut()?.waiting.pop_front());
                if let Some(resolve) = next {
                    resolve.call0(&JsValue::NULL).ok();
                }
            });
            channel
                .port1()
                .set_onmessage(Some(arrived.as_ref().unchecked_ref()));
            // The handler lives as long as the thread's channel.
            arrived.forget();
            *turns = Some(Turns {
                channel,
                waiting: VecDeque::new(),
            });
        }
        turns.as_mut().map(f)
    })
}

/// Resumes in a new task of the event loop (falls back to a 0 ms timeout if a channel cannot be made).
pub async fn yield_now() {
    let mut posted = false;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        posted = with_turns(|t| {
            let sent = t.channel.port2().post_message(&JsValue::NULL).is_ok();
            if sent {
                t.waiting.push_back(resolve);
            }
            sent
        })
        .unwrap_or(false);
    });
    if posted {
        let _ = JsFuture::from(promise).await;
    } else {
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}
