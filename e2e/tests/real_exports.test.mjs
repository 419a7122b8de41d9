// Real exports through the app, as a new user drops them (docs/product.md#real-exports, issue 12
// must-deliver 10): for every family of crates/ingest/tests/fixtures/real (a directory with an
// expected.json), upload its files through the file input, click only Analyse, and compare
// buyers, paid orders, revenue and the first/last paid order date with the manifest, whose
// figures come from the generating scripts' ground truth (fixtures/real/make/*.py).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, waitForAnyState as waitForAny } from '../lib/browser.mjs';
import { upload, startAnalysis, exportAnalysis, exportCustomers, openTab } from '../lib/app.mjs';
import { records } from '../lib/csv.mjs';

const REAL = process.env.REAL_FIXTURES
  ?? new URL('../../crates/ingest/tests/fixtures/real', import.meta.url).pathname;

const families = readdirSync(REAL, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(REAL, d.name, 'expected.json')))
  .map((d) => d.name)
  .sort();

let env;
before(async () => { env = await start(); mkdirSync(new URL('../artifacts/', import.meta.url).pathname, { recursive: true }); });
after(async () => { await env?.close(); });

const cents = (x) => Math.round(Number(x) * 100);

test('there are real-export families to check', () => {
  assert.ok(families.length > 0, `no family with an expected.json under ${REAL}`);
});

for (const family of families) {
  const dir = join(REAL, family);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  // A manifest's known_gap names what the app does not read right yet (reported, not hidden).
  test(`real export "${family}" reads right with only Analyse clicked`, { skip: expected.known_gap }, async () => {
    const { page, context } = await openPage(env, '?lang=en');
    try {
      await waitForAny(page, ['idle']);
      const mapped = await upload(page, expected.files.map((f) => join(dir, f)), { until: ['mapping', 'error'] });
      if (expected.not_orders) {
        // Not a customer table: the mapping step says what the file looks like (a survey or a
        // review export: its tool and questions, each with its kind), and Analyse alone ends in one sentence
        // instead of a dashboard of zeros.
        if (expected.survey) {
          const sentence = await page.textContent('[data-testid=file-sentence]');
          assert.ok(sentence.includes(expected.survey.tool), `${family}: ${sentence}`);
          const kinds = await page.locator('[data-testid=question-kind]').evaluateAll((s) => s.map((x) => x.value));
          assert.deepEqual(kinds, expected.survey.questions.map((q) => q[1]), `${family}: question kinds`);
        } else if (expected.reviews) {
          // A review export: its texts as free text and its stars as the one rating.
          const sentence = await page.textContent('[data-testid=file-sentence]');
          assert.ok(sentence.includes(expected.reviews.tool), `${family}: ${sentence}`);
          const kinds = await page.locator('[data-testid=question-kind]').evaluateAll((s) => s.map((x) => x.value));
          assert.equal(kinds.filter((k) => k === 'rating').length, 1, `${family}: ${kinds}`);
          assert.equal(kinds.filter((k) => k === 'free_text').length, expected.reviews.texts.length, `${family}: ${kinds}`);
        } else {
          const finding = await page.textContent('[data-testid=file-finding]');
          assert.ok(finding && finding.length > 20, `${family}: no finding on the mapping step`);
        }
        await startAnalysis(page);
        const refused = await waitForAny(page, ['ready', 'error']);
        assert.equal(refused.state, 'error', `${family}: analysed although it holds no orders`);
        assert.match(refused.text, /orders/i);
        return;
      }
      const nothing = expected.paid_orders === 0 && expected.buyers === 0;
      if (mapped.state === 'error') {
        // A file set with no buyers may rightly be refused with a sentence; anything else is a failure.
        assert.ok(nothing, `${family}: refused at the mapping step: ${mapped.text}`);
        assert.ok(mapped.text.trim().length > 0, `${family}: refused without a message`);
        return;
      }
      // A family with buyers reads right with defaults, so no required role may be marked
      // missing (Olist's orders get their amounts from the payments file).
      if (!nothing) {
        const missing = await page.locator('tr.row-missing').allTextContents();
        assert.deepEqual(missing, [], `${family}: marked missing although the read needs nothing more`);
      }
      await startAnalysis(page);
      const done = await waitForAny(page, ['ready', 'error']);
      if (done.state === 'error') {
        assert.ok(nothing, `${family}: analysis failed: ${done.text}`);
        assert.ok(done.text.trim().length > 0, `${family}: failed without a message`);
        return;
      }
      const analysis = await exportAnalysis(page);
      const customers = await exportCustomers(page);
      const firsts = customers.map((c) => c.first_order_date).filter(Boolean).sort();
      const lasts = customers.map((c) => c.last_order_date).filter(Boolean).sort();
      const got = {
        buyers: analysis.kpis.buyers,
        paid_orders: analysis.kpis.paid_orders,
        revenue_cents: cents(analysis.kpis.revenue),
        first_order: firsts[0] ?? null,
        last_order: lasts.at(-1) ?? null,
      };
      const want = {
        buyers: expected.buyers,
        paid_orders: expected.paid_orders,
        revenue_cents: expected.revenue_cents,
        first_order: expected.first_order ?? null,
        last_order: expected.last_order ?? null,
      };
      const wrong = Object.keys(want)
        .filter((k) => got[k] !== want[k])
        .map((k) => `  ${k}: expected ${want[k]}, got ${got[k]}`);
      assert.deepEqual(wrong, [], `${family} (${expected.files.join(', ')}):\n${wrong.join('\n')}`);
    } finally {
      await context.close();
    }
  });
}

// The mapping step says what it understood: per file a sentence, the evidence per column and,
// for year-last dates, the day/month decision and its reason (issue 12 "Done when").
for (const family of ['cn-header-only-gbk', 'uci-online-retail', 'olist']) {
  for (const lang of ['en', 'zh']) {
    test(`mapping step of "${family}" shows its evidence in ${lang}`, async () => {
      const dir = join(REAL, family);
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
      const { page, context } = await openPage(env, `?lang=${lang}`);
      try {
        await waitForAny(page, ['idle']);
        await upload(page, expected.files.map((f) => join(dir, f)), { until: ['mapping'] });
        const sentences = await page.locator('[data-testid=file-sentence]').allTextContents();
        assert.equal(sentences.length, expected.files.length, 'one sentence per file');
        for (const s of sentences) assert.ok(s.length > 5, `sentence: ${s}`);
        const evidence = await page.locator('td.evidence').allTextContents();
        assert.ok(evidence.some((e) => /\d+ %/.test(e)), `evidence shown: ${evidence.join(' | ')}`);
        if (family === 'uci-online-retail') {
          const reason = await page.textContent('[data-testid=date-order-reason]');
          assert.match(reason, lang === 'en' ? /month first/i : /月/, reason);
        }
        if (family === 'cn-header-only-gbk') {
          assert.equal(await page.inputValue('[data-testid=encoding-select]'), 'GBK');
        }
        await page.screenshot({ path: new URL(`../artifacts/mapping-${family}-${lang}.png`, import.meta.url).pathname, fullPage: true });
      } finally {
        await context.close();
      }
    });
  }
}

// The data-quality page accounts for refund rows: a Square transactions export's Refund rows
// are folded into the payments they refund, and the page counts them (counted here from the file).
test('the quality page counts the refund rows folded into their payments', async () => {
  const dir = join(REAL, 'square-transactions');
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  const rows = records(readFileSync(join(dir, expected.files[0]), 'utf8'));
  const refundRows = rows.filter((r) => r['Event Type'] === 'Refund').length;
  assert.ok(refundRows > 0, 'the fixture holds refund rows');
  for (const lang of ['en', 'zh']) {
    const { page, context } = await openPage(env, `?lang=${lang}`);
    try {
      await waitForAny(page, ['idle']);
      await upload(page, expected.files.map((f) => join(dir, f)));
      await openTab(page, 'quality');
      const shown = await page.textContent('[data-testid=quality-refund-rows] b');
      assert.equal(Number(shown.replace(/,/g, '')), refundRows, `refund rows shown (${lang})`);
      await page.screenshot({ path: new URL(`../artifacts/quality-square-${lang}.png`, import.meta.url).pathname, fullPage: true });
    } finally {
      await context.close();
    }
  }
});
