// The browser benchmark's peer (e2e/peer/duckdb-rfm.mjs, run by scripts/bench): DuckDB-WASM,
// served from e2e/node_modules, runs its RFM query in this browser on the very file the app read.
// Its R × F grid must hold exactly the app's buyers and revenue, on the generator's file and on
// the same orders in another platform's shape (scripts/bench-variant.py), so the benchmark
// compares two engines doing the same work — and the app reads the other shape right.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { upload } from '../lib/app.mjs';
import { kpi } from '../lib/pages.mjs';

const E2E = new URL('..', import.meta.url).pathname;
let env;
before(async () => {
  env = await start({ '/__peer/': join(E2E, 'peer'), '/__npm/': join(E2E, 'node_modules') });
  mkdirSync(ARTIFACTS, { recursive: true });
});
after(async () => { await env?.close(); });

const GENERATOR_SHAPE = { customer: 'customer_id', date: 'order_date', amount: 'amount', status: 'status', paid: ['completed', 'paid'] };

/** The plain orders rewritten by scripts/bench-variant.py; resolves to [file, shape]. */
function variant() {
  const dir = join(DATA, 'bench-variant');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'orders.csv');
  const script = new URL('../../scripts/bench-variant.py', import.meta.url).pathname;
  const shape = JSON.parse(execFileSync('python3', [script, join(DATA, 'plain', 'orders.csv'), file], { encoding: 'utf8' }));
  return [file, shape];
}

/** DuckDB-WASM's R × F grid of `file`: buyers and revenue summed over its cells. */
async function peerTotals(file, shape) {
  const { page, context, errors } = await openPage(env, '__peer/duckdb.html');
  await page.waitForFunction(() => window.peer, null, { timeout: 60_000 });
  await page.evaluate(() => window.peer.open());
  await page.setInputFiles('#file', file);
  const { grid, warm_ms: warm } = await page.evaluate((s) => window.peer.rfm(s), shape);
  assert.deepEqual(errors, []);
  await context.close();
  assert.ok(warm > 0);
  return {
    buyers: grid.reduce((sum, cell) => sum + cell.customers, 0),
    revenue: grid.reduce((sum, cell) => sum + cell.revenue, 0),
    cells: grid.length,
  };
}

for (const [name, files] of [['the generator file', () => [join(DATA, 'plain', 'orders.csv'), GENERATOR_SHAPE]], ['another platform shape', variant]]) {
  test(`the benchmark peer computes the app's buyers and revenue on ${name}`, async () => {
    const [file, shape] = files();
    const { page, context, errors } = await openPage(env, '?lang=en');
    await upload(page, [file]);
    const app = { buyers: await kpi(page, 'kpi-buyers'), revenue: await kpi(page, 'kpi-revenue') };
    await page.screenshot({ path: ARTIFACTS + `bench-peer-${shape.customer === 'customer_id' ? 'plain' : 'variant'}.png` });
    assert.deepEqual(errors, []);
    await context.close();
    const peer = await peerTotals(file, shape);
    assert.equal(peer.cells, 25, 'a 5 × 5 grid');
    assert.equal(peer.buyers, app.buyers, 'buyers');
    // The KPI tile prints cents; DuckDB sums doubles.
    assert.ok(Math.abs(peer.revenue - app.revenue) < 0.006, `revenue ${peer.revenue} vs ${app.revenue}`);
  });
}
