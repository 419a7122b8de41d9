// Feedback and reviews in the browser (docs/product.md#feedback-and-reviews): a Judge.me review
// export written here — reviews by the plain shop's customers (by e-mail) and a few strangers,
// each made of phrases whose themes this test knows (some negated, so they mention nothing), with
// random stars — is dropped with the orders and customers. The Feedback page's headline, each
// theme's mentions, tones and customers, the themes by value tier in the analysis JSON, the
// customers export's themes column and a theme's list all equal what this test counts; a theme
// added to the dictionary on the page is counted too — in English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { generator } from '../lib/random.mjs';
import { upload, openTab, exportCustomers, exportSelection, exportAnalysis } from '../lib/app.mjs';
import { num, waitForCustomerCount } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const q = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** The built-in themes in dictionary order, as the page names them. */
const THEMES = ['Delivery', 'Service', 'Quality', 'Price', 'Size', 'Packaging', 'After-sales'];
const ZH_THEMES = ['物流快递', '客服', '质量', '价格优惠', '尺码', '包装', '售后退换'];
/** Phrases and the themes they mention (the last ones are negated or off-dictionary). */
const PHRASES = [
  ['Fast delivery', ['Delivery']], ['the courier lost my parcel', ['Delivery']], ['客服很耐心', ['Service']],
  ['customer service never answered', ['Service']], ['quality is great', ['Quality']], ['质量很好', ['Quality']],
  ['too expensive', ['Price']], ['价格实惠', ['Price']], ['wrong size', ['Size']], ['尺码偏小', ['Size']],
  ['包装精美', ['Packaging']], ['the box arrived damaged', ['Packaging', 'Delivery']], ['refund was quick', ['After-sales']],
  ['申请退款', ['After-sales']], ['没有破损', []], ['not damaged at all', []], ['love the tea', []], ['茶很香', []],
];

/** Writes the export: a review from every 6th customer with an e-mail, and 9 from strangers. */
function writeReviews() {
  const random = generator(77);
  const customers = records(readFileSync(plain('customers.csv'), 'utf8')).filter((c) => c.email.includes('@'));
  const people = customers.filter((_, i) => i % 6 === 0).map((c) => ({ email: c.email, customer: c.customer_id }));
  for (let s = 0; s < 9; s++) people.push({ email: `visitor${s}@example.org`, customer: null });
  const reviews = people.map((p, i) => {
    const phrases = [...new Set([0, 1, 2].slice(0, 1 + Math.floor(random() * 3)).map(() => Math.floor(random() * PHRASES.length)))];
    const stars = 1 + Math.floor(random() * 5);
    const themes = new Set(phrases.flatMap((k) => PHRASES[k][1]));
    return { ...p, stars, themes, text: phrases.map((k) => PHRASES[k][0]).join(', '), day: 1 + (i % 28) };
  });
  const header = ['title', 'body', 'rating', 'review_date', 'source', 'curated', 'reviewer_name', 'reviewer_email',
    'product_id', 'product_handle', 'reply', 'reply_date', 'picture_urls', 'ip_address', 'location', 'metaobject_handle'];
  const lines = [header.join(',')];
  reviews.forEach((r, i) => {
    const cells = ['', r.text, String(r.stars), `2024-06-${String(r.day).padStart(2, '0')} 1${i % 10}:30:00 UTC`, 'web', 'ok',
      `Reviewer ${i}`, r.email, String(7400000000 + (i % 3)), ['jasmine-tea', 'ceramic-mug', 'gift-box'][i % 3], '', '', '', '', '', ''];
    lines.push(cells.map(q).join(','));
  });
  const dir = join(DATA, 'reviews');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'judgeme_reviews_export.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, reviews };
}

const tone = (stars) => (stars >= 4 ? 'positive' : stars === 3 ? 'neutral' : 'negative');

test('reviews: themes, tones, groups, lists and an added theme match the test', async () => {
  const { file, reviews } = writeReviews();
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await upload(page, [plain('orders.csv'), plain('customers.csv'), file]);
    await openTab(page, 'feedback');
    const headline = await page.textContent('[data-testid=feedback-headline]');
    const linked = reviews.filter((r) => r.customer).length;
    assert.ok(headline.includes(String(reviews.length)) && headline.includes(String(linked)), headline);
    const negatives = reviews.filter((r) => tone(r.stars) === 'negative').length;
    assert.ok(headline.includes(String(negatives)), headline);

    // One row per theme: mentions, customers and tones as counted here.
    const rows = page.locator('[data-testid=feedback-row]');
    assert.equal(await rows.count(), THEMES.length);
    for (const [i, theme] of THEMES.entries()) {
      const cells = await rows.nth(i).locator('td').allTextContents();
      assert.equal(cells[0], lang === 'en' ? theme : ZH_THEMES[i]);
      const mentioning = reviews.filter((r) => r.themes.has(theme));
      assert.equal(num(cells[1]), mentioning.length, `${theme}: mentions`);
      assert.equal(num(cells[3]), new Set(mentioning.filter((r) => r.customer).map((r) => r.customer)).size, `${theme}: customers`);
      assert.equal(num(cells[4]), mentioning.filter((r) => tone(r.stars) === 'negative').length, `${theme}: negative`);
      assert.equal(num(cells[6]), mentioning.filter((r) => tone(r.stars) === 'positive').length, `${theme}: positive`);
    }
    assert.ok((await page.locator('[data-testid=chart-feedback-themes] svg rect').count()) > THEMES.length, 'themes chart drawn');
    assert.ok((await page.locator('[data-testid=chart-feedback-heatmap] svg rect').count()) > 0, 'heatmap drawn');
    await page.screenshot({ path: ARTIFACTS + `feedback-${lang}.png`, fullPage: true });

    // By value tier (analysis JSON) and per customer (export), against the app's own tiers.
    const exported = await exportCustomers(page);
    const byId = new Map(exported.map((r) => [r.customer_id, r]));
    const analysis = await exportAnalysis(page);
    const tiers = analysis.summary.tiers.map((t) => t.name);
    for (const group of analysis.summary.feedback.by_tier) {
      const tier = tiers[group.group.Tier];
      const people = reviews.filter((r) => r.customer && byId.get(r.customer).value_tier === tier);
      assert.equal(group.texts, people.length, `${tier}: comments`);
      THEMES.forEach((theme, t) => assert.equal(group.mentions[t], people.filter((r) => r.themes.has(theme)).length, `${tier} × ${theme}`));
    }
    for (const r of reviews.filter((x) => x.customer)) {
      const want = THEMES.filter((t) => reviews.some((x) => x.customer === r.customer && x.themes.has(t))).join('; ');
      assert.equal(byId.get(r.customer).themes, want, `themes of ${r.customer}`);
    }

    // A theme's list is exactly who mentioned it.
    const packaging = [...new Set(reviews.filter((r) => r.customer && r.themes.has('Packaging')).map((r) => r.customer))].sort();
    await rows.nth(THEMES.indexOf('Packaging')).locator('[data-testid=feedback-list]').click();
    await waitForCustomerCount(page, packaging.length);
    const selection = await exportSelection(page);
    assert.deepEqual(selection.map((r) => r.customer_id).sort(), packaging, `Packaging list (${lang})`);
    // The explorer says which theme it is filtered by; the chip clears it.
    const chip = await page.textContent('[data-testid=filter-theme]');
    assert.ok(chip.includes(lang === 'en' ? 'Packaging' : '包装'), chip);
    await page.click('[data-testid=filter-theme]');
    await waitForCustomerCount(page, exported.length);

    // A theme added on the page is counted.
    await openTab(page, 'feedback');
    await page.click('[data-testid=theme-dictionary] summary');
    const text = await page.inputValue('[data-testid=theme-text]');
    await page.fill('[data-testid=theme-text]', `${text}\nTea: tea, 茶`);
    await page.click('[data-testid=theme-apply]');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=feedback-row]').length === n, THEMES.length + 1);
    const tea = reviews.filter((r) => /tea|茶/.test(r.text)).length;
    const cells = await rows.nth(THEMES.length).locator('td').allTextContents();
    assert.equal(cells[0], 'Tea');
    assert.equal(num(cells[1]), tea, 'Tea: mentions');
    // A line without words is refused with a sentence, and the dictionary stays.
    await page.fill('[data-testid=theme-text]', `${text}\nNo words here`);
    await page.click('[data-testid=theme-apply]');
    await page.waitForFunction(() => document.querySelector('[data-testid=theme-problem]')?.textContent.length > 0);
    assert.equal(await rows.count(), THEMES.length + 1);
    // The report carries the themes and who mentions them, and the survey's scores.
    await openTab(page, 'report');
    const titles = await page.locator('[data-testid=report-chart] svg title').allTextContents();
    const want = lang === 'en' ? ['Feedback themes by tone', 'Who mentions what'] : ['反馈主题与评价倾向', '谁在提及什么'];
    for (const title of want) assert.ok(titles.some((t) => t.startsWith(title)), `report: ${title} in ${titles}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
