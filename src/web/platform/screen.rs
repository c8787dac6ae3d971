//! What a chart must know of the screen it is drawn for: the device pixel ratio, the page's colours
//! (light or dark, from its CSS variables) and the presentation mode. Charts redraw when any of
//! these change ([`watch`]).

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// An opaque colour, as the stylesheet gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub fn css(self) -> String {
        format!("rgb({},{},{})", self.0, self.1, self.2)
    }
}

/// The page's colours for drawing (its CSS variables `--card`, `--fg`, `--muted`, `--line`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub background: Rgb,
    pub text: Rgb,
    pub muted: Rgb,
    pub grid: Rgb,
}

const LIGHT: Theme = Theme {
    background: Rgb(255, 255, 255),
    text: Rgb(29, 29, 31),
    muted: Rgb(107, 107, 112),
    grid: Rgb(227, 227, 222),
};

/// `#rrggbb` → a colour.
fn parse_hex(s: &str) -> Option<Rgb> {
    let h = s.trim().strip_prefix('#')?;
    let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
    (h.len() == 6).then_some(Rgb(byte(0)?, byte(2)?, byte(4)?))
}

/// The colours the stylesheet gives now (light where it cannot be read).
pub fn theme() -> Theme {
    let read = || {
        let window = web_sys::window()?;
        let root = window.document()?.document_element()?;
        let style = window.get_computed_style(&root).ok()??;
        let var = |name: &str| parse_hex(&style.get_property_value(name).ok()?);
        Some(Theme {
            background: var("--card")?,
            text: var("--fg")?,
            muted: var("--muted")?,
            grid: var("--line")?,
        })
    };
    read().unwrap_or(LIGHT)
}

/// Device pixels per CSS pixel (2 on most phones and high-density screens).
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// Presentation mode: larger type and lines, for a projector (the page's *Presentation* toggle).
pub fn presenting() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.class_list().contains("presentation"))
}

/// Turns presentation mode on or off.
pub fn set_presenting(on: bool) {
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.class_list().toggle_with_force("presentation", on);
    }
}

/// A signal that changes whenever charts must be drawn again: the window was resized (which also
/// follows a change of pixel ratio, e.g. zoom or another screen) or the colour scheme changed.
pub fn watch() -> RwSignal<u32> {
    let tick = RwSignal::new(0u32);
    let bump = move || tick.update(|t| *t = t.wrapping_add(1));
    let _ = window_event_listener(leptos::ev::resize, move |_| bump());
    if let Some(query) = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok())
        .flatten()
    {
        let on_change = Closure::<dyn FnMut()>::new(bump);
        let _ =
            query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // Lives as long as the page.
        on_change.forget();
    }
    tick
}
