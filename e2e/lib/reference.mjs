// An independent computation of docs/product.md#settings, docs/product.md#rfm-scores-and-segments–S5.4 from a plain orders
// file, to check the app's export against, and (summarize) the figures the dashboard pages
// show — KPIs, tiers, segments, levels, stages, sources, repeat buying, refunds — to check
// the pages against. Written from the spec's words, sharing no code with the Rust engine.

import assert from 'node:assert/strict';

const DAY = 86_400_000;
const PAID = new Set(['paid', 'completed', '已付款', '交易成功']);
const toDay = (s) => Math.floor(Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAY);

/** Per-customer metrics and labels for `orders` (objects with order_date, customer_id, amount, status). */
export function reference(orders, { scale = 5, asOf = null } = {}) {
  const days = orders.map((o) => toDay(o.order_date));
  const asOfDay = asOf ? toDay(asOf) : days.reduce((a, b) => Math.max(a, b), -Infinity) + 1;
  const byCustomer = new Map();
  // Categories are numbered in the order the file first mentions them (ties go to the earlier).
  const categoryOrder = new Map();
  orders.forEach((o) => { if (o.category && !categoryOrder.has(o.category)) categoryOrder.set(o.category, categoryOrder.size); });
  orders.forEach((o, i) => {
    if (days[i] > asOfDay) return;
    const c = byCustomer.get(o.customer_id) ?? { orders: 0, revenue: 0, last: -Infinity, first: Infinity, paidDays: [] };
    byCustomer.set(o.customer_id, c);
    if (!PAID.has(o.status.trim().toLowerCase())) return;
    c.orders += 1;
    c.revenue += Number(o.amount);
    c.last = Math.max(c.last, days[i]);
    c.first = Math.min(c.first, days[i]);
    c.paidDays.push(days[i]);
    if (o.category) {
      const t = (c.categories ??= new Map()).get(o.category) ?? { n: 0, revenue: 0 };
      t.n += 1;
      t.revenue += Number(o.amount);
      c.categories.set(o.category, t);
    }
  });
  const buyers = [...byCustomer.entries()].filter(([, c]) => c.orders > 0).map(([id, c]) => ({
    id, orders: c.orders, revenue: c.revenue, aov: c.revenue / c.orders, recency: asOfDay - c.last,
  }));
  const n = buyers.length;
  // Share of buyers with a strictly worse / smaller value, via sorted arrays.
  const countBelow = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return (v) => { let lo = 0, hi = sorted.length; while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] < v) lo = m + 1; else hi = m; } return lo; };
  };
  const recencyAbove = countBelow(buyers.map((b) => -b.recency)); // more days = worse
  const ordersBelow = countBelow(buyers.map((b) => b.orders));
  const revenueBelow = countBelow(buyers.map((b) => b.revenue));
  const aovBelow = countBelow(buyers.map((b) => b.aov));
  for (const b of buyers) {
    b.r = 1 + Math.floor((scale * recencyAbove(-b.recency)) / n);
    b.f = 1 + Math.floor((scale * ordersBelow(b.orders)) / n);
    b.m = 1 + Math.floor((scale * revenueBelow(b.revenue)) / n);
    b.value = 0.3 * (aovBelow(b.aov) / n) + 0.3 * (ordersBelow(b.orders) / n) + 0.4 * (revenueBelow(b.revenue) / n);
  }
  const ranked = [...buyers].sort((a, b) => b.value - a.value || b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  ranked.forEach((b, i) => { b.tier = i < Math.ceil(0.2 * n) ? 'High' : i < Math.ceil(0.5 * n) ? 'Medium' : 'Low'; });
  const grid = {
    5: ['New Customers', 'Potential Loyalists', 'Potential Loyalists', 'Champions', 'Champions'],
    4: ['Promising', 'Potential Loyalists', 'Potential Loyalists', 'Loyal Customers', 'Loyal Customers'],
    3: ['About To Sleep', 'About To Sleep', 'Need Attention', 'Loyal Customers', 'Loyal Customers'],
    2: ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
    1: ['Lost', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  };
  const to5 = (x) => Math.round(((x - 0.5) / scale) * 5 + 0.5);
  for (const b of buyers) b.segment = grid[to5(b.r)][to5(b.f) - 1];
  // S5.4: A = max(90, 2 × median gap between consecutive paid orders of a customer).
  const gaps = [];
  for (const c of byCustomer.values()) {
    const d = [...c.paidDays].sort((a, b) => a - b);
    for (let i = 1; i < d.length; i++) gaps.push(d[i] - d[i - 1]);
  }
  gaps.sort((a, b) => a - b);
  const median = gaps.length === 0 ? null
    : gaps.length % 2 ? gaps[(gaps.length - 1) / 2] : (gaps[gaps.length / 2 - 1] + gaps[gaps.length / 2]) / 2;
  const window = median === null ? 90 : Math.max(90, 2 * median);
  for (const b of buyers) {
    const cats = [...(byCustomer.get(b.id).categories ?? new Map()).entries()];
    cats.sort(([a, x], [c, y]) => y.n - x.n || y.revenue - x.revenue || categoryOrder.get(a) - categoryOrder.get(c));
    b.favorite = cats[0]?.[0] ?? '';
    const first = byCustomer.get(b.id).first;
    b.stage = asOfDay - first <= 90 ? 'New' : b.recency <= window ? 'Active' : b.recency <= 2 * window ? 'At risk' : 'Churned';
  }
  return { asOfDay, window, customers: byCustomer, buyers: new Map(buyers.map((b) => [b.id, b])) };
}

/** The exported `row` of buyer `b` (from reference()) has b's orders, revenue, recency, RFM scores, segment and tier. */
export function assertBuyerLabels(row, b) {
  assert.equal(Number(row.orders), b.orders, `orders of ${row.customer_id}`);
  assert.ok(Math.abs(Number(row.revenue) - b.revenue) < 0.006, `revenue of ${row.customer_id}`);
  assert.equal(Number(row.recency_days), b.recency, `recency of ${row.customer_id}`);
  assert.deepEqual([Number(row.r_score), Number(row.f_score), Number(row.m_score)], [b.r, b.f, b.m], `RFM of ${row.customer_id}`);
  assert.equal(row.rfm_segment, b.segment, `segment of ${row.customer_id}`);
  assert.equal(row.value_tier, b.tier, `tier of ${row.customer_id}`);
}

/** S5.3 default levels: points from the customers file where given, else revenue × 1. */
export function memberLevel(points) {
  return points >= 20000 ? 'Diamond' : points >= 5000 ? 'Gold' : points >= 1000 ? 'Silver' : 'Bronze';
}

const REFUNDED = new Set(['refunded', 'returned', '已退款', '退货']);
const median = (values) => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const bump = (map, key, add) => {
  const row = map.get(key) ?? {};
  for (const [k, v] of Object.entries(add)) row[k] = (row[k] ?? 0) + v;
  map.set(key, row);
};

/**
 * What the dashboard pages show, from the uploaded files alone (docs/product.md#analyses-and-charts):
 * `orders` and `customers` as parsed rows (customers may be []), `ref` the result of reference()
 * on the same orders. Every customer of either file counts; names are the English export labels.
 */
export function summarize(orders, customers, ref = reference(orders)) {
  const profile = new Map(customers.map((c) => [c.customer_id, c]));
  const ids = new Set([...customers.map((c) => c.customer_id), ...orders.map((o) => o.customer_id)]);
  const refunded = new Map();
  orders.forEach((o) => {
    if (toDay(o.order_date) <= ref.asOfDay && REFUNDED.has(o.status.trim().toLowerCase())) {
      refunded.set(o.customer_id, (refunded.get(o.customer_id) ?? 0) + 1);
    }
  });
  const buyers = [...ref.buyers.values()];
  const n = buyers.length;
  const revenue = buyers.reduce((a, b) => a + b.revenue, 0);
  const paidOrders = buyers.reduce((a, b) => a + b.orders, 0);
  const tiers = new Map(['High', 'Medium', 'Low', 'No purchase'].map((t) => [t, { customers: 0, revenue: 0, paid: 0, refunded: 0 }]));
  const segments = new Map();
  const stages = new Map(['Potential', 'New', 'Active', 'At risk', 'Churned'].map((s) => [s, 0]));
  const levels = new Map(['Bronze', 'Silver', 'Gold', 'Diamond'].map((l) => [l, { customers: 0, buyers: 0, revenue: 0 }]));
  const sources = new Map();
  const grid = new Map();
  const tierMix = new Map();
  const funnel = [0, 0, 0, 0, 0];
  for (const id of ids) {
    const b = ref.buyers.get(id);
    const c = profile.get(id);
    const orders = b?.orders ?? 0;
    const money = b?.revenue ?? 0;
    const tier = b ? b.tier : 'No purchase';
    bump(tiers, tier, { customers: 1, revenue: money, paid: orders, refunded: refunded.get(id) ?? 0 });
    const stage = b ? b.stage : 'Potential';
    stages.set(stage, stages.get(stage) + 1);
    const points = c && c.points !== undefined && c.points !== '' ? Number(c.points) : money;
    bump(levels, memberLevel(points), { customers: 1, buyers: b ? 1 : 0, revenue: money });
    const source = c?.source?.trim() || 'Unknown';
    bump(sources, source, { customers: 1, buyers: b ? 1 : 0, revenue: money, orders, repeaters: orders >= 2 ? 1 : 0 });
    if (!tierMix.has(source)) tierMix.set(source, new Map());
    tierMix.get(source).set(tier, (tierMix.get(source).get(tier) ?? 0) + 1);
    const active = stage === 'New' || stage === 'Active';
    [true, orders >= 1, orders >= 2, orders >= 3, orders >= 3 && active].forEach((reached, i) => { if (reached) funnel[i] += 1; });
    if (!b) continue;
    bump(segments, b.segment, { customers: 1, revenue: money, recency: b.recency, orders });
    bump(grid, `${b.r},${b.f}`, { buyers: 1, revenue: money });
  }
  const second = [];
  const gaps = [];
  for (const b of buyers) {
    const days = [...ref.customers.get(b.id).paidDays].sort((x, y) => x - y);
    if (days.length >= 2) second.push(days[1] - days[0]);
    for (let i = 1; i < days.length; i++) gaps.push(days[i] - days[i - 1]);
  }
  const repeaters = buyers.filter((b) => b.orders >= 2).length;
  // The spend model's sample (BG/NBD conventions: orders of one day are one purchase, the first
  // day is no repeat): buyers with paid orders on two or more days and spend after the first day.
  const paidByDay = new Map();
  orders.forEach((o) => {
    const day = toDay(o.order_date);
    if (day > ref.asOfDay || !PAID.has(o.status.trim().toLowerCase())) return;
    const days = paidByDay.get(o.customer_id) ?? new Map();
    paidByDay.set(o.customer_id, days.set(day, (days.get(day) ?? 0) + Number(o.amount)));
  });
  const spendSample = [...paidByDay.values()].filter((days) => {
    const first = Math.min(...days.keys());
    return days.size >= 2 && [...days].some(([day, amount]) => day !== first && amount > 0);
  }).length;
  const top = [...buyers].sort((a, b) => b.revenue - a.revenue).slice(0, Math.ceil(0.2 * n));
  const refundedOrders = [...refunded.values()].reduce((a, b) => a + b, 0);
  return {
    customers: ids.size,
    buyers: n,
    paidOrders,
    revenue,
    aov: paidOrders ? revenue / paidOrders : 0,
    repeatBuyers: repeaters,
    repeatRate: n ? repeaters / n : 0,
    spendSample,
    activeShare: n ? (stages.get('New') + stages.get('Active')) / n : 0,
    topRevenueShare: revenue ? top.reduce((a, b) => a + b.revenue, 0) / revenue : 0,
    refundedOrders,
    refundRate: paidOrders + refundedOrders ? refundedOrders / (paidOrders + refundedOrders) : 0,
    tiers,
    segments,
    stages,
    levels,
    sources,
    tierMix,
    grid,
    funnel,
    medianDaysToSecond: median(second),
    medianGap: median(gaps),
  };
}
