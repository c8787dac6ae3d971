//! A panic must never end in a blank page: the hook logs it (with its place in the source, for us) and
//! puts a readable panel in the DOM (in plain words, for the person), written with plain web-sys
//! because the Rust side cannot be trusted after a panic.

use wasm_bindgen::JsCast;

use crate::web::state::plain_words;

/// What the panic said, without where in the source it happened: its message's first line, short.
fn what_it_said(message: &str) -> String {
    let said = match message.strip_prefix("panicked at ") {
        Some(rest) => rest.split_once('\n').map_or(rest, |(_, m)| m),
        None => message,
    };
    let said = plain_words(said.lines().next().unwrap_or_default());
    match said.chars().count() {
        0..=140 => said,
        _ => format!("{}…", said.chars().take(140).collect::<String>()),
    }
}

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

pub fn show(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    // One panel: later panics (often consequences of the first) only go to the console.
    if doc.get_element_by_id("panic-panel").is_some() {
        return;
    }
    let Ok(panel) = doc.create_element("div") else {
        return;
    };
    panel.set_id("panic-panel");
    panel.set_attribute("role", "alert").ok();
    let Ok(title) = doc.create_element("h2") else {
        return;
    };
    title.set_text_content(Some("Something went wrong inside the app"));
    let Ok(text) = doc.create_element("p") else {
        return;
    };
    text.set_text_content(Some(&format!(
        "It stopped with “{}”. Reload with the same settings: your saved results stay. The details are in the browser's console.",
        what_it_said(message).trim_end_matches('.')
    )));
    let Ok(button) = doc.create_element("button") else {
        return;
    };
    button.set_text_content(Some("Reload with the same settings"));
    let reload = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            w.location().reload().ok();
        }
    });
    if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
        b.set_onclick(Some(reload.as_ref().unchecked_ref()));
    }
    reload.forget();
    panel.append_child(&title).ok();
    panel.append_child(&text).ok();
    panel.append_child(&button).ok();
    body.prepend_with_node_1(&panel).ok();
}
