// Client-ready (docs/product.md#pages, #report): the demo fills every page with numbers checked
// against an independent reading of its files, settings edits that behave (tier count, a typed
// as-of date, a date outside the orders), layout at two screen sizes in both languages, one
// meaning per label, matrix charts that name every row and column, model internals kept under
// Details, wrong inputs refused with a sentence, discarding asks first, the tablist works by
// keyboard, and the report's first page printed to A4 and looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { start, openPage, waitForState, DIST, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { reference } from '../lib/reference.mjs';
import { upload, loadDemo, openTab, setSetting, exportCustomers, memoryFile, countBy, statusText } from '../lib/app.mjs';
import { chartMarks, tierTable, num, digits } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

/** Every dashboard tab, in display order. */
const TABS = ['overview', 'tiers', 'rfm', 'membership', 'lifecycle', 'sources', 'leads', 'engagement', 'interest',
  'demographics', 'clusters', 'clv', 'segments', 'migration', 'repeat', 'after-sales', 'survey', 'feedback', 'customers',
  'quality', 'report', 'settings'];
const demoFile = (name) => join(DIST, 'demo', name);
const sum = (values) => values.reduce((a, b) => a + b, 0);
const barValues = async (page, chart) => (await chartMarks(page, chart)).filter((m) => Number.isFinite(m.n)).map((m) => m.n);
const focusedTestid = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

test('after the demo every page opens with its sentence and shows numbers from the demo files', async () => {
  const orders = records(readFileSync(demoFile('orders.csv'), 'utf8'));
  const events = records(readFileSync(demoFile('events.csv'), 'utf8'));
  const truth = JSON.parse(readFileSync(demoFile('truth.json'), 'utf8'));
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await loadDemo(page);
    const exported = await exportCustomers(page);
    assert.equal(exported.length, truth.customers, 'every customer of the demo');
    const intros = new Set();
    for (const tab of TABS) {
      await openTab(page, tab);
      const intro = (await page.textContent('[data-testid=page-intro]')).trim();
      assert.ok(intro.length > 20, `${tab} opens with a sentence (${lang})`);
      if (lang === 'zh') assert.match(intro, /[\u4e00-\u9fff]/, `${tab} sentence in Chinese`);
      intros.add(intro);
    }
    assert.equal(intros.size, TABS.length, `each page has its own sentence (${lang})`);
    // The demo's survey and reviews (generator-made, truth.json's feedback): responses, NPS,
    // the three lifestyles found again as classes, and every comment's themes.
    const fb = truth.feedback;
    await openTab(page, 'survey');
    const surveyHeadline = await page.textContent('[data-testid=survey-headline]');
    assert.ok(surveyHeadline.includes(String(fb.survey_responses)) && surveyHeadline.includes(String(fb.survey_linked)), surveyHeadline);
    const npsText = await page.textContent('[data-testid=nps-overall]');
    const npsValue = ((fb.nps[1] - fb.nps[2]) / fb.nps[0]) * 100;
    assert.ok(Math.abs(Number(npsText.match(/-?\d+/)[0]) - npsValue) <= 0.5 + 1e-9, `${npsText} vs ${npsValue}`);
    await page.waitForSelector('[data-testid=psycho-row]', { timeout: 60_000 });
    assert.equal(await page.locator('[data-testid=psycho-row]').count(), fb.lifestyles.length, 'the lifestyles found again');
    await openTab(page, 'feedback');
    const feedbackHeadline = await page.textContent('[data-testid=feedback-headline]');
    assert.ok(feedbackHeadline.includes(String(fb.comments)), feedbackHeadline);
    const themeRows = await page.locator('[data-testid=feedback-row]').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
    const themeNames = ['Delivery', 'Service', 'Quality', 'Price', 'Size', 'Packaging', 'After-sales'];
    themeNames.forEach((name, i) => assert.equal(Number(themeRows[i][1].replace(/[^0-9]/g, '')), fb.theme_mentions[name] ?? 0, `${name} mentions (${lang})`));
    // The pages the demo used to leave empty: leads, engagement, interest, custom segments.
    await openTab(page, 'leads');
    const leads = await barValues(page, 'chart-leads');
    assert.equal(sum(leads), truth.customers, `every customer has a lead stage (${lang})`);
    const buyers = exported.filter((r) => r.orders !== '0' && r.orders !== '').length;
    assert.equal(leads.at(-1), buyers, `Purchased are the buyers (${lang})`);
    assert.ok(leads.slice(0, -1).some((n) => n > 0), 'some non-buyers reached a lead stage');
    await openTab(page, 'engagement');
    assert.equal(await page.locator('[data-testid=events-empty]').count(), 0, 'events are loaded');
    const engagement = await barValues(page, 'chart-engagement');
    assert.deepEqual(engagement, ['Active', 'Silent', 'Dormant'].map((l) => countBy(exported, 'engagement').get(l) ?? 0));
    const eventKinds = await barValues(page, 'chart-event-kinds');
    assert.equal(sum(eventKinds), events.length, `every event of events.csv is counted (${lang})`);
    await openTab(page, 'interest');
    assert.ok(sum(await barValues(page, 'chart-interest')) > 0, 'favourite categories');
    // Custom segments start from three examples, counted live: checked against the export.
    await openTab(page, 'segments');
    await page.click('[data-testid=rule-examples]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=rule-count]')].filter((e) => /\d/.test(e.textContent)).length === 3);
    const counted = (await page.locator('[data-testid=rule-count]').allTextContents()).map(digits);
    const bought = exported.filter((r) => r.orders !== '' && r.orders !== '0');
    assert.deepEqual(counted, [
      bought.filter((r) => ['At Risk', "Can't Lose Them"].includes(r.rfm_segment) && Number(r.m_score) >= 4).length,
      bought.filter((r) => Number(r.orders) === 1 && Number(r.recency_days) <= 90).length,
      bought.filter((r) => Number(r.orders) >= 5 && Number(r.recency_days) <= 60).length,
    ], `example segments counted (${lang})`);
    assert.ok(counted.every((n) => n > 0), 'each example holds customers of the demo');
    // Paid orders in the file against the KPI.
    await openTab(page, 'overview');
    const paid = orders.filter((o) => ['paid', 'completed'].includes(o.status.trim().toLowerCase())).length;
    assert.equal(paid, truth.paid_orders, 'the reading of the file agrees with the generator');
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('the number of value tiers goes 3 → 4 and back, and the tiers follow', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await loadDemo(page);
  await openTab(page, 'settings');
  await page.selectOption('[data-testid=setting-tier-count]', '4');
  await waitForState(page, 'ready');
  assert.equal(await page.locator('[data-testid=settings-error]').count(), 0, 'no error');
  assert.equal(await page.inputValue('[data-testid=setting-tier-cutoffs]'), '0.1, 0.3, 0.6');
  assert.equal(await page.inputValue('[data-testid=setting-tier-names]'), 'Top, High, Medium, Low');
  const exported = await exportCustomers(page);
  const buyers = exported.filter((r) => r.value_tier !== 'No purchase').length;
  await openTab(page, 'tiers');
  const rows = await tierTable(page);
  assert.deepEqual(rows.map((r) => r.name), ['Top', 'High', 'Medium', 'Low', 'No purchase']);
  // Cumulative shares ⌈0.1 n⌉, ⌈0.3 n⌉, ⌈0.6 n⌉ of the buyers.
  const ends = [0.1, 0.3, 0.6].map((c) => Math.ceil(c * buyers));
  assert.deepEqual(rows.slice(0, 4).map((r) => r.customers), [ends[0], ends[1] - ends[0], ends[2] - ends[1], buyers - ends[2]]);
  assert.deepEqual([...countBy(exported, 'value_tier').keys()].sort(), ['High', 'Low', 'Medium', 'No purchase', 'Top']);
  await openTab(page, 'settings');
  await page.selectOption('[data-testid=setting-tier-count]', '3');
  await waitForState(page, 'ready');
  assert.equal(await page.inputValue('[data-testid=setting-tier-names]'), 'High, Medium, Low');
  assert.equal(await page.inputValue('[data-testid=setting-tier-cutoffs]'), '0.2, 0.5');
  // Editing the cut-offs to another count resizes the names instead of refusing.
  await setSetting(page, 'setting-tier-cutoffs', '0.25');
  await waitForState(page, 'ready');
  assert.equal(await page.inputValue('[data-testid=setting-tier-names]'), 'High, Low');
  assert.equal(await page.inputValue('[data-testid=setting-tier-count]'), '2');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a typed as-of date applies on Enter only, keeps the focus, and a date before the orders is explained', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await loadDemo(page);
  await page.evaluate(() => {
    window.__analyses = 0;
    window.__typed = [];
    const status = document.querySelector('[data-testid=app-status]');
    new MutationObserver(() => { if (status.getAttribute('data-state') === 'analyzing') window.__analyses++; })
      .observe(status, { attributes: true, attributeFilter: ['data-state'] });
    const input = document.querySelector('[data-testid=setting-as-of]');
    input.addEventListener('change', () => window.__typed.push(input.value));
  });
  const field = page.locator('[data-testid=setting-as-of]');
  await field.focus();
  // Month, day, year as a US-English date field takes them: 0002, 0020, 0202 pass on the way.
  await page.keyboard.type('12312023', { delay: 30 });
  await page.waitForTimeout(300);
  assert.ok((await page.evaluate(() => window.__typed)).includes('0002-12-31'), 'the field changed on every digit');
  assert.equal(await page.evaluate(() => window.__analyses), 0, 'no analysis while typing');
  await page.keyboard.press('Enter');
  await waitForState(page, 'ready');
  await page.waitForFunction(() => window.__analyses === 1);
  assert.equal(await field.inputValue(), '2023-12-31');
  assert.equal(await focusedTestid(page), 'setting-as-of', 'the field keeps the focus');
  assert.equal(await page.locator('[data-testid=as-of-notice]').count(), 0, 'a date inside the orders needs no notice');
  // A date before the first order: every count is zero, and the bar says why.
  await setSetting(page, 'setting-as-of', '2020-01-01');
  await waitForState(page, 'ready');
  const notice = await page.textContent('[data-testid=as-of-notice]');
  assert.match(notice, /before the first order \(2022-07-03\)/);
  await page.click('[data-testid=setting-as-of-latest]');
  await waitForState(page, 'ready');
  assert.equal(await page.locator('[data-testid=as-of-notice]').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no page is wider than the screen, no table spills out of its card and no text is missing, at two sizes in both languages', async () => {
  for (const [width, height] of [[1280, 720], [1366, 900]]) {
    for (const lang of ['en', 'zh']) {
      const { page, context } = await openPage(env, `?lang=${lang}`);
      await page.setViewportSize({ width, height });
      await loadDemo(page);
      for (const tab of TABS) {
        await openTab(page, tab);
        if (tab === 'clusters' || tab === 'clv') await page.waitForSelector('[data-testid=cluster-row], [data-testid=clv-params], [data-testid=clusters-problem], [data-testid=clv-problem]');
        const layout = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          cards: [...document.querySelectorAll('.card')].filter((c) => c.scrollWidth > c.clientWidth + 1)
            .map((c) => c.getAttribute('data-testid') ?? c.className),
          // A label name that breaks over lines (one character per line in Chinese) has several line boxes.
          tallNames: [...document.querySelectorAll('.table td:first-child')].filter((td) => {
            const range = document.createRange();
            range.selectNodeContents(td);
            return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
          }).length,
          // A key without a text in any crate reads "??" (charts included).
          untranslated: document.getElementById('tab-panel')?.textContent.includes('??') ?? true,
        }));
        assert.ok(layout.page <= 0, `${tab} at ${width}×${height} (${lang}) is ${layout.page} px too wide`);
        assert.deepEqual(layout.cards, [], `${tab} at ${width}×${height} (${lang}): cards whose content spills`);
        assert.equal(layout.tallNames, 0, `${tab} at ${width}×${height} (${lang}): names broken over lines`);
        assert.equal(layout.untranslated, false, `${tab} (${lang}) shows an unknown text key`);
        if (width === 1280) await page.screenshot({ path: ARTIFACTS + `page-${tab}-${lang}.png` });
      }
      await context.close();
    }
  }
});

test('filter chips sit under group titles and the labels of different schemes read differently', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context } = await openPage(env, `?lang=${lang}`);
    await loadDemo(page);
    await openTab(page, 'customers');
    const groups = await page.locator('.chips[role=group]:not([hidden])').evaluateAll((els) => els.map((g) => ({
      title: g.querySelector('.chips-title')?.textContent.trim(),
      chips: [...g.querySelectorAll('.chip')].map((c) => c.textContent.trim()),
    })));
    assert.ok(groups.length >= 5, `segment, tier, stage, lead and engagement groups (${lang})`);
    const names = groups.flatMap((g) => g.chips);
    for (const g of groups) assert.ok(g.title && g.title.length > 1, `a group titled (${lang}): ${g.chips.join(', ')}`);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    assert.deepEqual(repeated, [], `one meaning per label (${lang})`);
    await context.close();
  }
});

test('matrix charts name every row and every column', async () => {
  const { page, context } = await openPage(env, '?lang=en');
  await loadDemo(page);
  await openTab(page, 'interest');
  const columns = async (testid) => page.locator(`[data-testid=${testid}] svg text[transform^="rotate(-40"]`).count();
  const categories = (await page.locator('[data-testid=chart-affinity] svg g > title').allTextContents())
    .map((t) => t.split('·')[1].split(':')[0].trim());
  const distinct = new Set(categories).size;
  const affinityColumns = await columns('chart-affinity');
  const affinityFlat = await page.locator('[data-testid=chart-affinity] svg text[text-anchor=middle]').count();
  assert.ok(affinityColumns === distinct || affinityFlat >= distinct, `all ${distinct} categories are named`);
  await openTab(page, 'migration');
  await page.waitForSelector('[data-testid=chart-migration] svg');
  // 11 segments and "No purchase": every one under its column, turned to fit.
  assert.equal(await columns('chart-migration'), 12);
  await page.screenshot({ path: ARTIFACTS + 'migration-matrix-en.png', fullPage: true });
  await context.close();
});

test('model internals and timings stay out of view until asked for', async () => {
  const { page, context } = await openPage(env, '?lang=en');
  await loadDemo(page);
  assert.equal(await page.locator('[data-testid=timings]').count(), 0, 'no timings on the overview');
  await openTab(page, 'clv');
  await page.waitForSelector('[data-testid=clv-params]');
  const visible = await page.evaluate(() => document.querySelector('[data-testid=page-clv]').innerText);
  assert.doesNotMatch(visible, /iterations|α =|log-likelihood/i, 'no fit internals on the page');
  assert.equal(await page.getAttribute('[data-testid=clv-params]', 'open'), null, 'Details closed');
  await page.click('[data-testid=clv-params] summary');
  assert.match(await page.textContent('[data-testid=fit-bgnbd]'), /r = \d/);
  await openTab(page, 'clusters');
  await page.waitForSelector('[data-testid=cluster-row]');
  assert.doesNotMatch(await page.evaluate(() => document.querySelector('[data-testid=page-clusters]').innerText), /silhouette/i);
  await openTab(page, 'interest');
  assert.equal(await page.getAttribute('[data-testid=interest-weights]', 'open'), null, 'the weights under a closed disclosure');
  assert.doesNotMatch(await page.evaluate(() => document.querySelector('[data-testid=page-interest]').innerText), /Weights:/);
  await openTab(page, 'quality');
  assert.match(await page.textContent('[data-testid=timings]'), /\d/);
  await context.close();
});

test('wrong inputs get a sentence, never a zero dashboard', async () => {
  const { page, context } = await openPage(env, '?lang=en');
  // Only an events file: no orders, so no analysis.
  const events = readFileSync(demoFile('events.csv'));
  const result = await upload(page, [memoryFile('events.csv', events)], { until: ['mapping', 'error'] });
  if (result.state === 'mapping') await page.click('[data-testid=analyze-button]');
  await waitForState(page, 'error');
  assert.match(await statusText(page), /None of these files holds orders/);
  assert.equal(await page.locator('[data-testid=page-overview]').count(), 0, 'no dashboard');
  // An SVG image: refused before the mapping step, and the page keeps its width.
  const svg = `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="10"><text>${'x'.repeat(4000)}</text></svg>\n`;
  await upload(page, [memoryFile('chart.svg', svg, 'image/svg+xml')], { until: 'error' });
  assert.match(await statusText(page), /chart\.svg.*web page or image/);
  assert.equal(await page.locator('[data-testid=analyze-button]').count(), 0, 'no mapping step');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth));
  await context.close();
});

test('a file refused at the first look, dropped before the orders, does not shift them', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>x</text></svg>\n';
  const orders = join(DATA, 'plain', 'orders.csv');
  await upload(page, [memoryFile('chart.svg', svg, 'image/svg+xml'), memoryFile('orders.csv', readFileSync(orders))], { until: 'mapping' });
  await page.click('[data-testid=analyze-button]');
  await waitForState(page, 'ready');
  const ref = reference(records(readFileSync(orders, 'utf8')));
  const exported = await exportCustomers(page);
  const buyers = exported.filter((row) => Number(row.orders) > 0);
  assert.equal(buyers.length, ref.buyers.size);
  for (const row of buyers) assert.equal(Number(row.orders), ref.buyers.get(row.customer_id)?.orders, row.customer_id);
  assert.deepEqual(errors, []);
  await context.close();
});

test('discarding an analysis asks first, and the tablist works with arrow keys', async () => {
  const { page, context } = await openPage(env, '?lang=en');
  await page.focus('[data-testid=demo-button]');
  await page.keyboard.press('Enter');
  await waitForState(page, 'ready');
  assert.equal(await focusedTestid(page), 'tab-overview', 'focus on the selected tab, not the page body');
  assert.equal(await page.getAttribute('[data-testid=tab-overview]', 'tabindex'), '0');
  assert.equal(await page.getAttribute('[data-testid=tab-tiers]', 'tabindex'), '-1');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid=page-tiers]');
  assert.equal(await focusedTestid(page), 'tab-tiers');
  assert.equal(await page.getAttribute('[data-testid=tab-tiers]', 'aria-selected'), 'true');
  await page.keyboard.press('End');
  await page.waitForSelector('[data-testid=page-settings]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('[data-testid=page-overview]');
  assert.equal(await focusedTestid(page), 'tab-overview', 'wraps around');
  assert.equal(await page.getAttribute('[role=tabpanel]', 'aria-labelledby'), 'tab-overview');
  // New analysis asks; Keep keeps everything.
  await page.click('[data-testid=new-analysis]');
  await page.waitForSelector('[data-testid=discard-confirm]');
  await page.click('[data-testid=keep-analysis]');
  assert.equal(await page.locator('[data-testid=discard-confirm]').count(), 0);
  assert.equal(await page.locator('[data-testid=page-overview]').count(), 1, 'still the analysis');
  await page.click('[data-testid=new-analysis]');
  await page.click('[data-testid=discard-analysis]');
  await waitForState(page, 'idle');
  assert.equal(await page.locator('[data-testid=demo-button]').count(), 1, 'back to the start');
  assert.doesNotMatch(await statusText(page), /cancel/i, 'not reported as cancelled');
  await context.close();
});

test('the report opens with who the customers are and the three segments that matter, and prints to A4', async () => {
  for (const lang of ['en', 'zh']) {
    const { page, context, errors } = await openPage(env, `?lang=${lang}`);
    await loadDemo(page);
    const asOf = await page.inputValue('[data-testid=setting-as-of]');
    const exported = await exportCustomers(page);
    await openTab(page, 'report');
    await page.waitForSelector('[data-testid=focus-segment]');
    const who = await page.textContent('[data-testid=report-who]');
    const buyers = exported.filter((r) => r.rfm_segment !== '');
    assert.ok(who.includes(buyers.length.toLocaleString('en-US')), `who names the buyers (${lang}): ${who}`);
    const focus = await page.locator('[data-testid=focus-segment]').evaluateAll((els) => els.map((e) => ({
      segment: e.getAttribute('data-segment'),
      customers: e.querySelector('[data-testid=focus-customers]').textContent,
      share: e.querySelector('[data-testid=focus-revenue-share]').textContent,
      trend: e.querySelector('[data-testid=focus-trend]').textContent,
    })));
    assert.equal(focus.length, 3, 'three segments');
    // Independent check: sizes and revenue shares from the export, the trend from the orders file
    // read by lib/reference.mjs 90 days earlier.
    const revenue = sum(buyers.map((r) => Number(r.revenue)));
    const earlier = new Date(Date.parse(asOf + 'T00:00:00Z') - 90 * 86_400_000).toISOString().slice(0, 10);
    const before = countBy([...reference(records(readFileSync(demoFile('orders.csv'), 'utf8')), { asOf: earlier }).buyers.values()], 'segment');
    for (const f of focus) {
      const members = buyers.filter((r) => r.rfm_segment === f.segment);
      assert.equal(digits(f.customers), members.length, `${f.segment} size (${lang})`);
      assert.ok(Math.abs(num(f.share) - 100 * sum(members.map((r) => Number(r.revenue))) / revenue) <= 0.05, `${f.segment} revenue share`);
      const then = before.get(f.segment) ?? 0;
      if (then > 0) assert.ok(f.trend.includes(then.toLocaleString('en-US')), `${f.segment} trend against ${then} then: ${f.trend}`);
    }
    // Print to A4 and look at the first two pages.
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const path = ARTIFACTS + `report-${lang}.pdf`;
    writeFileSync(path, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', path, ARTIFACTS + `report-${lang}`]);
    const pages = execFileSync('pdfinfo', [path]).toString().match(/Pages:\s+(\d+)/)[1];
    assert.ok(Number(pages) >= 3, `a first page, then the details (${pages} pages)`);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', path, '-']).toString();
    assert.ok(lang === 'zh' ? text.includes('最值得关注的三个分群') : text.includes('Three segments that matter most'), 'page one holds the priorities');
    assert.deepEqual(errors, []);
    await context.close();
  }
});
