// Shared e2e plumbing: serve dist/, launch Debian's Chromium through
// playwright-core, and watch every request the page makes.
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';
import { existsSync } from 'node:fs';

export const DIST = process.env.DIST ?? new URL('../../dist', import.meta.url).pathname;
export const DATA = process.env.E2E_DATA ?? new URL('../../target/e2e-data', import.meta.url).pathname;
export const ARTIFACTS = new URL('../artifacts/', import.meta.url).pathname;

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);

/** Serves dist/ (and `mounts`, see `serve`) on a free port and launches headless Chromium. */
export async function start(mounts = {}) {
  const server = await serve(DIST, 0, mounts);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    base,
    browser,
    async close() { await browser.close(); server.close(); },
  };
}

/** A new page that records every request URL and every console error. */
export async function openPage(env, query = '') {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(env.base + query);
  return { page, context, requests, errors };
}

/** Waits until the app status reaches `state` (fails fast on `error`). */
export async function waitForState(page, state, timeout = 60_000) {
  await page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid=app-status]');
    const s = el?.getAttribute('data-state');
    if (s === 'error' && want !== 'error') throw new Error('app error: ' + el.textContent);
    return s === want;
  }, state, { timeout, polling: 20 });
  await nextFrames(page);
}

/** Waits two animation frames: a page builds its lower parts a frame after it appears. */
export const nextFrames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/** Waits until the app status is one of `states` (no failing fast); returns the state and the status text. */
export async function waitForAnyState(page, states, timeout = 60_000) {
  const handle = await page.waitForFunction((want) => {
    const el = document.querySelector('[data-testid=app-status]');
    const s = el?.getAttribute('data-state');
    return want.includes(s) ? { state: s, text: el.textContent } : false;
  }, states, { timeout, polling: 20 });
  return handle.jsonValue();
}

/** Clicks a download button and returns the downloaded file's name, bytes and text. */
export async function download(page, testid) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testid}]`)]);
  const stream = await dl.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  return { name: dl.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}
