// Events and profiles in the browser: lead stages checked against an
// independent reading of the generator's files, the lists per stage and per
// browsed category, and the Leads, Engagement, Interest and Demographics
// pages drawn in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { upload, openTab, setSetting, exportCustomers, exportSelection } from '../lib/app.mjs';
import { checkPageParts, chartMarks, customerCount, searchCustomers, waitForCustomerCount, filterExplorer, explorerRow, explorerKey, digits } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const files = () => [plain('orders.csv'), plain('customers.csv'), plain('events.csv')];
const day = (text) => Math.floor(Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / 86_400_000);
const PAID = new Set(['completed', 'paid', 'shipped', 'delivered', '']);

// docs/product.md#lead-stages from the files alone, as of the day after the latest order or event.
function leadStages() {
  const orders = records(readFileSync(plain('orders.csv'), 'utf8'));
  const events = records(readFileSync(plain('events.csv'), 'utf8'));
  const asOf = Math.max(...orders.map((o) => day(o.order_date)), ...events.map((e) => day(e.timestamp))) + 1;
  const rank = ['Unengaged', 'Awareness', 'Consideration', 'Decision'];
  const stage = new Map();
  const views = new Map();
  for (const e of events) {
    const d = day(e.timestamp);
    const reached = ['checkout_started', 'coupon_claimed'].includes(e.event_type) || (e.event_type === 'add_to_cart' && asOf - d <= 7)
      ? 'Decision'
      : ['add_to_cart', 'compare', 'trial', 'inquiry'].includes(e.event_type) ? 'Consideration' : 'Awareness';
    if (e.event_type === 'product_view') views.set(e.customer_id, (views.get(e.customer_id) ?? 0) + 1);
    const now = stage.get(e.customer_id) ?? 'Unengaged';
    if (rank.indexOf(reached) > rank.indexOf(now)) stage.set(e.customer_id, reached);
  }
  for (const [id, n] of views) if (n >= 3 && rank.indexOf(stage.get(id)) < 2) stage.set(id, 'Consideration');
  for (const o of orders) if (PAID.has(o.status.toLowerCase())) stage.set(o.customer_id, 'Purchased');
  return stage;
}

const load = (page) => upload(page, files());

test('lead stages match an independent computation, and each stage opens as an exportable list', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await load(page);
  const exported = await exportCustomers(page);
  const expected = leadStages();
  for (const row of exported) {
    assert.equal(row.lead_stage, expected.get(row.customer_id) ?? 'Unengaged', `lead stage of ${row.customer_id}`);
    assert.ok(['Active', 'Silent', 'Dormant'].includes(row.engagement), row.engagement);
  }
  const decision = exported.filter((r) => r.lead_stage === 'Decision').length;
  assert.ok(decision > 0, 'some leads are deciding');
  assert.ok(exported.some((r) => r.age_band !== '') && exported.some((r) => r.gender !== ''), 'demographic bands exported');

  await openTab(page, 'leads');
  await page.click('[data-testid=lead-list-decision]');
  await page.waitForSelector('[data-testid=page-customers]');
  await waitForCustomerCount(page, decision);
  const list = await exportSelection(page);
  assert.equal(list.length, decision);
  assert.ok(list.every((r) => r.lead_stage === 'Decision'));

  // Browsed but never bought: every listed customer browsed the category and has no paid order in it.
  await openTab(page, 'interest');
  const first = page.locator('[data-testid=interest-row]').first();
  const category = (await first.locator('td').first().textContent()).trim();
  const browsedCount = digits(await first.locator('td').nth(2).textContent());
  await first.locator('[data-testid=browsed-list]').click();
  await page.waitForSelector('[data-testid=filter-browsed]');
  await waitForCustomerCount(page, browsedCount);
  const browsers = await exportSelection(page);
  const orders = records(readFileSync(plain('orders.csv'), 'utf8'));
  const bought = new Set(orders.filter((o) => o.category === category && PAID.has(o.status.toLowerCase())).map((o) => o.customer_id));
  const events = records(readFileSync(plain('events.csv'), 'utf8'));
  const viewed = new Set(events.filter((e) => e.category === category && ['page_view', 'product_view'].includes(e.event_type)).map((e) => e.customer_id));
  const independent = [...viewed].filter((id) => !bought.has(id));
  assert.equal(browsers.length, independent.length, `browsed ${category} but never bought`);
  assert.ok(browsers.every((r) => viewed.has(r.customer_id) && !bought.has(r.customer_id)));

  // Search by email finds the customer whose email it is.
  const customers = records(readFileSync(plain('customers.csv'), 'utf8'));
  const withEmail = customers.find((c) => c.email);
  await filterExplorer(page, 'filter-browsed');
  await searchCustomers(page, withEmail.email.toUpperCase());
  await page.waitForSelector(`${explorerRow(1)} .key`);
  assert.ok(await customerCount(page) >= 1);
  assert.equal(await explorerKey(page, 1), withEmail.customer_id);

  // Any label filters: lifecycle stage and engagement chips.
  await searchCustomers(page, '');
  await filterExplorer(page, 'filter-stage-potential', 'filter-engagement-dormant');
  const potentialDormant = exported.filter((r) => r.lifecycle_stage === 'Potential' && r.engagement === 'Dormant').length;
  await waitForCustomerCount(page, potentialDormant);
  assert.deepEqual(errors, []);
  await context.close();
});

test('leads, engagement, interest and demographics pages draw real numbers in both languages', async () => {
  const pages = {
    leads: ['chart-leads', 'chart-lead-funnel', 'chart-journey', 'chart-lead-funnel-source', 'lead-map'],
    engagement: ['chart-engagement', 'chart-engagement-trend', 'chart-event-kinds'],
    interest: ['chart-interest', 'chart-affinity'],
    demographics: ['chart-demo-bands', 'chart-demo-tiers', 'chart-demo-stages'],
  };
  // Per stage or level in the engine's order, the customers the export labels so (the export's
  // lead stages are checked against an independent reading of the files in the test above).
  const counts = (rows, column, names) => names.map((name) => rows.filter((r) => r[column] === name).length);
  const barValues = async (page, chart) => (await chartMarks(page, chart)).filter((m) => Number.isFinite(m.n)).map((m) => m.n);
  const numbers = {
    leads: async (page, exported, lang) => {
      const want = counts(exported, 'lead_stage', ['Unengaged', 'Awareness', 'Consideration', 'Decision', 'Purchased']);
      assert.deepEqual(await barValues(page, 'chart-leads'), want, `customers per lead stage (${lang})`);
      assert.equal(want.reduce((a, b) => a + b, 0), exported.length, 'every customer has a lead stage');
    },
    engagement: async (page, exported, lang) => {
      const want = counts(exported, 'engagement', ['Active', 'Silent', 'Dormant']);
      assert.deepEqual(await barValues(page, 'chart-engagement'), want, `customers per engagement level (${lang})`);
    },
  };
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await load(page);
    const exported = await exportCustomers(page);
    for (const [tab, parts] of Object.entries(pages)) {
      await checkPageParts(page, tab, parts, lang);
      assert.equal(await page.locator('[data-testid=events-empty]').count(), 0);
      await numbers[tab]?.(page, exported, lang);
      await page.screenshot({ path: ARTIFACTS + `page-${tab}-${lang}.png`, fullPage: true });
    }
    // Each demographic dimension draws.
    await page.selectOption('[data-testid=demo-dimension]', 'income');
    await page.waitForFunction(() => /[0-9]/.test(document.querySelector('[data-testid=demo-known]').textContent));
    // Settings re-label without re-reading: a stricter active window moves customers out of Active.
    await openTab(page, 'engagement');
    const active = async () => digits(await page.locator('[data-testid=engagement-row] td.num').first().textContent());
    const before = await active();
    await setSetting(page, 'setting-engagement-active', 1, { commit: 'enter' });
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid=engagement-row] td.num').textContent.replace(/[^0-9]/g, '')) < b, before);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without an events file the event pages say what to add', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await upload(page, [plain('orders.csv'), plain('customers.csv')]);
  await openTab(page, 'leads');
  assert.ok(await page.locator('[data-testid=events-empty]').isVisible());
  const exported = await exportCustomers(page);
  assert.ok(exported.every((r) => r.lead_stage === '' && r.engagement === ''));
  assert.deepEqual(errors, []);
  await context.close();
});
