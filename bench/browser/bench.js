// The in-browser benchmark (see index.html). `node bench/browser.mjs` opens it with ?auto and reads
// window.benchDone; opened by hand, the Run button does the same.
const q = new URLSearchParams(location.search);
const BATCHES = (q.get('batch') ?? '64,256').split(',').map(Number);
const WARMUP = Number(q.get('warmup') ?? 2);
const STEPS = Number(q.get('steps') ?? 10);
const LIBS = (q.get('libs') ?? 'lwkd,tfjs').split(',');
// Every fifth of the 10,000 Fashion-MNIST training images: the file is sorted by class, so this takes
// 200 of each of the 10 classes (src/bin/lwkd/bench.rs and bench/torch_lenet.py take the same ones).
const IMAGES = 2000;
const MEAN = 0.1307, STD = 0.3081;
const status = (m) => { document.querySelector('#status').textContent = m; };

/// IMAGES images spread evenly over the LWKD file (format: public/data/manifest.json).
async function loadData() {
  const buf = await (await fetch('/data/fashion-train.bin')).arrayBuffer();
  const count = new DataView(buf).getUint32(8, true);
  const stride = Math.floor(count / IMAGES);
  const all = new Uint8Array(buf);
  const labels = new Uint8Array(IMAGES), pixels = new Uint8Array(IMAGES * 784);
  for (let i = 0; i < IMAGES; i++) {
    labels[i] = all[20 + i * stride];
    pixels.set(all.subarray(20 + count + i * stride * 784, 20 + count + (i * stride + 1) * 784), i * 784);
  }
  return { labels, pixels };
}

/// Our training module, the one the app's training workers load (here on the page's thread, as the
/// other libraries run).
async function loadOurs() {
  const mod = await import('/lwkd-worker.js');
  await mod.default({ module_or_path: '/lwkd-worker_bg.wasm' });
  return mod;
}

async function ours(mod, backend, data, batch) {
  const json = await mod.lenet_throughput(backend, data.pixels, data.labels, batch, WARMUP, STEPS);
  return JSON.parse(json);
}

function tfModel() {
  const m = tf.sequential();
  m.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, padding: 'same', activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 120, activation: 'relu' }));
  m.add(tf.layers.dense({ units: 84, activation: 'relu' }));
  m.add(tf.layers.dense({ units: 10 }));
  return m;
}

/// TensorFlow.js with the same protocol as src/train/throughput.rs.
async function tfjs(backend, data, batch) {
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not start its ${backend} backend here`);
  await tf.ready();
  const model = tfModel();
  const opt = tf.train.adam(1e-3);
  let next = 0;
  const step = () => {
    const xs = new Float32Array(batch * 784), ys = new Int32Array(batch);
    for (let b = 0; b < batch; b++) {
      const i = (next + b) % IMAGES;
      ys[b] = data.labels[i];
      for (let p = 0; p < 784; p++) xs[b * 784 + p] = (data.pixels[i * 784 + p] / 255 - MEAN) / STD;
    }
    next = (next + batch) % IMAGES;
    return tf.tidy(() => {
      const x = tf.tensor4d(xs, [batch, 28, 28, 1]);
      const y = tf.oneHot(tf.tensor1d(ys, 'int32'), 10);
      return opt.minimize(() => tf.losses.softmaxCrossEntropy(y, model.apply(x, { training: true })), true);
    });
  };
  const readAll = async (losses) => {
    const s = tf.stack(losses);
    const v = await s.data();
    s.dispose(); losses.forEach((l) => l.dispose());
    return v;
  };
  let t = performance.now();
  await readAll([step()]);
  const first_step_ms = performance.now() - t;
  if (WARMUP) await readAll(Array.from({ length: WARMUP }, step));
  t = performance.now();
  const losses = [];
  for (let i = 0; i < STEPS; i++) losses.push(step());
  const v = await readAll(losses);
  const s = (performance.now() - t) / 1000;
  model.dispose(); opt.dispose();
  let note = '';
  if (backend === 'wasm') note = (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) ? 'threads + SIMD' : 'one thread';
  return { batch, steps: STEPS, first_step_ms, ms_per_step: s * 1000 / STEPS, samples_per_s: STEPS * batch / s, last_loss: v[v.length - 1], note };
}

function show(r) {
  const tr = document.createElement('tr');
  const cell = (v, cls) => { const td = document.createElement('td'); td.textContent = v; if (cls) td.className = cls; tr.append(td); };
  cell(r.library); cell(r.backend); cell(r.batch);
  if (r.error) { cell('—'); cell('—'); cell('—'); cell(r.error, 'err'); } else {
    cell(Math.round(r.samples_per_s)); cell(r.ms_per_step.toFixed(1)); cell(Math.round(r.first_step_ms));
    cell([r.note, r.init_ms != null ? `device ${Math.round(r.init_ms)} ms` : ''].filter(Boolean).join(', '));
  }
  document.querySelector('#results tbody').append(tr);
}

async function runAll() {
  document.querySelector('#run').disabled = true;
  const results = [];
  const adapter = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
  const env = { userAgent: navigator.userAgent, cores: navigator.hardwareConcurrency, crossOriginIsolated,
    webgpu: adapter ? `${adapter.info?.vendor} ${adapter.info?.architecture} ${adapter.info?.description}`.trim() + (adapter.info?.isFallbackAdapter ? ' (fallback)' : '') : null,
    tfjs: tf.version.tfjs, warmup: WARMUP, steps: STEPS, images: IMAGES };
  status('Loading data and our wasm…');
  const [data, mod] = await Promise.all([loadData(), loadOurs()]);
  const runs = [['lwkd', 'webgpu'], ['lwkd', 'cpu'], ['tfjs', 'webgpu'], ['tfjs', 'webgl'], ['tfjs', 'wasm'], ['tfjs', 'cpu']];
  for (const batch of BATCHES) for (const [library, backend] of runs.filter(([l]) => LIBS.includes(l))) {
    status(`Running ${library} ${backend}, batch ${batch}…`);
    let r;
    try {
      r = await (library === 'lwkd' ? ours(mod, backend, data, batch) : tfjs(backend, data, batch));
    } catch (e) {
      r = { batch, error: String(e?.message ?? e).slice(0, 300) };
    }
    r = { library, backend, ...r };
    results.push(r); show(r);
  }
  status('Done.');
  document.querySelector('#run').disabled = false;
  return { env, results };
}

tf.wasm.setWasmPaths('/vendor/tfjs-backend-wasm/');
document.querySelector('#run').addEventListener('click', () => runAll());
status('Ready.');
if (q.has('auto')) window.benchDone = runAll().catch((e) => ({ error: String(e) }));
