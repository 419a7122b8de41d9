// The models in the browser: K-means clusters and predicted CLV on the
// generator's data — pages drawn in both languages, the cluster list and the
// model columns in the exports, the fits in the analysis JSON, the holdout check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, waitForState, download, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);

async function load(page) {
  await page.setInputFiles('[data-testid=file-input]', [plain('orders.csv'), plain('customers.csv')]);
  await waitForState(page, 'mapping');
  await page.click('[data-testid=analyze-button]');
  await waitForState(page, 'ready');
}

test('clusters and lifetime value: pages, lists, exports and fits', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await load(page);
  await page.click('[data-testid=tab-clusters]');
  await page.waitForSelector('[data-testid=cluster-row]');
  const k = await page.locator('[data-testid=cluster-row]').count();
  assert.ok(k >= 2 && k <= 8, `k = ${k}`);
  assert.match(await page.textContent('[data-testid=clusters-k]'), /k = \d/);
  for (const chart of ['chart-clusters', 'chart-silhouette']) {
    const svg = await page.locator(`[data-testid=${chart}] svg`).first().innerHTML();
    assert.ok(svg.length > 500 && !svg.includes('??'), chart);
  }
  await page.screenshot({ path: ARTIFACTS + 'page-clusters-en.png', fullPage: true });

  const exported = records((await download(page, 'export-customers-csv')).text);
  const buyers = exported.filter((r) => Number(r.orders) > 0);
  assert.ok(buyers.every((r) => r.cluster !== ''), 'every buyer has a cluster');
  assert.ok(exported.filter((r) => Number(r.orders) === 0).every((r) => r.cluster === '' && r.clv === ''));
  assert.ok(buyers.every((r) => Number(r.p_alive) >= 0 && Number(r.p_alive) <= 1 && Number(r.clv) >= 0), 'p_alive in 0..1, clv ≥ 0');

  // The first cluster's list holds exactly its buyers.
  const first = page.locator('[data-testid=cluster-row]').first();
  const size = Number((await first.locator('td').nth(1).textContent()).replace(/[^0-9]/g, ''));
  const name = (await first.locator('td').first().textContent()).trim();
  await first.locator('[data-testid=cluster-list]').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid=customer-count]')?.textContent.replace(/[^0-9]/g, '') === String(n), size);
  const list = records((await download(page, 'export-selection')).text);
  assert.equal(list.length, size);
  assert.ok(list.every((r) => r.cluster === name), `all in ${name}`);
  assert.equal(exported.filter((r) => r.cluster === name).length, size);

  await page.click('[data-testid=tab-clv]');
  await page.waitForSelector('[data-testid=clv-params]');
  assert.match(await page.textContent('[data-testid=fit-bgnbd]'), /r = \d/);
  for (const chart of ['chart-clv-distribution', 'chart-clv-sources']) {
    const svg = await page.locator(`[data-testid=${chart}] svg`).first().innerHTML();
    assert.ok(svg.length > 500 && !svg.includes('??'), chart);
  }
  await page.fill('[data-testid=setting-holdout-days]', '120');
  await page.click('[data-testid=run-holdout]');
  await page.waitForSelector('[data-testid=holdout-result]');
  assert.match(await page.textContent('[data-testid=holdout-result]'), /predicted/);
  await page.screenshot({ path: ARTIFACTS + 'page-clv-en.png', fullPage: true });

  const analysis = JSON.parse((await download(page, 'export-analysis-json')).text);
  for (const p of ['r', 'alpha', 'a', 'b', 'log_likelihood']) assert.equal(typeof analysis.clv.bgnbd[p], 'number', p);
  assert.equal(analysis.clv.bgnbd.time_unit, 'weeks');
  for (const p of ['p', 'q', 'gamma']) assert.ok(analysis.clv.gamma_gamma[p] > 0, p);
  assert.equal(analysis.kmeans.k, k);
  assert.ok(analysis.kmeans.silhouette > -1 && analysis.kmeans.silhouette <= 1);

  // Days as the time unit refits; a set k is respected.
  await page.selectOption('[data-testid=setting-clv-unit]', 'days');
  await page.click('[data-testid=tab-clusters]');
  await page.fill('[data-testid=setting-k]', '3');
  await page.press('[data-testid=setting-k]', 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster-row]').length === 3);
  const again = JSON.parse((await download(page, 'export-analysis-json')).text);
  assert.equal(again.clv.bgnbd.time_unit, 'days');
  assert.equal(again.kmeans.k, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the model pages in Chinese', async () => {
  const { page, context, errors } = await openPage(env, '?lang=zh');
  await load(page);
  for (const tab of ['clusters', 'clv']) {
    await page.click(`[data-testid=tab-${tab}]`);
    await page.waitForSelector(`[data-testid=page-${tab}] svg`);
    const title = await page.locator(`[data-testid=page-${tab}] svg title`).first().textContent();
    assert.ok(/[\u4e00-\u9fff]/.test(title), `${tab} chart title in Chinese: ${title}`);
    await page.screenshot({ path: ARTIFACTS + `page-${tab}-zh.png`, fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});
