#!/usr/bin/env python3
"""Times a warehouse script on a folder's orders.csv and customers.csv
(docs/warehouse.md#scale): loads them as typed tables, then runs the script
RUNS times and prints min / median / max seconds of the script alone.

Usage: warehouse-time.py DIR SCRIPT duckdb|spark [RUNS]
"""

import statistics
import sys
import time
from pathlib import Path


def duckdb_runner(folder):
    import duckdb

    con = duckdb.connect()
    for table in ("orders", "customers"):
        path = folder / f"{table}.csv"
        if path.exists():
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv(?)", [str(path)])
    return lambda sql: len(con.execute(sql).fetchall())


def spark_runner(folder):
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "6g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    for table in ("orders", "customers"):
        path = folder / f"{table}.csv"
        if path.exists():
            frame = spark.read.option("header", True).option("inferSchema", True).csv(str(path))
            frame.cache().createOrReplaceTempView(table)
            frame.count()
    return lambda sql: spark.sql(sql.rstrip().rstrip(";")).count()


def main():
    folder, script, engine = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    run = {"duckdb": duckdb_runner, "spark": spark_runner}[engine](folder)
    sql = script.read_text()
    seconds, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rows = run(sql)
        seconds.append(time.perf_counter() - started)
    print(f"{engine}: {rows} customers; script min {min(seconds):.2f} s, median {statistics.median(seconds):.2f} s, "
          f"max {max(seconds):.2f} s over {runs} runs")


if __name__ == "__main__":
    main()
