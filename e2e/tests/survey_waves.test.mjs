// NPS between two survey waves (docs/product.md#surveys-and-feedback): two Google Forms exports
// written here — a July wave (read first) and a June wave — answered by customers of the plain
// shop by e-mail, some in one wave only. The Survey page's move table counts each customer who
// answered both once, in the cell of their June and July groups, as this test counts; the
// detractors who became promoters open as a list holding exactly them — in English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { upload, openTab, exportSelection } from '../lib/app.mjs';
import { num, waitForCustomerCount } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const group = (s) => (s >= 9 ? 'Promoter' : s >= 7 ? 'Passive' : 'Detractor');

/** Writes one wave; `answers` holds [customer, e-mail, score]. */
function writeWave(name, month, answers) {
  const lines = ['Timestamp,Email Address,How likely are you to recommend us to a friend?,What could we do better?'];
  answers.forEach(([, email, score], i) => lines.push(`${month}/${1 + (i % 27)}/2024 10:${String(i % 60).padStart(2, '0')}:00,${email},${score},`));
  const dir = join(DATA, 'waves');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

test('NPS moves between two waves: counts and the movers list match the test', async () => {
  const customers = records(readFileSync(plain('customers.csv'), 'utf8')).filter((c) => c.email.includes('@'));
  const june = customers.filter((_, i) => i % 5 === 0).map((c, k) => [c.customer_id, c.email, (k * 7) % 11]);
  const july = customers.filter((_, i) => i % 5 === 0 || i % 7 === 0).map((c, k) => [c.customer_id, c.email, (k * 3 + 5) % 11]);
  const julyFile = writeWave('Wave 2 - July (Responses).csv', 7, july);
  const juneFile = writeWave('Wave 1 - June (Responses).csv', 6, june);
  const before = new Map(june.map(([c, , s]) => [c, group(s)]));
  const after = new Map(july.map(([c, , s]) => [c, group(s)]));
  const cell = (from, to) => [...before].filter(([c, g]) => g === from && after.get(c) === to).map(([c]) => c).sort();
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await upload(page, [plain('orders.csv'), plain('customers.csv'), julyFile, juneFile]);
    await openTab(page, 'survey');
    const sentence = await page.textContent('[data-testid=waves-sentence]');
    const both = [...before.keys()].filter((c) => after.has(c)).length;
    assert.ok(sentence.includes('June') && sentence.indexOf('June') < sentence.indexOf('July'), `June first: ${sentence}`);
    assert.ok(sentence.includes(String(both)), sentence);
    for (const from of ['Promoter', 'Passive', 'Detractor']) {
      for (const to of ['Promoter', 'Passive', 'Detractor']) {
        const shown = await page.textContent(`[data-testid=wave-cell][data-from=${from}][data-to=${to}] .wave-count`);
        assert.equal(num(shown), cell(from, to).length, `${from} → ${to}`);
      }
    }
    await page.screenshot({ path: ARTIFACTS + `survey-waves-${lang}.png`, fullPage: true });
    const want = cell('Detractor', 'Promoter');
    assert.ok(want.length > 0, 'some detractors became promoters');
    await page.click('[data-testid=wave-cell][data-from=Detractor][data-to=Promoter] [data-testid=wave-list]');
    await waitForCustomerCount(page, want.length);
    const selection = await exportSelection(page);
    assert.deepEqual(selection.map((r) => r.customer_id).sort(), want, `detractors who became promoters (${lang})`);
    assert.ok((await page.locator('[data-testid=filter-nps-move]').count()) === 1, 'the move filter is shown');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
