// Page objects: what each dashboard page shows, read as numbers and English
// labels, so tests compare figures instead of repeating selectors.
import assert from 'node:assert/strict';
import { openTab } from './app.mjs';

/** A number as the app prints it: `1,234`, `12,345.60`, `20.0%` (→ 20), `—` (→ NaN). */
export const num = (text) => {
  const cleaned = String(text).replace(/[,%\s]/g, '').replace(/[^0-9.\-]/g, '');
  return cleaned === '' ? NaN : Number(cleaned);
};
/** Only the digits of a text, as a number (`3,060 customers` → 3060). */
export const digits = (text) => Number(String(text).replace(/[^0-9]/g, ''));

// The display names of built-in labels (crates/engine/src/texts) that differ from the English export label, per
// scheme (some names repeat across schemes), so a table read in either language is keyed by the
// export label.
const DISPLAY = {
  tier: { 高价值: 'High', 中价值: 'Medium', 低价值: 'Low', 未购买: 'No purchase' },
  segment: {
    冠军客户: 'Champions', 忠诚客户: 'Loyal Customers', 潜力忠诚客户: 'Potential Loyalists', 新客户: 'New Customers',
    有潜力客户: 'Promising', 需要关注: 'Need Attention', 即将沉睡: 'About To Sleep', 有流失风险: 'At Risk',
    不能失去: "Can't Lose Them", 休眠客户: 'Hibernating', 流失客户: 'Lost',
  },
  stage: {
    Prospect: 'Potential', Newcomer: 'New', Lapsing: 'At risk',
    潜在客户: 'Potential', 首购客户: 'New', 活跃客户: 'Active', 流失预警: 'At risk', 已流失: 'Churned',
  },
  engagement: { Engaged: 'Active', 互动活跃: 'Active', 互动沉默: 'Silent', 互动停滞: 'Dormant' },
  level: { 青铜: 'Bronze', 白银: 'Silver', 黄金: 'Gold', 钻石: 'Diamond' },
  source: { 未知: 'Unknown' },
};
/** The English export label of a `scheme` label (tier, segment, stage, engagement, level, source) shown in either language. */
export const english = (scheme, name) => DISPLAY[scheme][name.trim()] ?? name.trim();

/** The cell texts of every row matched by `rowSelector` (rows of a table body). */
export async function tableRows(page, rowSelector) {
  return page.locator(rowSelector).evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent.trim())));
}

// ---- Charts ----------------------------------------------------------------------------------

/** The SVG markup of chart card `testid` (the first when several share it). */
export const chartSvg = (page, testid) => page.locator(`[data-testid=${testid}] svg`).first().innerHTML();

/**
 * The hover texts of chart `testid`'s marks, each split at its first colon into the subject and
 * the value text (`Active: 533` / `活跃客户:533`), with `n` the first number of the value.
 */
export async function chartMarks(page, testid) {
  const hovers = await page.locator(`[data-testid=${testid}]`).first().locator('svg g > title').allTextContents();
  return hovers.map((text) => {
    const at = text.search(/[:：]/);
    const subject = at < 0 ? text : text.slice(0, at).trim();
    const value = at < 0 ? '' : text.slice(at + 1).trim();
    const first = value.match(/-?\d[\d,]*(\.\d+)?/);
    return { text, subject, value, n: first ? num(first[0]) : NaN };
  });
}

/**
 * Opens page `tab` and checks that each of its `parts` (test ids) is visible and that each chart
 * among them is drawn, with data, and without a missing text (`??`).
 */
export async function checkPageParts(page, tab, parts, lang) {
  await openTab(page, tab);
  for (const part of parts) {
    const el = page.locator(`[data-testid=${part}]`).first();
    assert.ok(await el.isVisible(), `${part} on ${tab} (${lang})`);
    if (part.startsWith('chart-')) {
      const svg = await chartSvg(page, part);
      assert.ok(!svg.includes('??') && svg.length > 500, `${part} drawn (${lang})`);
      assert.ok(!svg.includes('No data') && !svg.includes('暂无数据'), `${part} has data (${lang})`);
    }
  }
}

/** One value per category of a one-series chart: English label → number. */
export async function chartValues(page, testid, scheme) {
  const marks = (await chartMarks(page, testid)).filter((m) => Number.isFinite(m.n));
  return new Map(marks.map((m) => [scheme ? english(scheme, m.subject) : m.subject, m.n]));
}

// ---- Overview (KPIs, tier table, segment table; the report shows the same) --------------------

const KPIS = { customers: 'kpi-customers', buyers: 'kpi-buyers', revenue: 'kpi-revenue', aov: 'kpi-aov', repeatRate: 'kpi-repeat', activeShare: 'kpi-active' };

/** One KPI tile's value as a number (`kpi-buyers`, `kpi-mean-clv`, `repeat-rate`, …). */
export const kpi = async (page, testid) => num(await page.textContent(`[data-testid=${testid}] .kpi-value`));

/** The overview KPIs as numbers (percentages in %). */
export async function kpis(page) {
  const out = {};
  for (const [key, testid] of Object.entries(KPIS)) out[key] = await kpi(page, testid);
  return out;
}

/** The tier table: per tier (English name) customers, share %, revenue, revenue share %. */
export async function tierTable(page) {
  const rows = await tableRows(page, '[data-testid=tier-table] tbody tr');
  return rows.map(([name, customers, share, revenue, revenueShare]) =>
    ({ name: english('tier', name), customers: num(customers), share: num(share), revenue: num(revenue), revenueShare: num(revenueShare) }));
}

/** The segment table: per segment (English name) customers, revenue share %, averages and action. */
export async function segmentTable(page) {
  const rows = await tableRows(page, '[data-testid=segment-table] tbody tr');
  return rows.map(([name, customers, revenueShare, avgRecency, avgOrders, avgMonetary, action]) => ({
    name: english('segment', name), customers: num(customers), revenueShare: num(revenueShare),
    avgRecency: num(avgRecency), avgOrders: num(avgOrders), avgMonetary: num(avgMonetary), action,
  }));
}

// ---- Membership, sources, repeat, after-sales ----------------------------------------------------

/** The membership table: per level (English name) threshold, customers, buyers, revenue, revenue share %. */
export async function levelTable(page) {
  const rows = await tableRows(page, '[data-testid=level-row]');
  return rows.map(([name, from, customers, buyers, revenue, revenueShare]) =>
    ({ name: english('level', name), from: num(from), customers: num(customers), buyers: num(buyers), revenue: num(revenue), revenueShare: num(revenueShare) }));
}

/** The customers column of the membership table, top level last. */
export const levelCustomers = async (page) => (await levelTable(page)).map((l) => l.customers);

/** The sources table: per source (as in the file; English "Unknown") customers, buyers, conversion %, revenue, AOV, repeat %. */
export async function sourceTable(page) {
  const rows = await tableRows(page, '[data-testid=source-row]');
  return rows.map(([name, customers, buyers, conversion, revenue, aov, repeatRate]) => ({
    name: english('source', name), customers: num(customers), buyers: num(buyers), conversion: num(conversion),
    revenue: num(revenue), aov: num(aov), repeatRate: num(repeatRate),
  }));
}

/** The repeat page's figures: repurchase rate %, repeat buyers, median days to the second order and between orders. */
export async function repeatFacts(page) {
  return {
    repeatRate: await kpi(page, 'repeat-rate'),
    repeatBuyers: await kpi(page, 'repeat-buyers'),
    medianDaysToSecond: await kpi(page, 'repeat-median-second'),
    medianGap: await kpi(page, 'repeat-median-gap'),
  };
}

/** The after-sales page: the overall refund rate % and per tier (English name) paid, refunded orders and rate %. */
export async function afterSales(page) {
  const overall = num((await page.textContent('[data-testid=refund-rate]')).match(/\d[\d,.]*%/)[0]);
  const rows = await tableRows(page, '[data-testid=refund-tier-row]');
  const byTier = rows.map(([name, paid, refunded, rate]) => ({ name: english('tier', name), paid: num(paid), refunded: num(refunded), rate: num(rate) }));
  return { overall, byTier };
}

// ---- Models -------------------------------------------------------------------------------------

/** The clusters table: per cluster its name, size and median recency, orders and revenue. */
export async function clusterTable(page) {
  const rows = await tableRows(page, '[data-testid=cluster-row]');
  return rows.map(([name, size, recency, orders, revenue]) => ({ name, size: num(size), recency: num(recency), orders: num(orders), revenue: num(revenue) }));
}

/** Opens the list of the `i`-th cluster's customers in the explorer. */
export const openClusterList = (page, i) => page.locator('[data-testid=cluster-row]').nth(i).locator('[data-testid=cluster-list]').click();

/** The CLV page's "n buyers, r repeat buyers in the spend model" as numbers. */
export async function clvBuyers(page) {
  const [buyers, repeatBuyers] = (await page.textContent('[data-testid=clv-params] p')).match(/\d[\d,]*/g).map(num);
  return { buyers, repeatBuyers };
}

// ---- Report -------------------------------------------------------------------------------------

/** The report's data-quality table: per file its name, kind, rows read, kept, rejected and duplicates removed. */
export async function reportQuality(page) {
  const rows = await tableRows(page, '[data-testid=report-quality] tbody tr');
  return rows.map(([file, kind, read, kept, rejected, duplicates]) =>
    ({ file, kind, read: num(read), kept: num(kept), rejected: num(rejected), duplicates: num(duplicates) }));
}

// ---- Customer explorer --------------------------------------------------------------------------

/** The explorer's "n customers" count. */
export const customerCount = async (page) => digits(await page.textContent('[data-testid=customer-count]'));

/** Waits until the explorer counts `n` customers (the list filters in the worker). */
export async function waitForCustomerCount(page, n) {
  await page.waitForFunction((want) => document.querySelector('[data-testid=customer-count]')?.textContent.replace(/[^0-9]/g, '') === String(want), n);
}

/** Clicks the explorer's filter chips `chips` (testids, e.g. 'filter-tier-0'), each toggling its filter. */
export async function filterExplorer(page, ...chips) {
  for (const chip of chips) await page.click(`[data-testid=${chip}]`);
}

/** Opens the explorer, then clicks the filter chips `chips`. */
export async function openExplorer(page, ...chips) {
  await openTab(page, 'customers');
  await filterExplorer(page, ...chips);
}

/** Types `text` into the explorer's search box (empty clears it). */
export const searchCustomers = (page, text) => page.fill('[data-testid=customer-search]', text);

/** Waits until the explorer shows its first rows. */
export const waitForCustomerRows = (page) => page.waitForSelector('[data-testid=customer-row]');

/** The explorer row at 1-based position `i`: its selector and customer key. */
export const explorerRow = (i) => `[data-testid=customer-row][aria-rowindex="${i}"]`;
export const explorerKey = (page, i) => page.textContent(`${explorerRow(i)} .key`);
