// Psychographic classes in the browser (docs/product.md#psychographic-classes): a Google Forms
// export written here, whose respondents (customers of the plain shop, by e-mail) come from three
// lifestyles this test knows, is dropped with the orders and customers. The Survey page finds three
// classes; the per-customer export puts respondents back in their lifestyle (adjusted Rand index
// computed here); each class's size and NPS equal a count made here from that export; a class
// renamed on the page is renamed in the export; and its Respondents button lists exactly its
// customers — in English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { generator } from '../lib/random.mjs';
import { upload, openTab, exportCustomers, exportSelection } from '../lib/app.mjs';
import { num, waitForCustomerCount } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const q = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const QUESTIONS = [
  ['What matters most when you shop?', ['Price', 'Quality', 'Brand', 'Eco-friendly']],
  ['How do you usually shop?', ['Online', 'In store', 'Both']],
  ['How do you spend your weekends?', ['Outdoors', 'At home', 'With friends']],
  ['How much do you agree? [I follow fashion trends]', ['1', '2', '3', '4', '5']],
  ['How much do you agree? [I compare prices before buying]', ['1', '2', '3', '4', '5']],
  ['Which social network do you use most?', ['WeChat', 'Instagram', 'TikTok', 'None']],
];
/** Each lifestyle's favoured answer to each question (an index into its options). */
const FAVOURITE = [[0, 0, 1, 0, 4, 0], [1, 1, 0, 2, 1, 1], [2, 2, 2, 4, 0, 2]];
const SHARES = [0.45, 0.35, 0.2];
const NPS_BY_CLASS = [[3, 9], [6, 10], [0, 7]];

/** Writes the export: every 4th customer with an e-mail answers; returns the file and the answers. */
function writeSurvey() {
  const random = generator(2026);
  const pick = (weights) => {
    let u = random();
    for (const [i, w] of weights.entries()) { if (u < w) return i; u -= w; }
    return weights.length - 1;
  };
  const customers = records(readFileSync(plain('customers.csv'), 'utf8')).filter((c) => c.email.includes('@'));
  const answers = [];
  customers.forEach((c, i) => {
    if (i % 4 !== 0) return;
    const lifestyle = pick(SHARES);
    const choice = QUESTIONS.map(([, options], k) => {
      const fav = FAVOURITE[lifestyle][k];
      return pick(options.map((_, o) => (o === fav ? 0.75 : 0.25 / (options.length - 1))));
    });
    const [low, high] = NPS_BY_CLASS[lifestyle];
    const nps = low + Math.floor(random() * (high - low + 1));
    const owns = ['Car', 'Pet', 'Bike'].filter((_, o) => random() < (o === lifestyle ? 0.8 : 0.15));
    const effort = 1 + Math.floor(random() * 5);
    answers.push({ customer: c.customer_id, email: c.email, lifestyle, choice, nps, owns, effort });
  });
  const header = ['Timestamp', 'Email Address', 'How likely are you to recommend us to a friend?',
    ...QUESTIONS.map(([text]) => text), 'Which of these do you own?', 'How easy was it to order from us?'];
  const lines = [header.map(q).join(',')];
  answers.forEach((a, i) => {
    const stamp = `6/${1 + (i % 28)}/2024 ${9 + (i % 10)}:${String(i % 60).padStart(2, '0')}:07`;
    const cells = [stamp, a.email, String(a.nps), ...a.choice.map((c, k) => QUESTIONS[k][1][c]), a.owns.join(', '), String(a.effort)];
    lines.push(cells.map(q).join(','));
  });
  const dir = join(DATA, 'psycho');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Lifestyle survey (Responses) - Form Responses 1.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, answers };
}

/** Adjusted Rand index of two labellings (Hubert & Arabie 1985), computed here. */
function ari(a, b) {
  const pairs = (n) => (n * (n - 1)) / 2;
  const table = new Map();
  const rows = new Map();
  const cols = new Map();
  a.forEach((x, i) => {
    const key = `${x}|${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(x, (rows.get(x) ?? 0) + 1);
    cols.set(b[i], (cols.get(b[i]) ?? 0) + 1);
  });
  const sum = (m) => [...m.values()].reduce((s, n) => s + pairs(n), 0);
  const expected = (sum(rows) * sum(cols)) / pairs(a.length);
  const most = (sum(rows) + sum(cols)) / 2;
  return (sum(table) - expected) / (most - expected);
}

/** NPS of a list of scores, computed here. */
const nps = (scores) => ((scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length) / scores.length) * 100;

test('latent classes of a lifestyle survey: found, recovered, scored, renamed and listed', async () => {
  const { file, answers } = writeSurvey();
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await upload(page, [plain('orders.csv'), plain('customers.csv'), file]);
    await openTab(page, 'survey');
    await page.waitForSelector('[data-testid=psycho-row]', { timeout: 60_000 });
    const rows = page.locator('[data-testid=psycho-row]');
    assert.equal(await rows.count(), 3, await page.textContent('[data-testid=psycho-sentence]'));
    const sentence = await page.textContent('[data-testid=psycho-sentence]');
    assert.ok(sentence.includes(String(answers.length)), sentence);
    // The effort question is scored as CES (share easy: 4–5), not taken into the classes.
    const ces = await page.textContent('[data-testid=ces-overall]');
    const easy = (answers.filter((a) => a.effort >= 4).length / answers.length) * 100;
    assert.ok(Math.abs(Number(ces.match(/\d+/)[0]) - easy) <= 0.5 + 1e-9 && ces.includes(String(answers.length)), `${ces} vs ${easy}`);

    const exported = await exportCustomers(page);
    const classOf = new Map(exported.map((r) => [r.customer_id, r.psycho_class]));
    const got = answers.map((a) => classOf.get(a.customer));
    assert.ok(got.every(Boolean), 'every respondent has a class');
    const agreement = ari(answers.map((a) => a.lifestyle), got);
    assert.ok(agreement > 0.85, `agreement with the lifestyles ${agreement}`);
    assert.equal(exported.filter((r) => r.psycho_class).length, answers.length, 'only respondents have a class');

    // Each row: its name, responses and NPS equal a count over the exported classes (the export
    // names built-in classes in English whatever the UI language).
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      const name = `Class ${i + 1}`;
      assert.equal(await row.locator('[data-testid=psycho-name]').inputValue(), lang === 'en' ? name : `第 ${i + 1} 类`);
      const members = answers.filter((a) => classOf.get(a.customer) === name);
      const cells = await row.locator('td').allTextContents();
      assert.equal(num(cells[2]), members.length, `${name}: responses`);
      assert.equal(num(cells[3]), members.length, `${name}: linked customers`);
      const shown = Number(cells[4].match(/-?\d+/)[0]);
      assert.ok(Math.abs(shown - nps(members.map((a) => a.nps))) <= 0.5 + 1e-9, `${name}: NPS ${cells[4]}`);
      assert.ok((await row.locator('[data-testid=psycho-trait]').count()) > 0, `${name} has typical answers`);
    }
    const chart = await page.locator('[data-testid=chart-class-nps] svg').innerHTML();
    assert.ok(chart.includes('<circle'), 'NPS by class drawn');
    await page.screenshot({ path: ARTIFACTS + `psycho-${lang}.png`, fullPage: true });
    await openTab(page, 'report');
    const classChart = lang === 'en' ? 'NPS by psychographic class' : '各心理特征类别的 NPS';
    await page.waitForFunction((t) => [...document.querySelectorAll('[data-testid=report-chart] svg title')].some((x) => x.textContent.startsWith(t)), classChart);
    await openTab(page, 'survey');
    await page.waitForSelector('[data-testid=psycho-row]');

    // Renaming the first class renames it in the export; its list is exactly its customers.
    const members = answers.filter((a) => classOf.get(a.customer) === 'Class 1').map((a) => a.customer).sort();
    const renamed = lang === 'en' ? 'Bargain hunters' : '精打细算';
    await rows.nth(0).locator('[data-testid=psycho-name]').fill(renamed);
    await rows.nth(0).locator('[data-testid=psycho-name]').press('Enter');
    await page.waitForFunction((want) => document.querySelector('[data-testid=psycho-name]')?.value === want, renamed);
    // The new name reaches the export once the settings change is applied.
    let renamedRows = [];
    for (let attempt = 0; attempt < 20 && renamedRows.length === 0; attempt++) {
      await page.waitForSelector('[data-testid=app-status][data-state=ready]');
      const again = await exportCustomers(page);
      renamedRows = again.filter((r) => r.psycho_class === renamed).map((r) => r.customer_id).sort();
    }
    assert.deepEqual(renamedRows, members, 'the renamed class holds the same customers');
    await rows.nth(0).locator('[data-testid=psycho-list]').click();
    await waitForCustomerCount(page, members.length);
    const selection = await exportSelection(page);
    assert.deepEqual(selection.map((r) => r.customer_id).sort(), members, `the class's list (${lang})`);
    assert.ok((await page.textContent('[data-testid=filter-class]')).includes(renamed), 'the class filter is shown');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
