// The warehouse SQL through the app (docs/warehouse.md): the dialog starts
// from the mapped columns, downloads the script of each dialect, and the
// DuckDB script run by DuckDB on the same CSVs — loaded as typed tables, as
// read_csv detects them — gives every customer the labels of the app's own
// per-customer CSV. The comparison is made here, row by row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { start, openPage, download, DATA, ARTIFACTS } from '../lib/browser.mjs';
import { upload, exportCustomers } from '../lib/app.mjs';

let env;
before(async () => { env = await start(); mkdirSync(ARTIFACTS, { recursive: true }); });
after(async () => { await env?.close(); });

const plain = (name) => join(DATA, 'plain', name);
// The venv scripts/test makes for the warehouse engines (scripts/tools.sh).
const PYTHON = process.env.WAREHOUSE_PY
  ? join(process.env.WAREHOUSE_PY, 'bin/python')
  : new URL('../../target/warehouse-py/bin/python', import.meta.url).pathname;

const EXACT = ['first_order_date', 'last_order_date', 'orders', 'recency_days', 'r_score', 'f_score', 'm_score',
  'rfm_segment', 'value_tier', 'member_level', 'lifecycle_stage', 'custom_segments'];
// Columns the CSV rounds, with the tolerance its decimals allow.
const ROUNDED = { revenue: 0.0051, aov: 0.0051, value_score: 0.000051, p_alive: 0.000051, expected_purchases: 0.000051, clv: 0.0051 };

/** Runs `sql` in DuckDB over the orders and customers CSVs and returns its rows. */
function duckdb(sql) {
  const script = join(ARTIFACTS, 'warehouse-duckdb.sql');
  writeFileSync(script, sql);
  const program = `
import duckdb, json, sys
con = duckdb.connect()
con.execute("CREATE TABLE orders AS SELECT * FROM read_csv(?)", [sys.argv[1]])
con.execute("CREATE TABLE customers AS SELECT * FROM read_csv(?)", [sys.argv[2]])
cur = con.execute(open(sys.argv[3]).read())
names = [c[0] for c in cur.description]
print(json.dumps([dict(zip(names, row)) for row in cur.fetchall()], default=str))
`;
  const out = execFileSync(PYTHON, ['-c', program, plain('orders.csv'), plain('customers.csv'), script], { maxBuffer: 1 << 28 });
  return JSON.parse(out.toString());
}

const cell = (v) => (v === null || v === undefined ? '' : String(v));

test('the DuckDB script from the dialog gives every customer the labels of the app\'s own CSV', async () => {
  assert.ok(existsSync(PYTHON), `the warehouse engines are installed (${PYTHON})`);
  const { page, errors } = await openPage(env, '?lang=en');
  await upload(page, [plain('orders.csv'), plain('customers.csv')]);
  // The models page fits CLV; the script carries its parameters.
  const app = await exportCustomers(page);
  await page.click('[data-testid=open-warehouse-sql]');
  const dialog = page.locator('[data-testid=warehouse-sql]');
  await dialog.waitFor({ state: 'visible' });
  assert.equal(await page.inputValue('[data-testid=sql-orders-table]'), 'orders');
  assert.equal(await page.inputValue('[data-testid=sql-order-id]'), 'order_id', 'the mapped order id column');
  assert.equal(await page.inputValue('[data-testid=sql-status]'), 'status');
  assert.equal(await page.inputValue('[data-testid=sql-points]'), 'points');
  assert.equal(await page.locator('[data-testid=sql-gaps]').count(), 0, 'nothing of these files is beyond the script');
  await page.screenshot({ path: join(ARTIFACTS, 'warehouse-dialog-en.png') });
  const file = await download(page, 'export-sql');
  assert.equal(file.name, 'segscope-labels-duckdb.sql');
  assert.match(file.text, /^-- Segscope warehouse script for DuckDB\./);
  assert.doesNotMatch(file.text, /NTILE|PERCENT_RANK/);

  const rows = duckdb(file.text);
  assert.equal(rows.length, app.length, 'one row per customer');
  const byKey = new Map(rows.map((r) => [cell(r.customer_id), r]));
  let predictions = 0;
  for (const want of app) {
    const got = byKey.get(want.customer_id);
    assert.ok(got, `${want.customer_id} is in the script's output`);
    for (const column of EXACT) {
      assert.equal(cell(got[column]).slice(0, column.endsWith('_date') ? 10 : undefined), want[column],
        `${want.customer_id} ${column}`);
    }
    for (const [column, tolerance] of Object.entries(ROUNDED)) {
      if (want[column] === '') {
        assert.equal(cell(got[column]), '', `${want.customer_id} ${column} is empty`);
        continue;
      }
      assert.ok(Math.abs(Number(got[column]) - Number(want[column])) <= tolerance,
        `${want.customer_id} ${column}: SQL ${got[column]}, app ${want[column]}`);
    }
    predictions += want.p_alive === '' ? 0 : 1;
  }
  assert.ok(predictions > 1000, `CLV predictions compared (${predictions})`);
  assert.deepEqual(errors, []);
});

test('each dialect downloads its own script; a blank column is said in the dialog, in Chinese too', async () => {
  const { page, errors } = await openPage(env, '?lang=zh');
  await upload(page, [plain('orders.csv'), plain('customers.csv')]);
  await page.click('[data-testid=open-warehouse-sql]');
  await page.locator('[data-testid=warehouse-sql]').waitFor({ state: 'visible' });
  await page.screenshot({ path: join(ARTIFACTS, 'warehouse-dialog-zh.png') });
  const marks = { postgres: 'COLLATE "C"', spark: 'DIV', bigquery: 'SAFE_CAST' };
  for (const [dialect, mark] of Object.entries(marks)) {
    await page.selectOption('[data-testid=sql-dialect]', dialect);
    const file = await download(page, 'export-sql');
    assert.equal(file.name, `segscope-labels-${dialect}.sql`);
    assert.ok(file.text.includes(mark), `${dialect} writes ${mark}`);
  }
  await page.fill('[data-testid=sql-amount]', ' ');
  await page.dispatchEvent('[data-testid=sql-amount]', 'change');
  await page.click('[data-testid=export-sql]');
  const problem = await page.textContent('[data-testid=sql-problem]');
  assert.match(problem, /金额列/, problem);
  assert.equal(await page.getAttribute('[data-testid=app-status]', 'data-state'), 'ready', 'the dashboard stays');
  await page.click('[data-testid=close-warehouse-sql]');
  assert.ok(!(await page.locator('[data-testid=warehouse-sql]').isVisible()));
  assert.deepEqual(errors, []);
});

test('files whose dates or amounts the script cannot read as written are named in the dialog', async () => {
  const { page, errors } = await openPage(env, '?lang=en');
  const dmy = (name) => join(DATA, 'semicolon-dmy', name);
  await upload(page, [dmy('orders.csv'), dmy('customers.csv')]);
  await page.click('[data-testid=open-warehouse-sql]');
  const gaps = await page.textContent('[data-testid=sql-gaps]');
  assert.match(gaps, /YYYY-MM-DD/, gaps);
  await page.screenshot({ path: join(ARTIFACTS, 'warehouse-dialog-gaps-en.png') });
  assert.deepEqual(errors, []);
});
