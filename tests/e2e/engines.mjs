// Firefox and WebKit, driven as the suite drives Chromium, behind one small interface: Firefox ESR
// (Debian's firefox-esr) over WebDriver BiDi with puppeteer-core (no geckodriver to build), WebKitGTK
// (Debian's webkit2gtk-driver: WebKitWebDriver and MiniBrowser, Safari's engine) over classic WebDriver
// with selenium-webdriver, under a virtual display (xvfb-run). Functions passed to `evaluate` and
// `waitFor` run in the page, with one argument.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { Builder, By } from 'selenium-webdriver';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/// Captures the page's errors from the moment it runs (classic WebDriver has no console to read).
const CAPTURE = () => {
  if (window.__errors) return;
  window.__errors = [];
  addEventListener('error', (e) => window.__errors.push(`page error: ${e.message}`));
  addEventListener('unhandledrejection', (e) => window.__errors.push(`unhandled: ${e.reason}`));
  const error = console.error.bind(console);
  console.error = (...a) => { window.__errors.push(`console: ${a.join(' ')}`); error(...a); };
};

export async function firefox() {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr', headless: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // "Leave this page?" (students whose weights were never downloaded): accepted, as a person would.
  page.on('dialog', (d) => d.accept().catch(() => {}));
  return {
    name: 'Firefox',
    version: await browser.version(),
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    click: (selector) => page.click(selector),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    waitFor: (fn, arg, timeout) => page.waitForFunction(fn, { timeout, polling: 200 }, arg),
    upload: async (selector, path) => (await page.$(selector)).uploadFile(path),
    problems: async () => problems,
    close: () => browser.close(),
  };
}

/// A free TCP port for the driver.
const freePort = () => new Promise((done) => {
  const s = createServer().listen(0, () => { const { port } = s.address(); s.close(() => done(port)); });
});

export async function webkit() {
  const port = await freePort();
  const server = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    const ready = await fetch(`${url}/status`).then((r) => r.ok, () => false);
    if (ready) break;
    if (i > 100) throw new Error('WebKitWebDriver did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  const driver = await new Builder().usingServer(url).withCapabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  }).build();
  await driver.manage().window().setRect({ width: 1280, height: 900 });
  const run = (fn, arg) => driver.executeScript(`return (${fn})(arguments[0]);`, arg);
  const capture = () => run(CAPTURE);
  return {
    name: 'WebKit',
    version: (await driver.getCapabilities()).get('browserVersion'),
    goto: async (u) => { await driver.get(u); await capture(); },
    reload: async () => { await driver.navigate().refresh(); await capture(); },
    click: async (selector) => (await driver.findElement(By.css(selector))).click(),
    evaluate: run,
    waitFor: (fn, arg, timeout) => driver.wait(() => run(fn, arg), timeout, `waiting for ${fn}`, 200),
    upload: async (selector, path) => (await driver.findElement(By.css(selector))).sendKeys(path),
    problems: () => run(() => window.__errors ?? []),
    close: async () => {
      await driver.quit().catch(() => {});
      try { process.kill(-server.pid); } catch { /* gone */ }
    },
  };
}
