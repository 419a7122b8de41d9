// Memory benchmark (docs/product.md#budgets, issue 14 item 4): a large orders file from file
// chosen to ready, then the per-customer CSV export, in headless Chromium, sampling every
// 100 ms the resident memory (VmRSS in /proc) of the renderer processes (the page and its
// workers live there) and of all of Chromium's processes. Prints the time to ready, the
// export's time and size, and both peaks, for each run (a fresh browser each) and as medians.
// Usage: node bench-memory.mjs ORDERS.csv [RUNS]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { start } from './lib/browser.mjs';
import { timeToReady, settled } from './lib/app.mjs';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
if (!file) { console.error('usage: node bench-memory.mjs ORDERS.csv [RUNS]'); process.exit(2); }

/** Resident kB of Chromium's processes: [renderers, all]. */
function residentKb() {
  let renderers = 0;
  let all = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!cmdline.includes('chromium')) continue;
      const kb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
      all += kb;
      if (cmdline.includes('--type=renderer')) renderers += kb;
    } catch { /* the process ended meanwhile */ }
  }
  return [renderers, all];
}

const mb = (kb) => Math.round(kb / 1024);

/** One run in a fresh browser. */
async function measure() {
  const env = await start();
  const peak = { renderers: 0, all: 0 };
  const sampler = setInterval(() => {
    const [renderers, all] = residentKb();
    peak.renderers = Math.max(peak.renderers, renderers);
    peak.all = Math.max(peak.all, all);
  }, 100);
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(env.base + '?lang=en');
  await settled(page);
  const r = await timeToReady(page, file, 600_000);
  const atReady = { ...peak };
  const exportStarted = Date.now();
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.click('[data-testid=export-customers-csv]')]);
  const saved = '/tmp/segscope-bench-customers.csv';
  await dl.saveAs(saved);
  const exportMs = Date.now() - exportStarted;
  clearInterval(sampler);
  await env.close();
  return {
    ready_ms: Math.round(r.ready - r.chosen),
    export_ms: exportMs, export_bytes: statSync(saved).size,
    peak_renderer_mb_until_ready: mb(atReady.renderers), peak_all_chromium_mb_until_ready: mb(atReady.all),
    peak_renderer_mb: mb(peak.renderers), peak_all_chromium_mb: mb(peak.all),
  };
}

const results = [];
for (let i = 0; i < runs; i++) {
  results.push(await measure());
  console.error(`run ${i + 1}: ${JSON.stringify(results[i])}`);
}
const median = (key) => results.map((x) => x[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)];
const spread = (key) => [Math.min(...results.map((x) => x[key])), Math.max(...results.map((x) => x[key]))];
const report = {
  file, bytes: statSync(file).size, runs: results,
  medians: Object.fromEntries(Object.keys(results[0]).map((k) => [k, median(k)])),
  spreads: Object.fromEntries(Object.keys(results[0]).map((k) => [k, spread(k)])),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, memory_gb: Math.round(totalmem() / 2 ** 30), load_average: loadavg().map((x) => +x.toFixed(2)) },
};
console.log(JSON.stringify(report, null, 2));
