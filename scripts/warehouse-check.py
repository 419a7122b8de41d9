#!/usr/bin/env python3
"""Runs Segscope's warehouse scripts on real engines and checks that every
customer gets the browser's labels (docs/warehouse.md#tests).

Each case folder (written by `cargo run -p segscope-session --example
warehouse_cases`) holds the input CSVs, the browser's per-customer CSV
(expected.csv), full-precision scores and predictions (precise.csv) and one
script per dialect. The CSVs are loaded as all-text tables named after the
files, as an export lands in a warehouse; the script runs; its rows are
compared with the browser's: label, date and count columns exactly, money, scores and
predictions within 1e-9 relative (money then agrees to the cent).
BigQuery, which cannot run here, is parsed with sqlglot.

Usage: warehouse-check.py CASES_DIR [duckdb] [postgres] [spark] [bigquery]
"""

import csv
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXACT = [
    "customer_id", "first_order_date", "last_order_date", "orders", "recency_days",
    "r_score", "f_score", "m_score", "rfm_segment", "value_tier", "member_level",
    "lifecycle_stage", "custom_segments",
]
PRECISE = ["revenue", "aov", "value_score", "p_alive", "expected_purchases", "clv"]
TABLES = ["orders", "customers"]


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def text(value):
    """A SQL value as the CSV writes it: NULL empty, dates ISO, whole numbers plain."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def close(got, want):
    if want == "" or got in (None, ""):
        return want == "" and got in (None, "")
    got, want = float(got), float(want)
    return abs(got - want) <= 1e-9 * max(abs(want), 1e-3)


def compare(case, engine, rows):
    """Mismatches between the engine's rows and the browser's, as sentences."""
    expected = {r["customer_id"]: r for r in read_csv(case / "expected.csv")}
    precise = {r["customer_id"]: r for r in read_csv(case / "precise.csv")}
    got = {text(r["customer_id"]): r for r in rows}
    problems = []
    if set(got) != set(expected):
        problems.append(
            f"customers differ: only in SQL {sorted(set(got) - set(expected))[:5]}, "
            f"only in the browser {sorted(set(expected) - set(got))[:5]}"
        )
    for key in sorted(set(got) & set(expected)):
        row, want = got[key], expected[key]
        for column in EXACT:
            if text(row[column]) != want[column]:
                problems.append(f"{key!r} {column}: SQL {text(row[column])!r}, browser {want[column]!r}")
        for column in PRECISE:
            if not close(row[column], precise[key][column]):
                problems.append(f"{key!r} {column}: SQL {row[column]!r}, browser {precise[key][column]!r}")
    for p in problems[:12]:
        print(f"  {case.name} on {engine}: {p}")
    return len(problems)


def duckdb_rows(case):
    import duckdb

    con = duckdb.connect()
    for table in TABLES:
        path = case / f"{table}.csv"
        if path.exists():
            con.execute(
                f"CREATE TABLE {table} AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
                [str(path)],
            )
    cursor = con.execute((case / "duckdb.sql").read_text())
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


class Postgres:
    """A throwaway cluster on a Unix socket in a temporary folder."""

    def __init__(self):
        self.bin = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
        self.dir = Path(tempfile.mkdtemp(prefix="segscope-pg-"))
        shutil.chown(self.dir, "postgres")
        self.data = self.dir / "data"
        self.as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-E", "UTF8", "--locale=C.UTF-8", "-A", "trust"])
        self.as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-w", "-l", str(self.dir / "log"),
                          "-o", f"-k {self.dir} -c listen_addresses=''", "start"])

    def as_postgres(self, command, **kw):
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--"] + command
        return subprocess.run(command, check=True, capture_output=True, **kw)

    def psql(self, database, *args, stdin=None):
        command = [str(self.bin / "psql"), "-h", str(self.dir), "-U", "postgres", "-d", database,
                   "-v", "ON_ERROR_STOP=1", "-q", *args]
        return self.as_postgres(command, input=stdin).stdout

    def rows(self, case):
        database = "case_" + case.name.replace("-", "_")
        self.psql("postgres", "-c", f"DROP DATABASE IF EXISTS {database}")
        self.psql("postgres", "-c", f"CREATE DATABASE {database}")
        for table in TABLES:
            path = case / f"{table}.csv"
            if not path.exists():
                continue
            with open(path, newline="", encoding="utf-8-sig") as f:
                header = next(csv.reader(f))
            columns = ", ".join(f'"{h}" TEXT' for h in header)
            self.psql(database, "-c", f"CREATE TABLE {table} ({columns})")
            data = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
            self.psql(database, "-c", f"COPY {table} FROM STDIN WITH (FORMAT csv, HEADER true)", stdin=data)
        out = self.psql(database, "--csv", "-f", str(case / "postgres.sql")).decode()
        rows = list(csv.DictReader(out.splitlines()))
        return [{k: (None if v == "" else v) for k, v in r.items()} for r in rows]

    def stop(self):
        self.as_postgres([str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"])
        shutil.rmtree(self.dir, ignore_errors=True)


class Spark:
    """One local[2] session."""

    def __init__(self):
        from pyspark.sql import SparkSession

        self.spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()
        )
        self.spark.sparkContext.setLogLevel("ERROR")

    def rows(self, case):
        for table in TABLES:
            path = case / f"{table}.csv"
            if path.exists():
                frame = self.spark.read.option("header", True).option("multiLine", True).option("escape", '"').csv(str(path))
                frame = frame.toDF(*[c.lstrip("\ufeff") for c in frame.columns])
                frame.createOrReplaceTempView(table)
        sql = (case / "spark.sql").read_text().rstrip().rstrip(";")
        return [r.asDict() for r in self.spark.sql(sql).collect()]

    def stop(self):
        self.spark.stop()


def bigquery_parses(case):
    import sqlglot

    sqlglot.parse((case / "bigquery.sql").read_text(), read="bigquery", error_level=sqlglot.ErrorLevel.RAISE)
    return 0


def main():
    cases_dir = Path(sys.argv[1])
    engines = sys.argv[2:] or ["duckdb", "postgres", "spark", "bigquery"]
    cases = sorted(p for p in cases_dir.iterdir() if (p / "expected.csv").exists())
    failures = 0
    for engine in engines:
        started = time.monotonic()
        runner = {"postgres": Postgres, "spark": Spark}.get(engine)
        server = runner() if runner else None
        try:
            for case in cases:
                if engine == "bigquery":
                    failures += bigquery_parses(case)
                    continue
                rows = server.rows(case) if server else duckdb_rows(case)
                failures += compare(case, engine, rows)
        finally:
            if server:
                server.stop()
        print(f"{engine}: {len(cases)} cases, {time.monotonic() - started:.1f} s")
    if failures:
        print(f"{failures} mismatches", file=sys.stderr)
        sys.exit(1)
    print("every customer gets the browser's labels")


if __name__ == "__main__":
    main()
