// The app as a user drives it: choosing files, the mapping step, the status,
// tabs, settings and the downloads. The one place that knows the upload
// controls; tests call these instead of repeating selectors.
import { waitForState, waitForAnyState, download, nextFrames } from './browser.mjs';
import { records } from './csv.mjs';

/** An in-memory file for the file input (or the settings import). */
export const memoryFile = (name, content, mimeType = 'text/csv') =>
  ({ name, mimeType, buffer: Buffer.isBuffer(content) ? content : Buffer.from(content) });

/** The file input's selector (for code that must watch it from inside the page, like the benchmark). */
export const FILE_INPUT = '[data-testid=file-input]';

/** Puts `files` (paths or memoryFile objects) into the file input, and waits for nothing. */
export async function chooseFiles(page, files) {
  await page.setInputFiles(FILE_INPUT, files);
}

/**
 * Uploads `files` and goes as far as `until`:
 * - 'ready' (default): waits for the mapping step, confirms it with Analyse, waits for the dashboard;
 * - 'mapping': stops at the mapping step, unconfirmed (finish with analyze());
 * - 'error': expects the upload itself to be refused;
 * - an array of states: waits for the first of them and returns { state, text } (no failing fast).
 */
export async function upload(page, files, { until = 'ready' } = {}) {
  await chooseFiles(page, files);
  if (Array.isArray(until)) return waitForAnyState(page, until);
  if (until === 'error') return waitForState(page, 'error');
  await waitForState(page, 'mapping');
  if (until === 'ready') await analyze(page);
}

/** Clicks Analyse on the mapping step, and waits for nothing. */
export const startAnalysis = (page) => page.click('[data-testid=analyze-button]');

/** Clicks Analyse on the mapping step and waits for the dashboard. */
export async function analyze(page) {
  await startAnalysis(page);
  await waitForState(page, 'ready');
}

/** Loads the demo data in one click. */
export async function loadDemo(page) {
  await page.click('[data-testid=demo-button]');
  await waitForState(page, 'ready');
}

/** The status line's text. */
export const statusText = (page) => page.textContent('[data-testid=app-status]');

/** Opens dashboard tab `tab` (overview, tiers, rfm, …, after-sales, customers, report, settings) and waits for its page. */
export async function openTab(page, tab) {
  await page.click(`[data-testid=tab-${tab}]`);
  await page.waitForSelector(`[data-testid=page-${tab}]`);
  await nextFrames(page);
}

/**
 * Sets the setting input `testid` to `value` the way a user commits it: 'change' (type, then
 * leave the field) or 'enter' (type, then press Enter). Waits for nothing.
 */
export async function setSetting(page, testid, value, { commit = 'change' } = {}) {
  const selector = `[data-testid="${testid}"]`;
  await page.fill(selector, String(value));
  if (commit === 'enter') await page.press(selector, 'Enter');
  else await page.dispatchEvent(selector, 'change');
}

/**
 * The "read in …" part of the timings line on the data-quality page (unchanged as long as no
 * file is re-read); comes back to the tab it was called from.
 */
export async function readTime(page) {
  const from = await page.getAttribute('[role=tab][aria-selected=true]', 'data-testid');
  await openTab(page, 'quality');
  const text = (await page.textContent('[data-testid=timings]')).split('·')[0];
  await page.click(`[data-testid=${from}]`);
  return text;
}

/** The customer table export (English labels), one record per customer. */
export const exportCustomers = async (page) => records((await download(page, 'export-customers-csv')).text);

/** The explorer's selection export, in the table's order. */
export const exportSelection = async (page) => records((await download(page, 'export-selection')).text);

/** The analysis JSON export. */
export const exportAnalysis = async (page) => JSON.parse((await download(page, 'export-analysis-json')).text);

/** The settings JSON export. */
export const exportSettings = async (page) => JSON.parse((await download(page, 'export-settings')).text);

/** How many customers of the export carry each value of `column`. */
export const countBy = (rows, column) => rows.reduce((m, r) => m.set(r[column], (m.get(r[column]) ?? 0) + 1), new Map());

/**
 * Chooses `file` on the upload page, confirms the mapping step the moment it appears (so only
 * the app's own time counts) and waits for ready; the page's timestamps (performance.now()):
 * `chosen`, `mapping`, `ready`, and the longest main-thread task meanwhile (`longest`, ms).
 */
export async function timeToReady(page, file, timeout = 120_000) {
  await page.evaluate((fileInput) => {
    window.__bench = { longest: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longest = Math.max(window.__bench.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const input = document.querySelector(fileInput);
    input.addEventListener('change', () => { window.__bench.chosen = performance.now(); }, { capture: true });
    const status = document.querySelector('[data-testid=app-status]');
    new MutationObserver(() => {
      const state = status.getAttribute('data-state');
      if (state === 'mapping' && !window.__bench.mapping) {
        window.__bench.mapping = performance.now();
        // A user's click is a task of its own, never part of the one that showed the step.
        setTimeout(() => document.querySelector('[data-testid=analyze-button]').click(), 0);
      }
      if (state === 'ready' && !window.__bench.ready) window.__bench.ready = performance.now();
      if (state === 'error') window.__bench.error = status.textContent;
    }).observe(status, { attributes: true });
  }, FILE_INPUT);
  await chooseFiles(page, file);
  await page.waitForFunction(() => window.__bench.ready || window.__bench.error, null, { timeout, polling: 50 });
  const r = await page.evaluate(() => window.__bench);
  if (r.error) throw new Error(r.error);
  return r;
}


/**
 * Chooses `file`, looks at the mapping step for `lookMs` as a user would, then confirms it: the
 * time from that click until the dashboard (ms), taken in the page.
 */
export async function confirmToReady(page, file, lookMs, timeout = 120_000) {
  await upload(page, [file], { until: 'mapping' });
  await page.waitForTimeout(lookMs);
  return page.evaluate((timeout) => new Promise((resolve, reject) => {
    const status = document.querySelector('[data-testid=app-status]');
    const clicked = performance.now();
    const timer = setTimeout(() => reject(new Error('no dashboard')), timeout);
    new MutationObserver((_, observer) => {
      const state = status.getAttribute('data-state');
      if (state !== 'ready' && state !== 'error') return;
      observer.disconnect();
      clearTimeout(timer);
      if (state === 'ready') resolve(performance.now() - clicked);
      else reject(new Error(status.textContent));
    }).observe(status, { attributes: true });
    document.querySelector('[data-testid=analyze-button]').click();
  }), timeout);
}

/** The least time a user takes to pick a file once the page is there (the benchmarks wait it). */
export const PICK_FILE_MS = 1000;

/**
 * Waits until the page is idle and its worker has warmed up (docs/ingest/speed.md#warm-code),
 * then as long as a user takes at least to pick a file.
 */
export async function settled(page) {
  await page.waitForSelector('[data-testid=app-status][data-state=idle][data-warm=true]');
  await page.waitForTimeout(PICK_FILE_MS);
}
