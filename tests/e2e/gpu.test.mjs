// WebGPU (SwiftShader here): GPU buffers stay flat over repeated runs; a device lost mid-training stops
// the stage cleanly, keeps what finished and continues on the CPU, where the same link gives the same
// numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, progressStep, setField, trainerWorker } from './browser.mjs';

// Counts every GPU buffer made and destroyed, and keeps the devices so a test can destroy them. It runs
// in the training worker, where Burn and its WebGPU device live.
const WATCH_GPU = `(() => {
  if (!self.GPUAdapter) return;
  const g = self.__gpu = { devices: [], created: 0, destroyed: 0 };
  const requestDevice = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (...a) {
    const d = await requestDevice.apply(this, a); g.devices.push(d); return d;
  };
  const createBuffer = GPUDevice.prototype.createBuffer;
  GPUDevice.prototype.createBuffer = function (...a) { g.created++; return createBuffer.apply(this, a); };
  const destroy = GPUBuffer.prototype.destroy;
  GPUBuffer.prototype.destroy = function () { g.destroyed++; return destroy.call(this); };
  // What bounds a step's speed on any real GPU: compute dispatches, passes, buffer writes, submits.
  g.calls = { dispatch: 0, pass: 0, write: 0, submit: 0 };
  const count = (proto, name, key) => {
    const f = proto[name];
    proto[name] = function (...a) { g.calls[key]++; return f.apply(this, a); };
  };
  count(GPUComputePassEncoder.prototype, 'dispatchWorkgroups', 'dispatch');
  count(GPUCommandEncoder.prototype, 'beginComputePass', 'pass');
  count(GPUQueue.prototype, 'writeBuffer', 'write');
  count(GPUQueue.prototype, 'submit', 'submit');
})();`;

const gpu = async (page, fn) => (await trainerWorker(page)).evaluate(fn);
const live = (page) => gpu(page, () => self.__gpu.created - self.__gpu.destroyed);
const loseDevice = (page) => gpu(page, () => self.__gpu.devices.forEach((d) => d.destroy()));

test('GPU buffers do not grow over repeated WebGPU runs', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({ webgpu: true, workerPrelude: WATCH_GPU, query: '?be=webgpu&n=20&nv=10&te=1' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    const counts = [];
    const calls = [];
    const teach = async () => {
      const before = await gpu(page, () => ({ ...self.__gpu.calls }));
      await page.click('#train');
      await page.locator('#teacher-result').waitFor({ timeout: 180_000 });
      await page.locator('#train:enabled').waitFor();
      const after = await gpu(page, () => ({ ...self.__gpu.calls }));
      return Object.fromEntries(Object.keys(after).map((k) => [k, after[k] - before[k]]));
    };
    for (let run = 0; run < 4; run++) {
      calls.push(await teach());
      counts.push(await live(page));
    }
    assert.match(await page.locator('#teacher-result').innerText(), /Ran on WebGPU/);
    const created = await gpu(page, () => self.__gpu.created);
    console.log(`# live GPU buffers after each of 4 WebGPU teacher runs: ${counts.join(', ')} (${created} created in all)`);
    assert.ok(counts[0] > 0, 'the runs used the GPU');
    assert.ok(counts[3] <= counts[1] * 1.1, `GPU buffers grow: ${counts.join(' → ')}`);
    // GPU calls per LeNet-5 training step (batch 64): a run of 4 steps (200 numerals) against one of 7
    // (400), the same evaluation in both, so the difference is 3 steps' worth.
    assert.deepEqual(calls[3], calls[2], 'the same run makes the same GPU calls');
    await setField(page, 'per_class', 40);
    await page.click('#generate');
    await page.locator('#synth-summary', { hasText: '400 training' }).waitFor();
    const longer = await teach();
    const per = Object.fromEntries(Object.keys(longer).map((k) => [k, (longer[k] - calls[3][k]) / 3]));
    console.log(`# GPU calls per LeNet-5 training step at batch 64 (WebGPU): ${JSON.stringify(per)}; a 4-step run with its evaluation: ${JSON.stringify(calls[3])}`);
    assert.ok(per.dispatch > 0 && Number.isInteger(per.dispatch), `dispatches per step: ${per.dispatch}`);
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('a WebGPU device lost mid-training: the stage stops, the app offers the CPU and continues there', { timeout: 600_000 }, async () => {
  const { page, problems, close } = await openApp({ webgpu: true, workerPrelude: WATCH_GPU, query: '?be=webgpu&n=100&nv=20&te=3&tpc=10&de=1&m=ce,tfkd' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.waitForFunction(() => /step [2-9]/.test(document.querySelector('#teacher-rate')?.innerText ?? ''),
      null, { timeout: 180_000 });
    assert.ok(await progressStep(page) >= 2);
    await loseDevice(page);
    const lost = page.locator('#gpu-lost');
    await lost.waitFor({ timeout: 60_000 });
    assert.match(await lost.innerText(), /WebGPU stopped working.*The teacher's training stopped/s);
    assert.equal(await page.locator('#panic-panel').count(), 0, 'no panic');
    await page.locator('#train:enabled').waitFor();
    await page.click('#continue-cpu');
    await page.locator('#teacher-result').waitFor({ timeout: 300_000 });
    assert.match(await page.locator('#teacher-result').innerText(), /Ran on CPU/);
    assert.equal(await lost.count(), 0);
    // Stage 3 then runs on the CPU too.
    await page.click('#distill-run');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 2, null, { timeout: 300_000 });
    // Chromium reports the destroyed device's later use on the console; anything else is a problem.
    const other = problems.filter((p) => !/destroyed|lost|Device|GPU/i.test(p));
    console.log(`# console after the loss: ${problems.length} GPU messages`);
    assert.deepEqual(other, []);
  } finally { await close(); }
});

// A class whose machines differ sees one table for one link: every network starts from weights drawn
// from the seed on the host, so the backends differ only by float rounding; half a point is allowed.
// (When each backend drew its own, the Quick look gave 78.16 / 78.49 / 77.86 % on the CPU and
// 79.09 / 78.73 / 78.52 % on WebGPU.)
const sameNumbers = (what, gpu, cpu) => {
  assert.ok(Number.isFinite(gpu) && gpu > 10, `${what} on WebGPU: ${gpu}`);
  assert.ok(Math.abs(gpu - cpu) <= 0.5, `${what}: ${gpu} % on WebGPU, ${cpu} % on the CPU`);
};
const teacherAccuracy = async (page) =>
  Number((await page.locator('#teacher-result').innerText()).match(/Validation accuracy (\d+\.\d)%/)[1]);
const ceAccuracy = async (page) =>
  Number.parseFloat(await page.locator('#results-table tbody tr[data-method=ce] td').nth(1).innerText());

test('a WebGPU device lost during the comparison keeps the finished methods and continues on the CPU, with the same numbers', { timeout: 600_000 }, async () => {
  // CE finishes on WebGPU; the device goes during Tf-KD, which then runs on the CPU. LW-KD is not
  // continued (its teacher was on the lost GPU): the page says so, and after the teacher is trained
  // again on the CPU it runs, beside CE run again there.
  const { page, problems, close } = await openApp({ webgpu: true, workerPrelude: WATCH_GPU, query: '?be=webgpu&n=20&nv=10&te=1&tpc=10&de=1&m=ce,tfkd,lwkd' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#generate');
    await page.locator('#synth-summary').waitFor();
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 180_000 });
    assert.match(await page.locator('#teacher-result').innerText(), /Ran on WebGPU/);
    const gpuTeacher = await teacherAccuracy(page);
    await page.click('#distill-run');
    await page.locator('#results-table tbody tr[data-method=ce]').waitFor({ timeout: 300_000 });
    const ce = await page.locator('#results-table tbody tr[data-method=ce] td').nth(1).innerText();
    await loseDevice(page);
    const lost = page.locator('#gpu-lost');
    await lost.waitFor({ timeout: 120_000 });
    assert.match(await lost.innerText(), /finished methods stay in the table/);
    await page.locator('#distill-run:enabled').waitFor();
    assert.equal(await page.locator('#results-table tbody tr').count(), 1, 'CE kept, Tf-KD not half-done');
    await page.click('#continue-cpu');
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 2, null, { timeout: 300_000 });
    await page.locator('#distill-run:enabled').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#results-table tbody tr[data-method=ce] td').nth(1).innerText(), ce);
    assert.match(await page.locator('#notice').innerText(), /Not continued: LW-KD — it needs the lightweight teacher/);
    // The teacher again, on the CPU; then LW-KD runs there.
    await page.click('#train');
    await page.locator('#teacher-result').waitFor({ timeout: 180_000 });
    assert.match(await page.locator('#teacher-result').innerText(), /Ran on CPU/);
    const cpuTeacher = await teacherAccuracy(page);
    await page.uncheck('#method-tfkd');
    await page.click('#distill-run');
    await page.locator('#results-table tbody tr[data-method=lwkd]').waitFor({ timeout: 300_000 });
    console.log(`# same link: teacher ${gpuTeacher} % on WebGPU, ${cpuTeacher} % on the CPU; CE ${ce} and ${await ceAccuracy(page)}`);
    sameNumbers('the teacher', gpuTeacher, cpuTeacher);
    sameNumbers('CE', Number.parseFloat(ce), await ceAccuracy(page));
    assert.equal(await page.locator('#panic-panel').count(), 0);
    const other = problems.filter((p) => !/destroyed|lost|Device|GPU/i.test(p));
    assert.deepEqual(other, []);
  } finally { await close(); }
});
