//! The web app's entry point: Trunk builds this binary for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    lwkd::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("lwkd-web is the browser app: build and serve it with `bash scripts/serve.sh`.");
    std::process::exit(2);
}
