"""Checks that a sharded Glean output, read as one dataset per table, holds exactly the rows of a
one-process run: DuckDB over OUT/parquet/<table>/** (and OUT/csv/<table>/part-*.csv) for every
table; or, with --spark, Spark over OUT/parquet/<table> for the tables named.

Usage: compare.py OUT REF                  DuckDB, every table of REF/parquet
       compare.py OUT REF --spark TABLE    Spark, the tables named
Exit 0 when equal, 1 with the differences printed.
"""
import argparse
import os
import sys

import duckdb


def rows(con, sql):
    """All rows of a query as a sorted list (None-safe), with the column names and types."""
    rel = con.sql(sql)
    return sorted(rel.fetchall(), key=repr), list(zip(rel.columns, map(str, rel.types)))


def spark_compare(out_dir, ref_dir, tables) -> int:
    """Spark reads OUT/parquet/<table> (a folder of part files) as one DataFrame: same schema and,
    as sorted lists, the same rows as REF/parquet/<table>.parquet."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master("local[1]").appName("glean-cluster-test")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "1").config("spark.driver.memory", "512m").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    bad = 0
    try:
        for t in tables:
            sharded = spark.read.parquet(f"{out_dir}/parquet/{t}")
            single = spark.read.parquet(f"{ref_dir}/parquet/{t}.parquet")
            a, b = sorted(map(repr, sharded.collect())), sorted(map(repr, single.collect()))
            same_schema = sharded.schema == single.schema
            extra, lost = len([r for r in a if r not in b]), len([r for r in b if r not in a])
            print(f"Spark: {t}: {len(a)} rows read from parquet/{t}/, {len(b)} in the one-process run, "
                  f"{extra} only sharded, {lost} only one-process, same schema {same_schema}")
            bad += not (a == b and same_schema)
    finally:
        spark.stop()
    return bad


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("ref")
    ap.add_argument("--spark", nargs="+", help="compare these tables with Spark instead of every table with DuckDB")
    args = ap.parse_args()
    if args.spark:
        return 1 if spark_compare(args.out, args.ref, args.spark) else 0
    con = duckdb.connect()
    tables = sorted(f[: -len(".parquet")] for f in os.listdir(f"{args.ref}/parquet") if f.endswith(".parquet"))
    if not tables:
        print(f"no tables in {args.ref}/parquet")
        return 1
    bad = 0
    summary = []
    for t in tables:
        ref, ref_cols = rows(con, f"SELECT * FROM read_parquet('{args.ref}/parquet/{t}.parquet')")
        out, out_cols = rows(con, f"SELECT * FROM read_parquet('{args.out}/parquet/{t}/**/*.parquet', hive_partitioning = true)")
        if out_cols != ref_cols:
            print(f"parquet {t}: columns differ: {out_cols} vs {ref_cols}")
            bad += 1
        elif out != ref:
            only_out = [r for r in out if r not in ref][:3]
            only_ref = [r for r in ref if r not in out][:3]
            print(f"parquet {t}: {len(out)} rows vs {len(ref)}; only sharded {only_out}; only one-process {only_ref}")
            bad += 1
        csv_ref, _ = rows(con, f"SELECT * FROM read_csv('{args.ref}/csv/{t}.csv', header = true, all_varchar = true)")
        csv_out, _ = rows(con, f"SELECT * FROM read_csv('{args.out}/csv/{t}/part-*.csv', header = true, all_varchar = true)")
        if csv_out != csv_ref:
            print(f"csv {t}: {len(csv_out)} rows vs {len(csv_ref)}")
            bad += 1
        summary.append(f"{t} {len(ref)}")
    print(f"DuckDB: parquet/<table>/** and csv/<table>/part-*.csv equal the one-process run's rows: {', '.join(summary)}"
          if not bad else f"DuckDB: {bad} table(s) differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
