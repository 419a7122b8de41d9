// An independent computation of docs/product.md#settings, docs/product.md#rfm-scores-and-segments–S5.4 from a plain orders
// file, to check the app's export against. Written from the spec's words,
// sharing no code with the Rust engine.

const DAY = 86_400_000;
const PAID = new Set(['paid', 'completed', '已付款', '交易成功']);
const toDay = (s) => Math.floor(Date.parse(s.slice(0, 10) + 'T00:00:00Z') / DAY);

/** Per-customer metrics and labels for `orders` (objects with order_date, customer_id, amount, status). */
export function reference(orders, { scale = 5, asOf = null } = {}) {
  const days = orders.map((o) => toDay(o.order_date));
  const asOfDay = asOf ? toDay(asOf) : Math.max(...days) + 1;
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

/** S5.3 default levels: points from the customers file where given, else revenue × 1. */
export function memberLevel(points) {
  return points >= 20000 ? 'Diamond' : points >= 5000 ? 'Gold' : points >= 1000 ? 'Silver' : 'Bronze';
}
