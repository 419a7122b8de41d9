// Events and profiles in the browser: lead stages checked against an
// independent reading of the generator's files, the lists per stage and per
// browsed category, and the Leads, Engagement, Interest and Demographics
// pages drawn in both languages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, waitForState, download, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';

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

async function load(page) {
  await page.setInputFiles('[data-testid=file-input]', files());
  await waitForState(page, 'mapping');
  await page.click('[data-testid=analyze-button]');
  await waitForState(page, 'ready');
}

const count = (page) => page.textContent('[data-testid=customer-count]').then((t) => Number(t.replace(/[^0-9]/g, '')));

test('lead stages match an independent computation, and each stage opens as an exportable list', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await load(page);
  const exported = records((await download(page, 'export-customers-csv')).text);
  const expected = leadStages();
  for (const row of exported) {
    assert.equal(row.lead_stage, expected.get(row.customer_id) ?? 'Unengaged', `lead stage of ${row.customer_id}`);
    assert.ok(['Active', 'Silent', 'Dormant'].includes(row.engagement), row.engagement);
  }
  const decision = exported.filter((r) => r.lead_stage === 'Decision').length;
  assert.ok(decision > 0, 'some leads are deciding');
  assert.ok(exported.some((r) => r.age_band !== '') && exported.some((r) => r.gender !== ''), 'demographic bands exported');

  await page.click('[data-testid=tab-leads]');
  await page.waitForSelector('[data-testid=page-leads]');
  await page.click('[data-testid=lead-list-decision]');
  await page.waitForSelector('[data-testid=page-customers]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=customer-count]')?.textContent.replace(/[^0-9]/g, '') === String(n), decision);
  const list = records((await download(page, 'export-selection')).text);
  assert.equal(list.length, decision);
  assert.ok(list.every((r) => r.lead_stage === 'Decision'));

  // Browsed but never bought: every listed customer browsed the category and has no paid order in it.
  await page.click('[data-testid=tab-interest]');
  await page.waitForSelector('[data-testid=page-interest]');
  const first = page.locator('[data-testid=interest-row]').first();
  const category = (await first.locator('td').first().textContent()).trim();
  const browsedCount = Number((await first.locator('td').nth(2).textContent()).replace(/[^0-9]/g, ''));
  await first.locator('[data-testid=browsed-list]').click();
  await page.waitForSelector('[data-testid=filter-browsed]');
  await page.waitForFunction((n) => document.querySelector('[data-testid=customer-count]')?.textContent.replace(/[^0-9]/g, '') === String(n), browsedCount);
  const browsers = records((await download(page, 'export-selection')).text);
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
  await page.click('[data-testid=filter-browsed]');
  await page.fill('[data-testid=customer-search]', withEmail.email.toUpperCase());
  await page.waitForFunction(() => document.querySelector('[data-testid=customer-row][aria-rowindex="1"] .key'));
  assert.ok(await count(page) >= 1);
  assert.equal(await page.textContent('[data-testid=customer-row][aria-rowindex="1"] .key'), withEmail.customer_id);

  // Any label filters: lifecycle stage and engagement chips.
  await page.fill('[data-testid=customer-search]', '');
  await page.click('[data-testid=filter-stage-potential]');
  await page.click('[data-testid=filter-engagement-dormant]');
  const potentialDormant = exported.filter((r) => r.lifecycle_stage === 'Potential' && r.engagement === 'Dormant').length;
  await page.waitForFunction((n) => document.querySelector('[data-testid=customer-count]')?.textContent.replace(/[^0-9]/g, '') === String(n), potentialDormant);
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
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await load(page);
    for (const [tab, parts] of Object.entries(pages)) {
      await page.click(`[data-testid=tab-${tab}]`);
      await page.waitForSelector(`[data-testid=page-${tab}]`);
      assert.equal(await page.locator('[data-testid=events-empty]').count(), 0);
      for (const part of parts) {
        const el = page.locator(`[data-testid=${part}]`).first();
        assert.ok(await el.isVisible(), `${part} on ${tab} (${lang})`);
        if (part.startsWith('chart-')) {
          const svg = await el.locator('svg').first().innerHTML();
          assert.ok(!svg.includes('??') && svg.length > 500, `${part} drawn (${lang})`);
          assert.ok(!svg.includes('No data') && !svg.includes('暂无数据'), `${part} has data (${lang})`);
        }
      }
      await page.screenshot({ path: ARTIFACTS + `page-${tab}-${lang}.png`, fullPage: true });
    }
    // Each demographic dimension draws.
    await page.selectOption('[data-testid=demo-dimension]', 'Income');
    await page.waitForFunction(() => /[0-9]/.test(document.querySelector('[data-testid=demo-known]').textContent));
    // Settings re-label without re-reading: a stricter active window moves customers out of Active.
    await page.click('[data-testid=tab-engagement]');
    const active = async () => Number((await page.locator('[data-testid=engagement-row] td.num').first().textContent()).replace(/[^0-9]/g, ''));
    const before = await active();
    await page.fill('[data-testid=setting-engagement-active]', '1');
    await page.press('[data-testid=setting-engagement-active]', 'Enter');
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid=engagement-row] td.num').textContent.replace(/[^0-9]/g, '')) < b, before);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without an events file the event pages say what to add', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await page.setInputFiles('[data-testid=file-input]', [plain('orders.csv'), plain('customers.csv')]);
  await waitForState(page, 'mapping');
  await page.click('[data-testid=analyze-button]');
  await waitForState(page, 'ready');
  await page.click('[data-testid=tab-leads]');
  assert.ok(await page.locator('[data-testid=events-empty]').isVisible());
  const exported = records((await download(page, 'export-customers-csv')).text);
  assert.ok(exported.every((r) => r.lead_stage === '' && r.engagement === ''));
  assert.deepEqual(errors, []);
  await context.close();
});
