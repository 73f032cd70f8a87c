#!/usr/bin/env python3
"""Run `talign run` as a stage of Apache Spark.

Reads a JSONL corpus (`{"id", "text", ...}` a line; parallel documents are adjacent records
`<stem>.<lang>`), keeps the two sides of every pair in the same partition and in their input
order, pipes each partition through `talign run --input-format jsonl --format jsonl` on
stdin/stdout (one talign process per task, `RAYON_NUM_THREADS=1`, since Spark already runs one
task per core), and writes the pair rows (Hugging Face translation JSONL) as Spark part files.

    python3 scripts/spark_run.py CORPUS.jsonl OUT_DIR [--talign target/release/talign]
        [--master local[2]] [--partitions 4]

Rejected records are reported by talign on each task's stderr (Spark's executor log); talign
exits 1 when it rejected something, which does not fail the task.
"""

import argparse
import json
import os
import re
import shlex
import sys

SUFFIX = re.compile(r"^(.+)\.([A-Za-z]{2})$")


def pair_key(line):
    """The key that keeps both sides of a parallel pair together: the id without `.<lang>`."""
    try:
        record = json.loads(line)
        doc_id = str(record.get("id", ""))
    except (ValueError, AttributeError):
        return line
    match = SUFFIX.match(doc_id)
    return match.group(1) if match else doc_id


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="input JSONL corpus")
    parser.add_argument("out", help="output folder (Spark part files of pair rows, JSONL)")
    parser.add_argument("--talign", default=os.path.join("target", "release", "talign"),
                        help="the talign binary (default: target/release/talign)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    parser.add_argument("--partitions", type=int, default=4, help="partitions (default: 4)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession  # imported here so --help works without pyspark

    talign = os.path.abspath(args.talign)
    if not os.access(talign, os.X_OK):
        sys.exit(f"spark_run.py: no talign binary at {talign} (cargo build --release)")
    spark = (SparkSession.builder.master(args.master).appName("talign")
             .config("spark.ui.enabled", "false").getOrCreate())
    try:
        lines = spark.sparkContext.textFile(args.corpus)
        by_pair = (lines.zipWithIndex()
                   .map(lambda li: (pair_key(li[0]), (li[1], li[0])))
                   .partitionBy(args.partitions))
        # Within a partition, restore input order so the two sides of a pair stay adjacent.
        ordered = by_pair.mapPartitions(
            lambda rows: (line for _, (_, line) in sorted(rows, key=lambda r: r[1][0])))
        command = " ".join(shlex.quote(a) for a in [
            talign, "run", "--quiet", "--input-format", "jsonl", "--format", "jsonl"])
        pairs = ordered.pipe(command, env={"RAYON_NUM_THREADS": "1"})
        pairs.saveAsTextFile(args.out)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
