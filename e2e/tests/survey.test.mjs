// Surveys in the browser (docs/product.md#surveys-and-feedback): a Qualtrics export written here
// (three header rows, an NPS group column, a preview response, respondents by e-mail, some of them
// nobody in the shop) is dropped with the plain orders and customers; the mapping step shows its
// questions, and the Survey page's NPS and CSAT by value tier and RFM segment — answers, who
// answered, the score and its 95 % interval — equal what this test computes from the survey it
// wrote and the app's own per-customer labels, in English and Chinese.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { start, openPage, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { upload, analyze, openTab, exportCustomers, exportSelection, exportAnalysis } from '../lib/app.mjs';
import { tableRows, num, waitForCustomerCount } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const Z = 1.959963984540054;
const q = (v) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Writes the survey: every 7th customer of the plain set answers, plus 12 strangers; returns the answers. */
function writeSurvey() {
  const customers = records(readFileSync(plain('customers.csv'), 'utf8'));
  const answers = [];
  customers.forEach((c, i) => {
    if (i % 7 !== 0) return;
    const k = answers.length;
    // A customer without an e-mail in the customers file cannot be linked by one.
    answers.push({ email: c.email, customer: c.email.includes('@') ? c.customer_id : null, nps: k % 13 === 5 ? null : (k * 7 + 3) % 11, sat: k % 17 === 4 ? null : 1 + ((k * 3) % 5) });
  });
  for (let s = 0; s < 12; s++) answers.push({ email: `stranger${s}@example.org`, customer: null, nps: (s * 5) % 11, sat: 1 + (s % 5) });
  const ids = ['StartDate', 'EndDate', 'Status', 'Progress', 'Duration (in seconds)', 'Finished', 'RecordedDate', 'ResponseId',
    'RecipientEmail', 'Q1_NPS_GROUP', 'Q1', 'Q2', 'Q3'];
  const texts = ['Start Date', 'End Date', 'Response Type', 'Progress', 'Duration (in seconds)', 'Finished', 'Recorded Date',
    'Response ID', 'Recipient Email', 'How likely are you to recommend us? - Group', 'How likely are you to recommend us?',
    'How satisfied are you with your last order?', 'What could we do better?'];
  const importIds = ids.map((id) => `{"ImportId":"${id === 'ResponseId' ? '_recordId' : id}"}`);
  const lines = [ids, texts, importIds].map((r) => r.map(q).join(','));
  const row = (a, i, status) => {
    const stamp = `2024-06-${String(1 + (i % 28)).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`;
    const group = a.nps === null ? '' : a.nps >= 9 ? '3' : a.nps >= 7 ? '2' : '1';
    return [stamp, stamp, status, '100', '90', '1', stamp, `R_${i}`, a.email, group, a.nps ?? '', a.sat ?? '', ['', 'Faster delivery, please', 'The box was damaged.', 'More tea flavours!'][i % 4]].map((v) => q(String(v))).join(',');
  };
  answers.forEach((a, i) => lines.push(row(a, i, '0')));
  lines.push(row({ email: 'author@example.com', nps: 10, sat: 5 }, 9999, '1'));
  const dir = join(DATA, 'survey');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'Customer_Feedback_June.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return { file, answers };
}

/** NPS with the adjusted-Wald interval (Rocks 2016), computed here from counts. */
function nps(scores) {
  const n = scores.length;
  const p = scores.filter((s) => s >= 9).length;
  const d = scores.filter((s) => s <= 6).length;
  const m = n + 3;
  const pa = (p + 0.75) / m;
  const da = (d + 0.75) / m;
  const half = Z * Math.sqrt((pa + da - (pa - da) ** 2) / m);
  return { n, value: n ? ((p - d) / n) * 100 : NaN, low: Math.max(-1, pa - da - half) * 100, high: Math.min(1, pa - da + half) * 100 };
}

/** Share satisfied (4–5) with the Agresti–Coull interval. */
function csat(scores) {
  const n = scores.length;
  const x = scores.filter((s) => s >= 4).length;
  const m = n + Z * Z;
  const p = (x + (Z * Z) / 2) / m;
  const half = Z * Math.sqrt((p * (1 - p)) / m);
  return { n, value: n ? (x / n) * 100 : NaN, low: Math.max(0, p - half) * 100, high: Math.min(1, p + half) * 100 };
}

const TIERS = ['High', 'Medium', 'Low', 'No purchase'];
const segmentId = (name) => name.replace(/[ ']/g, '');

/** The survey table's rows by `data-group`: NPS and CSAT with their answers and intervals as printed. */
async function surveyTable(page) {
  const groups = await page.locator('[data-testid=survey-row]').evaluateAll((rows) => rows.map((r) => r.dataset.group));
  const cells = await tableRows(page, '[data-testid=survey-row]');
  return new Map(groups.map((g, i) => {
    const [, customers, respondents, , npsAnswers, npsValue, npsInterval, csatAnswers, csatValue, csatInterval] = cells[i];
    const range = (t) => t.split('–').map((x) => num(x));
    return [g, {
      customers: num(customers), respondents: num(respondents), npsAnswers: num(npsAnswers), nps: num(npsValue), npsRange: range(npsInterval),
      csatAnswers: num(csatAnswers), csat: num(csatValue), csatRange: range(csatInterval),
    }];
  }));
}

// `respondents`: distinct customers with an NPS answer (the table's "who answered" is the NPS question's).
function assertGroup(got, scoresNps, scoresSat, respondents, label) {
  const a = nps(scoresNps);
  const b = csat(scoresSat);
  assert.ok(got, `${label}: row`);
  assert.equal(got.respondents, respondents, `${label}: who answered`);
  assert.equal(got.npsAnswers, a.n, `${label}: NPS answers`);
  assert.equal(got.csatAnswers, b.n, `${label}: CSAT answers`);
  // The page prints whole points: each figure within half a point of the one computed here.
  const near = (shown, exact, what) => assert.ok(Math.abs(shown - exact) <= 0.5 + 1e-9, `${label}: ${what} ${shown} vs ${exact}`);
  if (a.n > 0) {
    near(got.nps, a.value, 'NPS');
    near(got.npsRange[0], a.low, 'NPS low');
    near(got.npsRange[1], a.high, 'NPS high');
  }
  if (b.n > 0) {
    near(got.csat, b.value, 'CSAT');
    near(got.csatRange[0], b.low, 'CSAT low');
    near(got.csatRange[1], b.high, 'CSAT high');
  }
}

test('a Qualtrics survey with the orders gives NPS and CSAT by tier and segment as computed here', async () => {
  const { file, answers } = writeSurvey();
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await upload(page, [plain('orders.csv'), plain('customers.csv'), file], { until: 'mapping' });
    const questions = await page.locator('[data-testid=mapping-question]').count();
    assert.equal(questions, 3, 'NPS, satisfaction and the comment are questions; ids, dates and the NPS group are not');
    const kinds = await page.locator('[data-testid=question-kind]').evaluateAll((s) => s.map((x) => x.value));
    assert.deepEqual(kinds, ['nps', 'rating', 'free_text']);
    await page.screenshot({ path: ARTIFACTS + `survey-mapping-${lang}.png`, fullPage: true });
    await analyze(page);
    const exported = await exportCustomers(page);
    const label = new Map(exported.map((r) => [r.customer_id, r]));
    await openTab(page, 'survey');
    const headline = await page.textContent('[data-testid=survey-headline]');
    const linked = answers.filter((a) => a.customer).length;
    assert.ok(headline.includes(String(answers.length)) && headline.includes(String(linked)), headline);
    const overall = nps(answers.filter((a) => a.nps !== null).map((a) => a.nps));
    const overallText = await page.textContent('[data-testid=nps-overall]');
    const shown = Number(overallText.match(/-?\d+/)[0]);
    assert.ok(Math.abs(shown - overall.value) <= 0.5 + 1e-9 && overallText.includes(String(overall.n)), overallText);

    // By value tier: the app's own labels, the survey's answers.
    let table = await surveyTable(page);
    for (const [i, tier] of TIERS.entries()) {
      const people = answers.filter((a) => a.customer && label.get(a.customer)?.value_tier === tier);
      assertGroup(table.get(`tier-${i}`), people.filter((a) => a.nps !== null).map((a) => a.nps),
        people.filter((a) => a.sat !== null).map((a) => a.sat), new Set(people.filter((a) => a.nps !== null).map((a) => a.customer)).size, `${tier} (${lang})`);
      const customers = exported.filter((r) => r.value_tier === tier).length;
      assert.equal(table.get(`tier-${i}`).customers, customers, `${tier}: customers`);
    }
    await page.screenshot({ path: ARTIFACTS + `survey-${lang}.png`, fullPage: true });
    // The analysis JSON's survey block: the same figures under the schemes' English names.
    const block = (await exportAnalysis(page)).survey;
    assert.equal(block.responses, answers.length);
    assert.equal(block.matched, linked);
    assert.equal(block.nps.overall.n, overall.n);
    assert.ok(Math.abs(block.nps.overall.nps - overall.value) < 1e-9, `${block.nps.overall.nps} vs ${overall.value}`);
    for (const tier of TIERS) {
      const scores = answers.filter((a) => a.customer && a.nps !== null && label.get(a.customer)?.value_tier === tier).map((a) => a.nps);
      const want = nps(scores);
      const got = block.nps.by.value_tier[tier];
      assert.equal(got?.n ?? 0, want.n, `JSON ${tier}: n`);
      if (want.n) assert.ok(Math.abs(got.low - want.low) < 1e-9 && Math.abs(got.high - want.high) < 1e-9, `JSON ${tier}: interval`);
    }
    // Every customer export carries the latest NPS answer and its group.
    for (const a of answers.filter((x) => x.customer)) {
      const row = label.get(a.customer);
      assert.equal(row.nps_score, a.nps === null ? '' : String(a.nps), `nps_score of ${a.customer}`);
      assert.equal(row.nps_group, a.nps === null ? '' : a.nps >= 9 ? 'Promoter' : a.nps >= 7 ? 'Passive' : 'Detractor');
      assert.equal(row.csat, a.sat === null ? '' : String(a.sat), `csat of ${a.customer}`);
    }
    // The High tier's detractors open in the explorer and export as that list.
    await page.click('[data-testid=survey-row][data-group=tier-0] [data-testid=show-detractors]');
    await page.waitForSelector('[data-testid=filter-nps-detractor][aria-pressed=true]');
    const want = answers.filter((a) => a.customer && a.nps !== null && a.nps <= 6 && label.get(a.customer).value_tier === 'High').map((a) => a.customer);
    await waitForCustomerCount(page, want.length);
    const selection = await exportSelection(page);
    assert.deepEqual(selection.map((r) => r.customer_id).sort(), [...want].sort(), `High detractors (${lang})`);
    assert.ok(selection.every((r) => r.nps_group === 'Detractor' && r.value_tier === 'High'));
    await page.screenshot({ path: ARTIFACTS + `survey-detractors-${lang}.png` });
    await openTab(page, 'survey');
    // By RFM segment.
    await page.selectOption('[data-testid=survey-dimension]', 'segment');
    await page.waitForSelector('[data-testid=survey-row][data-group^=segment-]');
    table = await surveyTable(page);
    const segments = [...new Set(exported.map((r) => r.rfm_segment).filter(Boolean))];
    assert.ok(segments.length >= 5);
    for (const segment of segments) {
      const people = answers.filter((a) => a.customer && label.get(a.customer)?.rfm_segment === segment);
      assertGroup(table.get(`segment-${segmentId(segment)}`), people.filter((a) => a.nps !== null).map((a) => a.nps),
        people.filter((a) => a.sat !== null).map((a) => a.sat), new Set(people.filter((a) => a.nps !== null).map((a) => a.customer)).size, `${segment} (${lang})`);
    }
    const small = await page.locator('[data-testid=survey-row].small-group, [data-testid=survey-row].tiny-group').count();
    assert.ok(small > 0, 'small groups are flagged');
    const chart = await page.locator('[data-testid=chart-nps] svg').innerHTML();
    assert.ok(chart.includes('<circle') && !chart.includes('??'), 'NPS chart drawn');
    await page.screenshot({ path: ARTIFACTS + `survey-segments-${lang}.png`, fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('without a survey the page says how to add one', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await upload(page, [plain('orders.csv')]);
  await openTab(page, 'survey');
  assert.ok((await page.textContent('[data-testid=survey-empty]')).includes('Qualtrics'));
  assert.deepEqual(errors, []);
  await context.close();
});
