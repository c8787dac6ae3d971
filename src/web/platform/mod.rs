//! The browser underneath the app: WebGPU probing, JavaScript glue, fetching the app's own data files,
//! local storage, recorded runs, embeds' turns, the module's memory, downloads, reading picked files,
//! the page's pipeline host, the panic panel and the timeline of its jobs.

pub mod canvas;
pub mod constructors;
pub mod embed_height;
pub mod export;
pub mod fetch;
pub mod gpu;
#[cfg(feature = "train")]
pub mod gpu_device;
pub mod host;
pub mod js;
pub mod memory;
pub mod offline;
pub mod own_files;
pub mod panic;
pub mod recording;
pub mod screen;
pub mod storage;
pub mod timeline;
pub mod turns;
pub mod yield_now;
