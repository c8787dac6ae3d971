//! What a person reads when something fails: one or two plain sentences. Text from the browser or from
//! deep inside the app (a JS error's name, a stack, a wasm function, a source location) is cut off; the
//! caller keeps the whole for the console and the exported JSON.

/// Where technical text starts.
const MARKERS: [&str; 10] = [
    "JsValue(",
    "wasm-function",
    "\n",
    " at http",
    "panicked at",
    "stack backtrace",
    "TypeError",
    "RangeError",
    ".rs:",
    "Error {",
];

/// The longest notice, in characters (two sentences).
const MAX_CHARS: usize = 320;

/// `text` up to the first technical part, and at most [`MAX_CHARS`] long (cut at a word).
pub fn plain_words(text: &str) -> String {
    let cut = MARKERS
        .iter()
        .filter_map(|m| text.find(m))
        .min()
        .unwrap_or(text.len());
    let mut out = text[..cut]
        .trim_end_matches([' ', ':', '(', '—', '-', ','])
        .to_string();
    if out.chars().count() > MAX_CHARS {
        let head: String = out.chars().take(MAX_CHARS).collect();
        let at_word = head.rfind(' ').unwrap_or(head.len());
        out = format!("{}…", &head[..at_word]);
    }
    if cut < text.len() && !out.ends_with(['.', '…']) {
        out.push('.');
    }
    out
}
