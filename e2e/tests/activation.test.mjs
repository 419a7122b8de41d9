// Lists for marketing tools and the campaign pack, in the browser: from the
// explorer filtered to a segment and a tier, each format downloads; its rows
// are exactly the selection's customers with the contact the tool needs, and
// the hashed files' columns equal SHA-256 of the contacts normalised here,
// by the test, from the per-customer export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { start, openPage, download, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { records } from '../lib/csv.mjs';
import { unzip } from '../lib/xlsx.mjs';
import { upload, openTab, exportCustomers, exportSelection } from '../lib/app.mjs';
import { openExplorer, waitForCustomerCount } from '../lib/pages.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
const sha = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
const email = (raw) => raw.trim().toLowerCase();
// The generator writes phones with their country code ("+86 186-3907-0247").
const phoneDigits = (raw) => raw.replace(/[^0-9]/g, '');

/** Picks `format` and the hash box, downloads the list and parses it. */
async function activation(page, format, hash) {
  await page.selectOption('[data-testid=activation-format]', format);
  const box = page.locator('[data-testid=activation-hash]');
  if (await box.isEnabled() && (await box.isChecked()) !== hash) await box.click();
  const file = await download(page, 'export-activation');
  assert.ok(!file.text.startsWith('\ufeff'), `${format}: no BOM`);
  const header = file.text.split('\n')[0].split(',');
  return { ...file, header, rows: records(file.text) };
}

test('each format downloads exactly the selection\'s reachable customers; hashes match SHA-256 of the normalised contacts', async () => {
  const { page, context, errors } = await openPage(env, '?lang=en');
  await upload(page, [plain('orders.csv'), plain('customers.csv')]);
  const everyone = await exportCustomers(page);
  const chosen = everyone.filter((r) => r.rfm_segment === 'At Risk' && r.value_tier === 'High');
  assert.ok(chosen.length > 5, `a selection to export (${chosen.length})`);
  await openExplorer(page, 'filter-segment-AtRisk', 'filter-tier-0');
  await waitForCustomerCount(page, chosen.length);
  const selection = await exportSelection(page);
  assert.deepEqual(selection.map((r) => r.customer_id).sort(), chosen.map((r) => r.customer_id).sort());

  const withEmail = chosen.filter((r) => r.email.includes('@'));
  const withKey = chosen.filter((r) => r.email.includes('@') || phoneDigits(r.phone).length >= 8);
  assert.ok(withEmail.length > 0);
  const wantEmails = withEmail.map((r) => email(r.email)).sort();
  const formats = await page.$$eval('[data-testid=activation-format] option', (os) => os.map((o) => o.value));
  assert.deepEqual(formats, ['meta', 'google', 'mailchimp', 'klaviyo', 'shopify'], 'no WeChat list without WeChat ids');

  assert.equal(await page.locator('[data-testid=activation-country-ask]').count(), 0, 'every phone has its country code');
  const meta = await activation(page, 'meta', false);
  assert.equal(meta.name, 'segscope-meta-custom-audience.csv');
  assert.deepEqual(meta.header, ['email', 'phone', 'fn', 'ln', 'ct', 'st', 'zip', 'country']);
  assert.equal(meta.rows.length, withKey.length);
  assert.deepEqual(meta.rows.map((r) => r.email).filter(Boolean).sort(), wantEmails);
  const result = await page.textContent('[data-testid=activation-result]');
  assert.ok(result.includes(String(withKey.length)) && result.includes(String(chosen.length - withKey.length)), result);

  const hashed = await activation(page, 'meta', true);
  assert.equal(hashed.name, 'segscope-meta-custom-audience-sha256.csv');
  assert.deepEqual(hashed.rows.map((r) => r.email).filter(Boolean).sort(), wantEmails.map(sha).sort());
  const wantPhones = withKey.filter((r) => r.phone).map((r) => sha(phoneDigits(r.phone))).sort();
  assert.deepEqual(hashed.rows.map((r) => r.phone).filter(Boolean).sort(), wantPhones);
  const first = chosen.find((r) => r.name.includes(' ') && r.email.includes('@'));
  if (first) {
    const row = hashed.rows.find((r) => r.email === sha(email(first.email)));
    assert.equal(row.fn, sha(first.name.split(' ')[0].toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')));
  }

  const google = await activation(page, 'google', true);
  assert.deepEqual(google.header, ['Email', 'Phone', 'First Name', 'Last Name', 'Country', 'Zip']);
  assert.equal(google.rows.length, withKey.length);
  const googlePhones = withKey.filter((r) => r.phone).map((r) => sha('+' + phoneDigits(r.phone))).sort();
  assert.deepEqual(google.rows.map((r) => r.Phone).filter(Boolean).sort(), googlePhones);
  assert.notDeepEqual(googlePhones, wantPhones, 'Meta and Google hash phones differently');

  const mailchimp = await activation(page, 'mailchimp', true);
  assert.ok(!(await page.locator('[data-testid=activation-hash]').isEnabled()), 'Mailchimp cannot be hashed');
  assert.deepEqual(mailchimp.header, ['Email Address', 'First Name', 'Last Name', 'Phone Number', 'Tags']);
  assert.deepEqual(mailchimp.rows.map((r) => r['Email Address']).sort(), wantEmails);
  assert.ok(mailchimp.rows.every((r) => r.Tags.split(', ').includes('At Risk') && r.Tags.split(', ').includes('High')));

  const klaviyo = await activation(page, 'klaviyo', false);
  assert.equal(klaviyo.header[0], 'Email');
  assert.deepEqual(klaviyo.rows.map((r) => r.Email).sort(), wantEmails);
  assert.ok(klaviyo.rows.every((r) => r['RFM Segment'] === 'At Risk' && r['Value Tier'] === 'High'));

  const shopify = await activation(page, 'shopify', false);
  assert.deepEqual(shopify.header, ['First Name', 'Last Name', 'Email', 'Phone', 'Tags']);
  assert.deepEqual(shopify.rows.map((r) => r.Email).sort(), wantEmails);
  await page.locator('[data-testid=activation]').screenshot({ path: ARTIFACTS + 'activation-en.png' });
  await page.screenshot({ path: ARTIFACTS + 'page-customers-activation-en.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the campaign pack holds a list per group with customers and a README with their actions, in Chinese', async () => {
  const { page, context, errors } = await openPage(env, '?lang=zh');
  await upload(page, [plain('orders.csv'), plain('customers.csv')]);
  const everyone = await exportCustomers(page);
  await openTab(page, 'rfm');
  const pack = await download(page, 'export-campaign-pack');
  assert.equal(pack.name, 'segscope-campaign-pack.zip');
  const entries = unzip(pack.bytes);
  const readme = entries.get('README.txt')?.toString('utf8') ?? '';
  assert.match(readme, /建议动作/);
  const lists = [...entries.keys()].filter((n) => n.endsWith('.csv'));
  const bySegment = new Map();
  for (const r of everyone) if (r.rfm_segment) bySegment.set(r.rfm_segment, (bySegment.get(r.rfm_segment) ?? 0) + 1);
  const champions = lists.find((n) => n.includes('冠军客户'));
  assert.ok(champions, lists.join(' | '));
  assert.equal(records(entries.get(champions).toString('utf8')).length, bySegment.get('Champions'));
  assert.ok(lists.length >= bySegment.size + 2, 'segments, stages and tiers');
  for (const name of lists) assert.ok(readme.includes(name), `README names ${name}`);
  await openExplorer(page);
  await page.locator('[data-testid=activation]').screenshot({ path: ARTIFACTS + 'activation-zh.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('phones without a country code ask for the country; WeCom ids offer the WeChat tag list', async () => {
  const dir = join(ARTIFACTS, 'activation-input');
  mkdirSync(dir, { recursive: true });
  const orders = ['订单号,客户ID,下单时间,实付金额'];
  const customers = ['客户ID,姓名,手机号,external_userid'];
  for (let i = 1; i <= 12; i++) {
    const id = `K${String(i).padStart(3, '0')}`;
    for (let k = 0; k < (i % 3) + 1; k++) orders.push(`${i}-${k},${id},2024-0${(k % 9) + 1}-1${i % 10},${100 + i * 7 + k}.00`);
    customers.push(`${id},客户${i},138 0013 80${String(i).padStart(2, '0')},${i % 4 === 0 ? '' : 'wm' + id}`);
  }
  writeFileSync(join(dir, '订单.csv'), orders.join('\n') + '\n');
  writeFileSync(join(dir, '客户.csv'), customers.join('\n') + '\n');
  const { page, context, errors } = await openPage(env, '?lang=zh');
  await upload(page, [join(dir, '订单.csv'), join(dir, '客户.csv')]);
  await openExplorer(page);
  await page.waitForSelector('[data-testid=activation-country-ask]');
  const formats = await page.$$eval('[data-testid=activation-format] option', (os) => os.map((o) => o.value));
  assert.ok(formats.includes('wecom'), formats.join());
  const before = await activation(page, 'meta', false);
  assert.equal(before.rows.length, 0, 'no phone can be read without its country');
  await page.selectOption('[data-testid=activation-country]', 'CN');
  await page.waitForSelector('[data-testid=activation-country-ask]', { state: 'detached' });
  const meta = await activation(page, 'meta', false);
  assert.equal(meta.rows.length, 12);
  assert.deepEqual(meta.rows.map((r) => r.phone).sort(), customers.slice(1).map((c) => '86' + c.split(',')[2].replace(/ /g, '')).sort());
  assert.ok(meta.rows.every((r) => r.fn === '' && r.ln === ''), 'Chinese names are not split');
  const wecom = await activation(page, 'wecom', false);
  assert.deepEqual(wecom.header, ['external_userid', 'openid', 'tag']);
  const ids = new Set(wecom.rows.map((r) => r.external_userid));
  assert.equal(ids.size, 9, 'customers with a WeCom id');
  assert.ok(wecom.rows.every((r) => r.tag.length > 0 && r.tag.length <= 30));
  await page.locator('[data-testid=activation]').screenshot({ path: ARTIFACTS + 'activation-country-zh.png' });
  assert.deepEqual(errors, []);
  await context.close();
});
