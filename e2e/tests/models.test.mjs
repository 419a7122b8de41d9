// The models in the browser: K-means clusters and predicted CLV on the
// generator's data — pages drawn in both languages, the cluster list and the
// model columns in the exports, the fits in the analysis JSON, the holdout check.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { summarize } from '../lib/reference.mjs';
import { upload, openTab, setSetting, exportCustomers, exportSelection, exportAnalysis } from '../lib/app.mjs';
import { clusterTable, openClusterList, clvBuyers, chartSvg, waitForCustomerCount } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const load = (page) => upload(page, [plain('orders.csv'), plain('customers.csv')]);
// Buyers and repeat buyers of the uploaded files, computed from them (lib/reference.mjs).
let figures;
const reference = () => (figures ??= summarize(
  records(readFileSync(plain('orders.csv'), 'utf8')), records(readFileSync(plain('customers.csv'), 'utf8'))));

/** The clusters table partitions the reference's buyers; returns its rows. */
async function checkClusterSizes(page, where) {
  const rows = await clusterTable(page);
  assert.ok(rows.every((r) => r.size > 0), `no empty cluster (${where}): ${rows.map((r) => r.size)}`);
  assert.equal(rows.reduce((n, r) => n + r.size, 0), reference().buyers, `cluster sizes sum to the buyers (${where})`);
  return rows;
}

test('clusters and lifetime value: pages, lists, exports and fits', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await load(page);
  await openTab(page, 'clusters');
  await page.waitForSelector('[data-testid=cluster-row]');
  const clusters = await checkClusterSizes(page, 'en');
  const k = clusters.length;
  assert.ok(k >= 2 && k <= 8, `k = ${k}`);
  assert.match(await page.textContent('[data-testid=clusters-k-detail]'), /k = \d/);
  for (const chart of ['chart-clusters', 'chart-silhouette']) {
    const svg = await chartSvg(page, chart);
    assert.ok(svg.length > 500 && !svg.includes('??'), chart);
  }
  await page.screenshot({ path: ARTIFACTS + 'page-clusters-en.png', fullPage: true });

  const exported = await exportCustomers(page);
  const buyers = exported.filter((r) => Number(r.orders) > 0);
  assert.equal(buyers.length, reference().buyers, 'buyers in the export');
  // Each cluster's size is its buyers in the export's cluster column.
  for (const c of clusters) assert.equal(exported.filter((r) => r.cluster === c.name).length, c.size, `size of ${c.name}`);
  assert.ok(buyers.every((r) => r.cluster !== ''), 'every buyer has a cluster');
  assert.ok(exported.filter((r) => Number(r.orders) === 0).every((r) => r.cluster === '' && r.clv === ''));
  assert.ok(buyers.every((r) => Number(r.p_alive) >= 0 && Number(r.p_alive) <= 1 && Number(r.clv) >= 0), 'p_alive in 0..1, clv ≥ 0');

  // The first cluster's list holds exactly its buyers.
  const { size, name } = clusters[0];
  await openClusterList(page, 0);
  await waitForCustomerCount(page, size);
  const list = await exportSelection(page);
  assert.equal(list.length, size);
  assert.ok(list.every((r) => r.cluster === name), `all in ${name}`);
  assert.equal(exported.filter((r) => r.cluster === name).length, size);

  await openTab(page, 'clv');
  await page.waitForSelector('[data-testid=clv-params]');
  assert.match(await page.textContent('[data-testid=fit-bgnbd]'), /r = \d/);
  // The models are fitted on every buyer; the spend model on those who bought again on a later day.
  assert.deepEqual(await clvBuyers(page), { buyers: reference().buyers, repeatBuyers: reference().spendSample }, 'buyers in the fits');
  for (const chart of ['chart-clv-distribution', 'chart-clv-sources']) {
    const svg = await chartSvg(page, chart);
    assert.ok(svg.length > 500 && !svg.includes('??'), chart);
  }
  await page.fill('[data-testid=setting-holdout-days]', '120');
  await page.click('[data-testid=run-holdout]');
  await page.waitForSelector('[data-testid=holdout-result]');
  assert.match(await page.textContent('[data-testid=holdout-result]'), /predicted/);
  await page.screenshot({ path: ARTIFACTS + 'page-clv-en.png', fullPage: true });

  const analysis = await exportAnalysis(page);
  for (const p of ['r', 'alpha', 'a', 'b', 'log_likelihood']) assert.equal(typeof analysis.clv.bgnbd[p], 'number', p);
  assert.equal(analysis.clv.bgnbd.time_unit, 'weeks');
  for (const p of ['p', 'q', 'gamma']) assert.ok(analysis.clv.gamma_gamma[p] > 0, p);
  assert.equal(analysis.kmeans.k, k);
  assert.ok(analysis.kmeans.silhouette > -1 && analysis.kmeans.silhouette <= 1);

  // Days as the time unit refits; a set k is respected.
  await page.selectOption('[data-testid=setting-clv-unit]', 'days');
  await openTab(page, 'clusters');
  await setSetting(page, 'setting-k', 3, { commit: 'enter' });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster-row]').length === 3);
  await checkClusterSizes(page, 'k = 3');
  const again = await exportAnalysis(page);
  assert.equal(again.clv.bgnbd.time_unit, 'days');
  assert.equal(again.kmeans.k, 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the model pages in Chinese', async () => {
  const { page, context, errors } = await openPage(env, '?lang=zh');
  await load(page);
  for (const tab of ['clusters', 'clv']) {
    await openTab(page, tab);
    await page.waitForSelector(`[data-testid=page-${tab}] svg`);
    const title = await page.locator(`[data-testid=page-${tab}] svg title`).first().textContent();
    assert.ok(/[\u4e00-\u9fff]/.test(title), `${tab} chart title in Chinese: ${title}`);
    await page.screenshot({ path: ARTIFACTS + `page-${tab}-zh.png`, fullPage: true });
  }
  // The same numbers in Chinese: the clusters partition the buyers, the fits count them.
  await openTab(page, 'clusters');
  await page.waitForSelector('[data-testid=cluster-row]');
  await checkClusterSizes(page, 'zh');
  await openTab(page, 'clv');
  await page.waitForSelector('[data-testid=clv-params]');
  assert.deepEqual(await clvBuyers(page), { buyers: reference().buyers, repeatBuyers: reference().spendSample }, 'buyers in the fits (zh)');
  assert.deepEqual(errors, []);
  await context.close();
});
