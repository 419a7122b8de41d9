// Custom segments built in the rule builder and segment migration between
// two dates, in the browser: live counts, apply, export column, lists,
// shadow warnings, the transition matrix and its movers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, waitForState, download, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { readWorkbook } from '../lib/xlsx.mjs';
import { upload, openTab, exportCustomers, exportSelection } from '../lib/app.mjs';
import { chartSvg, waitForCustomerCount, waitForCustomerRows, openExplorer, digits } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const load = (page) => upload(page, [plain('orders.csv'), plain('customers.csv')]);

test('a rule built in the builder counts live, applies, exports and lists exactly its customers', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await load(page);
  const exported = await exportCustomers(page);
  const big = exported.filter((r) => Number(r.revenue) >= 500).length;
  assert.ok(big > 0 && big < exported.length);

  await openTab(page, 'segments');
  assert.ok(await page.locator('[data-testid=rules-empty]').isVisible());
  await page.click('[data-testid=rule-add-segment]');
  await page.waitForFunction((n) => /\d/.test(document.querySelector('[data-testid=rule-count]')?.textContent ?? '') &&
    Number(document.querySelector('[data-testid=rule-count]').textContent.replace(/[^0-9]/g, '')) === n, exported.length);
  await page.fill('[data-testid=rule-value]', '500');
  await page.press('[data-testid=rule-value]', 'Enter');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=rule-count]').textContent.replace(/[^0-9]/g, '')) === n, big);
  await page.fill('[data-testid=rule-name]', 'Big spenders');
  await page.press('[data-testid=rule-name]', 'Enter');
  assert.ok(await page.locator('[data-testid=rule-unsaved]').isVisible());
  await page.click('[data-testid=rule-apply]');
  await waitForState(page, 'ready');
  await page.waitForSelector('[data-testid=rule-unsaved]', { state: 'detached' });
  await page.screenshot({ path: ARTIFACTS + 'page-segments-en.png', fullPage: true });

  const after = await exportCustomers(page);
  assert.equal(after.filter((r) => r.custom_segments === 'Big spenders').length, big);
  assert.ok(after.every((r) => (r.custom_segments === 'Big spenders') === (Number(r.revenue) >= 500)));

  await page.click('[data-testid=rule-list]');
  await waitForCustomerCount(page, big);

  // Ordered exclusive: a copy of the first rule below it is fully shadowed.
  await openTab(page, 'segments');
  await page.selectOption('[data-testid=rule-mode]', 'exclusive');
  await page.click('[data-testid=rule-add-segment]');
  const second = page.locator('[data-testid=rule-card]').nth(1);
  await second.locator('[data-testid=rule-value]').fill('1000');
  await second.locator('[data-testid=rule-value]').press('Enter');
  await page.waitForSelector('[data-testid=rule-warning]');
  assert.match(await page.textContent('[data-testid=rule-warning]'), /Big spenders/);
  assert.ok(await page.locator('[data-testid=rule-other]').isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});

test('migration between two dates: matrix, totals and the movers of a cell', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await load(page);
  await openTab(page, 'migration');
  await page.waitForSelector('[data-testid=migration-totals]');
  const exported = await exportCustomers(page);
  const totals = (await page.textContent('[data-testid=migration-totals]')).match(/\d[\d,]*/g).map(digits);
  assert.equal(totals[0] + totals[1], exported.length, 'every customer is in one cell');
  const svg = await chartSvg(page, 'chart-migration');
  assert.ok(svg.length > 500 && !svg.includes('??'));
  const row = page.locator('[data-testid=move-row]').first();
  const n = digits(await row.locator('td.num').textContent());
  await page.screenshot({ path: ARTIFACTS + 'page-migration-en.png', fullPage: true });
  await row.locator('[data-testid=move-list]').click();
  await waitForCustomerCount(page, n);
  const movers = await exportSelection(page);
  assert.equal(movers.length, n);
  // Another scheme and dates in the wrong order give a clear message.
  await openTab(page, 'migration');
  await page.selectOption('[data-testid=migration-scheme]', 'lifecycle');
  await page.waitForSelector('[data-testid=migration-totals]');
  await page.fill('[data-testid=migration-from]', '2099-01-01');
  await page.waitForSelector('[data-testid=migration-problem]');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the selection exports as an Excel workbook with a sheet per segment and as a CSV in the UI language', async () => {
  const { page, context, errors } = await openPage(env, '?lang=zh');
  await load(page);
  const exported = await exportCustomers(page);
  await openExplorer(page);
  await waitForCustomerRows(page);
  const book = await download(page, 'export-selection-xlsx');
  assert.match(book.name, /\.xlsx$/);
  assert.equal(book.bytes.subarray(0, 2).toString(), 'PK');
  const { names, sheets } = readWorkbook(book.bytes);
  assert.equal(sheets[0].rows.length - 1, exported.length, 'the first sheet holds every customer');
  assert.equal(sheets[0].rows[0][0], '客户ID');
  const bySegment = new Map();
  for (const r of exported) bySegment.set(r.rfm_segment, (bySegment.get(r.rfm_segment) ?? 0) + 1);
  const segmentSheets = sheets.slice(1);
  assert.equal(segmentSheets.reduce((n, s) => n + s.rows.length - 1, 0), exported.length, 'segment sheets partition the customers');
  assert.equal(segmentSheets.length, bySegment.size, `sheets ${names.join(', ')}`);
  const local = await download(page, 'export-selection-localized');
  const rows = records(local.text);
  assert.equal(rows.length, exported.length);
  assert.ok(Object.keys(rows[0]).includes('客户ID') && Object.keys(rows[0]).includes('RFM 分群'));
  assert.ok(rows.some((r) => r['RFM 分群'] === '冠军客户'));
  assert.deepEqual(errors, []);
  await context.close();
});
