// Browser benchmark (docs/product.md#budgets): time from "file chosen" to data-state=ready in
// headless Chromium, and, in the same browser on the same file, DuckDB-WASM's RFM query
// (e2e/peer/duckdb-rfm.mjs), alternating run by run. The mapping step is confirmed by the page
// itself the moment it appears, so only the app's own time is measured. The file is chosen a second
// after the worker has run its warm-up (lib/app.mjs settled; docs/ingest/speed.md#warm-code), the
// least a user takes to pick one. Also records the longest
// main-thread task (Long Tasks API), the models, re-segmentation and explorer scrolling; and, in a
// page of its own, the time from confirming the mapping to the dashboard when the mapping step was
// looked at for LOOK_MS first, as a user would, while the file is read ahead
// (docs/ingest/speed.md#reading-ahead).
// Usage: node bench.mjs ORDERS.csv [RUNS] [PEER_SHAPE_JSON]
// PEER_SHAPE_JSON names the file's customer, date, amount and status columns and its paid
// statuses (scripts/bench-variant.py prints it); without it, the generator's columns.
import { statSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { start } from './lib/browser.mjs';
import { timeToReady, confirmToReady, settled } from './lib/app.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!file) { console.error('usage: node bench.mjs ORDERS.csv [RUNS] [PEER_SHAPE_JSON]'); process.exit(2); }
const GENERATOR_SHAPE = { customer: 'customer_id', date: 'order_date', amount: 'amount', status: 'status', paid: ['completed', 'paid'] };
const shape = process.argv[4] ? JSON.parse(process.argv[4]) : GENERATOR_SHAPE;
const LOOK_MS = 2000;

const HERE = new URL('.', import.meta.url).pathname;
const env = await start({ '/__peer/': HERE + 'peer', '/__npm/': HERE + 'node_modules' });
const results = [];
const peerRuns = [];
let peerInfo;
for (let i = 0; i < runs; i++) {
  peerRuns.push(await peer(i));
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base + '?lang=en');
  await settled(page);
  const r = await timeToReady(page, file);
  const buyers = Number((await page.textContent('[data-testid=kpi-buyers] .kpi-value')).replace(/[^0-9]/g, ''));
  await page.click('[data-testid=tab-quality]');
  const timings = await page.textContent('[data-testid=timings]');
  // The models (K-means and CLV, docs/product.md#budgets) are fitted when a page first shows
  // them: time from the click on the Clusters tab until its rows are in the page, taken in the
  // page (Playwright's own polling would add up to half a second).
  const modelsMs = Math.round(await page.evaluate(() => new Promise((resolve) => {
    const shown = () => document.querySelector('[data-testid=cluster-row], [data-testid=clusters-problem]');
    const clicked = performance.now();
    setTimeout(() => resolve(NaN), 120_000);
    new MutationObserver((_, observer) => {
      if (shown()) { observer.disconnect(); resolve(performance.now() - clicked); }
    }).observe(document.body, { subtree: true, childList: true });
    document.querySelector('[data-testid=tab-clusters]').click();
  })));
  await page.click('[data-testid=tab-overview]');
  // Re-segmentation (docs/product.md#budgets ≤ 200 ms): change the as-of date, time until ready again.
  const resegment = [];
  for (const asOf of ['2024-01-01', '2024-03-01', '2024-05-01']) {
    const ms = await page.evaluate(async (value) => {
      const input = document.querySelector('[data-testid=setting-as-of]');
      const status = document.querySelector('[data-testid=app-status]');
      const started = performance.now();
      input.value = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => {
        const check = () => (status.getAttribute('data-state') === 'ready' && document.querySelector('[data-testid=setting-as-of]').value === value ? resolve() : requestAnimationFrame(check));
        requestAnimationFrame(check);
      });
      return performance.now() - started;
    }, asOf);
    resegment.push(Math.round(ms));
  }
  // The explorer at full size: frame gaps while scrolling through every customer.
  await page.click('[data-testid=tab-customers]');
  await page.waitForSelector('[data-testid=customer-row]');
  const frames = await page.evaluate(async () => {
    const viewport = document.querySelector('[data-testid=customer-viewport]');
    const gaps = [];
    let last = performance.now();
    for (let k = 0; k < 120; k++) {
      viewport.scrollTop += viewport.scrollHeight / 120;
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      gaps.push(now - last);
      last = now;
    }
    return gaps.sort((x, y) => x - y);
  });
  const scroll = { median_frame_ms: +frames[60].toFixed(1), p95_frame_ms: +frames[114].toFixed(1) };
  await context.close();
  const looked = await env.browser.newContext();
  const lookPage = await looked.newPage();
  await lookPage.goto(env.base + '?lang=en');
  await settled(lookPage);
  const confirmMs = Math.round(await confirmToReady(lookPage, file, LOOK_MS));
  await looked.close();
  results.push({ total_ms: r.ready - r.chosen, buyers, sniff_ms: r.mapping - r.chosen, longest_task_ms: r.longest, app_timings: timings.trim(), models_ms: modelsMs, resegment_ms: resegment, explorer_scroll: scroll, confirm_after_look_ms: confirmMs });
  console.error(`run ${i + 1}: ${(r.ready - r.chosen).toFixed(0)} ms (${timings.trim()}; longest main-thread task ${r.longest.toFixed(0)} ms); models ${modelsMs} ms after the click; re-segment ${resegment.join(', ')} ms; scroll frames median ${scroll.median_frame_ms} / p95 ${scroll.p95_frame_ms} ms; confirmed after ${LOOK_MS} ms on the mapping: dashboard ${confirmMs} ms later`);
}
await env.close();

/** One DuckDB-WASM run: a fresh page and database, the file chosen, the query timed. */
async function peer(i) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.base + '__peer/duckdb.html');
  await page.waitForFunction(() => window.peer, null, { timeout: 60_000 });
  peerInfo = await page.evaluate(() => window.peer.open());
  await page.setInputFiles('#file', file);
  const { first_ms: first, warm_ms: warm, grid } = await page.evaluate((s) => window.peer.rfm(s), shape);
  if (errors.length) throw new Error('peer page: ' + errors.join('; '));
  const buyers = grid.reduce((sum, cell) => sum + cell.customers, 0);
  console.error(`peer run ${i + 1}: DuckDB-WASM RFM query ${first.toFixed(0)} ms first, ${warm.toFixed(0)} ms warm (${buyers} buyers in the R × F grid)`);
  await context.close();
  return { first_query_ms: Math.round(first), query_ms: Math.round(warm), buyers };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => [Math.min(...xs), Math.max(...xs)];
const ours = results.map((r) => r.total_ms);
const theirs = peerRuns.map((r) => r.query_ms);
const theirsFirst = peerRuns.map((r) => r.first_query_ms);
const cpu = readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)?.[1] ?? cpus()[0]?.model;
const report = {
  file, bytes: statSync(file).size, runs: results,
  median_ms: median(ours), spread_ms: spread(ours),
  look_ms: LOOK_MS,
  confirm_after_look_median_ms: median(results.map((r) => r.confirm_after_look_ms)),
  confirm_after_look_spread_ms: spread(results.map((r) => r.confirm_after_look_ms)),
  peer: {
    engine: `DuckDB-WASM ${peerInfo.version} (${peerInfo.module})`, runs: peerRuns,
    median_ms: median(theirs), spread_ms: spread(theirs), first_query_median_ms: median(theirsFirst),
  },
  // Against the warm query: the peer at its best.
  ratio: +(median(ours) / median(theirs)).toFixed(2),
  ratio_to_first_query: +(median(ours) / median(theirsFirst)).toFixed(2),
  machine: { cpu, cores: cpus().length, load_average: loadavg().map((x) => +x.toFixed(2)) },
};
console.log(JSON.stringify(report, null, 2));
console.error(`Segscope ${report.median_ms.toFixed(0)} ms (file chosen → dashboard) / DuckDB-WASM ${report.peer.median_ms} ms (RFM query, warm) = ${report.ratio} (${report.ratio_to_first_query} against its first query)`);
console.error(`After ${LOOK_MS} ms on the mapping step, confirming it → dashboard: median ${report.confirm_after_look_median_ms} ms (${report.confirm_after_look_spread_ms.join('–')})`);
if (peerRuns[0].buyers !== results[0].buyers) {
  console.error(`note: buyers differ: Segscope ${results[0].buyers}, DuckDB's grid ${peerRuns[0].buyers}`);
}
