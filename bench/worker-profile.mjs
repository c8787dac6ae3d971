// Where a training worker's time goes (not part of the tests): Chromium's sampling profiler inside the
// one training worker while stage 3 trains the link's methods (or, with --stage teacher, while stage 2
// trains the teacher), as self time per function. Run it on a build whose worker module keeps its
// function names (wasm-opt's --strip-debug removes them; docs/performance.md has the recipe). Needs
// Node's WebSocket (node --experimental-websocket on Node 20).
//   node --experimental-websocket bench/worker-profile.mjs --dist names-build/ [--query '?m=lwkd'] [--stage teacher] [--top 40] > profile.json
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { serve } from '../scripts/static-server.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const query = opt('--query', '?m=lwkd');
const dist = opt('--dist', join(import.meta.dirname, '..', 'dist'));
const top = Number(opt('--top', 40));
const teacherStage = opt('--stage', 'students') === 'teacher';
const port = 9300 + Math.floor(Math.random() * 600);
const log = (m) => process.stderr.write(`[profile] ${m}\n`);

/// A minimal CDP client over the browser's WebSocket, with flat sessions for the worker.
async function cdp(url) {
  const ws = new WebSocket(url);
  await new Promise((ok, fail) => { ws.onopen = ok; ws.onerror = fail; });
  let id = 0;
  const waiting = new Map();
  ws.onmessage = (e) => {
    const msg = JSON.parse(e.data);
    const w = waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.error) w.fail(new Error(JSON.stringify(msg.error)));
    else w.ok(msg.result);
  };
  const send = (method, params = {}, sessionId) => new Promise((ok, fail) => {
    waiting.set(++id, { ok, fail });
    ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  });
  return { send, close: () => ws.close() };
}

/// Self time per function (ms) from a CDP profile.
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map();
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    ms.set(name, (ms.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...ms].sort((a, b) => b[1] - a[1]);
}

const server = await serve(dist, 0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', `--remote-debugging-port=${port}`],
});
const out = { query };
try {
  const page = await browser.newPage();
  // One worker: stage 3's methods run one after another in the worker that trained the teacher.
  await page.addInitScript(() => localStorage.setItem('lwkd-workers', '1'));
  await page.goto(`${origin}/${query}`);
  await page.locator('#generate:enabled').waitFor({ timeout: 120_000 });
  await page.click('#generate');
  await page.locator('#synth-summary').waitFor();
  const version = await (await fetch(`http://127.0.0.1:${port}/json/version`)).json();
  const client = await cdp(version.webSocketDebuggerUrl);
  /// Profiles the one training worker while `run` runs.
  const profiled = async (run) => {
    const { targetInfos } = await client.send('Target.getTargets');
    const workers = targetInfos.filter((t) => t.type === 'worker' && t.url.includes('trainer-worker'));
    if (workers.length !== 1) throw new Error(`expected one training worker, found ${workers.length}`);
    const { sessionId } = await client.send('Target.attachToTarget', { targetId: workers[0].targetId, flatten: true });
    await client.send('Profiler.enable', {}, sessionId);
    await client.send('Profiler.setSamplingInterval', { interval: 100 }, sessionId);
    await client.send('Profiler.start', {}, sessionId);
    const t0 = performance.now();
    await run();
    out.wall_s = (performance.now() - t0) / 1000;
    return (await client.send('Profiler.stop', {}, sessionId)).profile;
  };
  const teacher = () => page.click('#train').then(() => page.locator('#teacher-result').waitFor({ timeout: 1_800_000 }));
  let profile;
  if (teacherStage) profile = await profiled(teacher);
  else await teacher();
  out.teacher = (await page.locator('#teacher-result').innerText()).replace(/\n/g, ' | ');
  if (!teacherStage) {
    await page.locator('#distill-run:enabled').waitFor({ timeout: 120_000 });
    const methods = await page.$$eval('fieldset.methods input:checked', (xs) => xs.map((x) => x.id.slice(7)));
    profile = await profiled(async () => {
      await page.click('#distill-run');
      await page.waitForFunction((n) => document.querySelectorAll('#results-table tbody tr').length >= n, methods.length, { timeout: 1_800_000 });
    });
  }
  out.rows = await page.$$eval('#results-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.method, ...[...tr.querySelectorAll('td')].map((td) => td.innerText)]));
  const self = selfTimes(profile);
  out.sampled_ms = Math.round(self.reduce((t, [, ms]) => t + ms, 0));
  out.top = self.slice(0, top).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
  client.close();
  log(`${teacherStage ? 'teacher' : 'students'}: ${out.wall_s.toFixed(1)} s, ${out.sampled_ms} ms sampled`);
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(out, null, 2));
