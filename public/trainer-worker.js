// A training worker (training steps never block the page; stage 3 runs a pool of them). It loads the
// training module (lwkd-worker: Burn and the pipeline's training side) — the page passes its URLs,
// versioned by the page module's content hash, and sends the module compiled once for all its workers
// (src/web/trainer/module.rs), or null: then it is loaded from its URL here — and hands control to the
// Rust side (src/web/trainer/worker.rs). Only same-origin URLs are accepted.
const compiled = new Promise((resolve) => {
  const take = (e) => {
    if (!e.data || !('lwkdModule' in e.data)) return;
    self.removeEventListener('message', take);
    resolve(e.data.lwkdModule);
  };
  self.addEventListener('message', take);
});
const query = new URL(self.location.href).searchParams;
const own = (name) => {
  const url = new URL(query.get(name) ?? '', self.location.href);
  if (url.origin !== self.location.origin) throw new Error(`the ${name} URL is not on this site`);
  return url.href;
};
const bindings = await import(own('js'));
const module = await compiled;
await bindings.default({ module_or_path: module instanceof WebAssembly.Module ? module : own('wasm') });
bindings.trainer_worker_main();
