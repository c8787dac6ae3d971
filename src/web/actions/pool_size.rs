//! How many training workers stage 3's pool runs on this machine: what the browser says about it,
//! read here; the rule is `pipeline::workers`.

use crate::pipeline::workers::{Machine, workers};

/// Overrides the pool's size (tests and benchmarks compare sizes).
const OVERRIDE_KEY: &str = "lwkd-workers";

/// Whether the engine is WebKit: Safari's user agent, and every iOS browser's, names AppleWebKit
/// without Chrome's engine.
fn webkit(user_agent: &str) -> bool {
    user_agent.contains("AppleWebKit")
        && !["Chrome/", "Chromium/", "Edg/"]
            .iter()
            .any(|b| user_agent.contains(b))
}

pub fn size(jobs: usize, gpu: bool) -> usize {
    let navigator = web_sys::window().map(|w| w.navigator());
    let machine = Machine {
        cores: navigator.as_ref().map_or(1.0, |n| n.hardware_concurrency()) as usize,
        webkit: navigator
            .as_ref()
            .and_then(|n| n.user_agent().ok())
            .is_some_and(|ua| webkit(&ua)),
        memory_gb: navigator
            .and_then(|n| js_sys::Reflect::get(&n, &"deviceMemory".into()).ok())
            .and_then(|m| m.as_f64()),
    };
    let asked = crate::web::platform::storage::local_get(OVERRIDE_KEY).and_then(|v| v.parse().ok());
    workers(jobs, gpu, machine, asked)
}
