// A training worker (training steps never block the page; stage 3 runs a pool of them). It loads the
// training module (lwkd-worker: Burn and the pipeline's training side) — the page passes its URLs,
// versioned by the page module's content hash — and hands control to the Rust side
// (src/web/trainer/worker.rs). Only same-origin URLs are accepted.
const query = new URL(self.location.href).searchParams;
const own = (name) => {
  const url = new URL(query.get(name) ?? '', self.location.href);
  if (url.origin !== self.location.origin) throw new Error(`the ${name} URL is not on this site`);
  return url.href;
};
const bindings = await import(own('js'));
await bindings.default({ module_or_path: own('wasm') });
bindings.trainer_worker_main();
