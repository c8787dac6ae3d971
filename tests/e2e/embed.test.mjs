// Embed mode for an <iframe>: chosen stages only, chosen controls hidden, a compact layout that fits
// 600 px and a 375 px phone, autoplay, and the Embed dialog that writes the snippet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
    assert.match(snippet, /^<iframe src="[^"]+" title="LW-KD in your browser"/);
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
