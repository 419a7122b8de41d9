// The benchmark's peer: the RFM query in DuckDB-WASM on the same File the app reads (e2e/bench.mjs).
// `window.peer.open()` starts DuckDB (not timed); `window.peer.rfm(shape)` registers the chosen file
// and runs the query, resolving to its time and the R × F grid it computed.
import * as duckdb from '/__npm/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';

const DIST = '/__npm/@duckdb/duckdb-wasm/dist/';
const BUNDLES = {
  mvp: { mainModule: DIST + 'duckdb-mvp.wasm', mainWorker: DIST + 'duckdb-browser-mvp.worker.js' },
  eh: { mainModule: DIST + 'duckdb-eh.wasm', mainWorker: DIST + 'duckdb-browser-eh.worker.js' },
};

let db;
let registered = 0;

/** A SQL identifier. */
const ident = (name) => '"' + name.replaceAll('"', '""') + '"';
/** A SQL text literal. */
const text = (value) => "'" + value.replaceAll("'", "''") + "'";

/**
 * Group by customer over the paid orders: recency (latest paid day), frequency (paid orders),
 * monetary (their sum), each scored 1–5 by quintile; the result is the R × F grid with customers
 * and revenue per cell, as a dashboard shows it.
 */
function rfmSql(table, shape) {
  return `
WITH paid AS (
  SELECT ${ident(shape.customer)} AS c,
         CAST(CAST(${ident(shape.date)} AS TIMESTAMP) AS DATE) AS d,
         CAST(${ident(shape.amount)} AS DOUBLE) AS a
  FROM read_csv(${text(table)}, header = true)
  WHERE ${ident(shape.status)} IN (${shape.paid.map(text).join(', ')})
), per AS (
  SELECT c, (SELECT max(d) FROM paid) - max(d) AS recency, count(*) AS frequency, sum(a) AS monetary
  FROM paid GROUP BY c
), scored AS (
  SELECT monetary,
         ntile(5) OVER (ORDER BY recency DESC) AS r,
         ntile(5) OVER (ORDER BY frequency) AS f,
         ntile(5) OVER (ORDER BY monetary) AS m
  FROM per
)
SELECT r, f, count(*)::INTEGER AS customers, sum(monetary) AS revenue FROM scored GROUP BY r, f ORDER BY r, f`;
}

window.peer = {
  /** Starts DuckDB-WASM; resolves to the bundle's module name. */
  async open() {
    const bundle = await duckdb.selectBundle(BUNDLES);
    const worker = new Worker(bundle.mainWorker);
    db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
    await db.instantiate(bundle.mainModule);
    return { module: bundle.mainModule.split('/').pop(), version: await db.getVersion() };
  },
  /**
   * Registers the chosen file and runs the RFM query on it twice: `first_ms` includes the
   * registration and the first query of the page, `warm_ms` is the second, with the query's
   * code already compiled (the peer at its best).
   */
  async rfm(shape) {
    const file = document.getElementById('file').files[0];
    const name = `orders-${registered++}.csv`;
    const started = performance.now();
    await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
    const conn = await db.connect();
    const sql = rfmSql(name, shape);
    const first = await conn.query(sql);
    const firstMs = performance.now() - started;
    const again = performance.now();
    await conn.query(sql);
    const warmMs = performance.now() - again;
    const grid = first.toArray().map((row) => ({
      r: Number(row.r), f: Number(row.f), customers: Number(row.customers), revenue: Number(row.revenue),
    }));
    await conn.close();
    await db.dropFile(name);
    return { first_ms: firstMs, warm_ms: warmMs, grid };
  },
};
window.dispatchEvent(new Event('peer-ready'));
