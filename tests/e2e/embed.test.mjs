// Embed mode for an <iframe>: chosen stages only, chosen controls hidden, a compact layout that fits
// 600 px and a 375 px phone, autoplay, and the Embed dialog that writes the snippet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createServer } from 'node:http';
import { openApp, shot } from './browser.mjs';

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const width of [600, 375]) {
  test(`embed mode at ${width} px: chosen stage, hidden controls, no sideways scrolling`, { timeout: 120_000 }, async () => {
    const { page, problems, close } = await openApp({ width, height: 800,
      query: '?embed=1&stages=2,3&hide=seed,alpha,methods&tpc=20&de=1' });
    try {
      await page.locator('#train').waitFor({ timeout: 60_000 });
      assert.ok(!(await page.locator('#synth-title').isVisible()), 'stage 1 is hidden');
      assert.ok(await page.locator('#teacher-title').isVisible());
      // Stage 1 is hidden, so it ran by itself: the teacher can be trained right away.
      await page.locator('#train:enabled').waitFor({ timeout: 30_000 });
      assert.ok(await page.locator('#distill-title').isVisible());
      assert.ok(!(await page.locator('#field-alpha').isVisible()), 'α is hidden');
      assert.ok(!(await page.locator('#method-lwkd').isVisible()), 'the method boxes are hidden');
      assert.ok(await page.locator('#field-temperature').isVisible(), 'T is not');
      assert.ok(!(await page.locator('.lede').isVisible()), 'compact header');
      assert.ok(!(await page.locator('#copy-link').isVisible()), 'no share bar inside an embed');
      assert.match(await page.getAttribute('#full-app', 'href'), /tpc=20/);
      assert.doesNotMatch(await page.getAttribute('#full-app', 'href'), /embed/);
      assert.match(page.url(), /embed=1/, 'the address keeps the view');
      assert.ok(await overflow(page) <= 0, `the page scrolls sideways by ${await overflow(page)} px`);
      await shot(page, `embed-${width}`);
      assert.deepEqual(problems, []);
    } finally { await close(); }
  });
}

test('autoplay runs the stages by itself; the Embed dialog writes a working snippet', { timeout: 300_000 }, async () => {
  const { page, origin, problems, close } = await openApp({
    query: '?n=50&nv=10&te=1&tpc=20&de=1&m=lwkd,ce' });
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#embed-open');
    await page.uncheck('#embed-stage-1');
    await page.check('#embed-autoplay');
    const snippet = await page.inputValue('#embed-snippet');
    assert.match(snippet, /^<iframe data-lwkd src="[^"]+" title="LW-KD in your browser"/);
    const src = snippet.match(/src="([^"]+)"/)[1];
    assert.ok(src.startsWith(origin + '/?'));
    for (const part of ['embed=1', 'stages=2,3', 'autoplay=1', 'tpc=20', 'm=lwkd,ce']) assert.ok(src.includes(part), `${part} in ${src}`);

    // The snippet's page, as a visitor of the blog post gets it: nobody clicks anything.
    await page.goto(src);
    await page.waitForFunction(() => document.querySelectorAll('#results-table tbody tr').length === 2,
      null, { timeout: 240_000 });
    assert.ok(await page.locator('#teacher-result').isVisible(), 'the teacher trained by itself');
    assert.ok(!(await page.locator('#synth-title').isVisible()));
    await shot(page, 'embed-autoplay');
    assert.deepEqual(problems, []);
  } finally { await close(); }
});

test('the embed fits its iframe on a host page of another origin, under a sub-path, result first', { timeout: 300_000 }, async () => {
  const base = '/course/lwkd/';
  const { page, context, problems, close } = await openApp({ base, query: '?n=50&nv=10&te=1' });
  const host = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(hostPage));
  let hostPage = '';
  try {
    await page.locator('#generate:enabled').waitFor({ timeout: 60_000 });
    await page.click('#embed-open');
    await page.uncheck('#embed-stage-1');
    await page.uncheck('#embed-stage-3');
    await page.check('#embed-autoplay');
    const snippet = await page.inputValue('#embed-snippet');
    assert.match(snippet, /<script>/, 'the snippet carries the lines that fit the frame');
    assert.match(snippet, new RegExp(`src="[^"]*${base}`), 'the embed keeps the sub-path');
    // A blog post's column, on another origin.
    hostPage = `<!doctype html><meta charset=utf-8><body style="margin:0"><main style="width:640px">
      <h1>A post</h1>${snippet}<p id="after">After the app.</p></main></body>`;
    await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
    const post = await context.newPage();
    post.on('pageerror', (e) => problems.push(`host page error: ${e.message}`));
    await post.goto(`http://127.0.0.1:${host.address().port}/`);
    const frame = post.frameLocator('iframe[data-lwkd]');
    // Autoplay trains the teacher by itself; its result comes first, under the stage's title.
    await frame.locator('#teacher-result').waitFor({ timeout: 180_000 });
    const order = await frame.locator('#teacher-title').evaluate((title) => {
      const result = document.getElementById('teacher-result');
      const fields = title.closest('section').querySelector('.fields');
      const y = (e) => e.getBoundingClientRect().top;
      return { title: y(title), result: y(result), fields: y(fields) };
    });
    assert.ok(order.title < order.result && order.result < order.fields, `result first: ${JSON.stringify(order)}`);
    // The frame takes its content's height: no scroll bar of its own, nothing cut off.
    await post.waitForFunction(() => document.querySelector('iframe[data-lwkd]').style.height !== '', null, { timeout: 30_000 });
    const inner = post.frames().find((f) => f.url().includes(base));
    const heights = async () => ({
      content: await inner.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)),
      frame: await post.evaluate(() => document.querySelector('iframe[data-lwkd]').getBoundingClientRect().height),
    });
    let h = await heights();
    for (let i = 0; i < 50 && Math.abs(h.frame - h.content) > 2; i++) {
      await post.waitForTimeout(200);
      h = await heights();
    }
    assert.ok(Math.abs(h.frame - h.content) <= 2, `the frame fits its content: ${JSON.stringify(h)}`);
    assert.notEqual(h.frame, 900);
    assert.equal(await inner.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 2), true,
      'the embedded page does not scroll inside its frame');
    await post.screenshot({ path: 'tests/artifacts/embed-host.png', fullPage: true });
    assert.deepEqual(problems, []);
  } finally { host.close(); await close(); }
});
