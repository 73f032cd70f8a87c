#!/usr/bin/env python3
"""Run `talign run` as a stage of Apache Spark, with the output of `talign run` byte for byte.

Reads a JSONL corpus (`{"id", "text", ...}` a line; parallel documents are adjacent records
`<stem>.<lang>`), cuts it into contiguous ranges of records that never separate two records
`talign run` could pair, pipes each range through `talign run --input-format jsonl --format jsonl`
(`RDD.pipe(..., checkCode=True)`: one talign process per task, `RAYON_NUM_THREADS=1`, since Spark
already runs one task per core), and saves the pair rows (Hugging Face translation JSONL) as Spark
part files. Read in name order, `part-00000`, `part-00001`, ... are the rows of
`talign run --format jsonl CORPUS.jsonl` in the same order, byte for byte.

    python3 scripts/spark_run.py CORPUS.jsonl OUT_DIR [--talign target/release/talign]
        [--master local[2]] [--partitions 4]

Fails loudly: a talign task that exits non-zero (1: a record was rejected, each named on the
task's stderr; 2: unusable input) fails the Spark job, and this script exits 1 without writing
`_SUCCESS`. Clean the corpus (`talign run` names every bad line) and run again. No task is given
an empty range. A record without `id` gets the id `talign run` gives it (`CORPUS.jsonl:LINE`).
"""

import argparse
import bisect
import json
import os
import shlex
import sys


def pair_key(line):
    """The name two records must share for `talign run` to pair them, or None for a record that
    never pairs (no `<stem>.<suffix>` id, or not a JSON object). It is the id without its last
    dot-suffix, whatever the suffix: a superset of what talign treats as a language suffix, so a
    range boundary placed where keys differ never separates a pair."""
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    doc_id = record.get("id")
    if not isinstance(doc_id, (str, int)) or isinstance(doc_id, bool):
        return None
    stem, dot, _ = str(doc_id).rpartition(".")
    return stem if dot and stem else None


def with_default_id(line, corpus, number):
    """The line, with `"id": "CORPUS:LINE"` added when it is a JSON object without `id`: the id
    `talign run` reading CORPUS itself would give (piped, talign would number the lines of its
    own range instead)."""
    try:
        record = json.loads(line)
    except ValueError:
        return line
    if not isinstance(record, dict) or record.get("id") is not None:
        return line
    record["id"] = f"{corpus}:{number}"
    return json.dumps(record, ensure_ascii=False)


def run_starts(rows):
    """Marks the runs of one input partition (a contiguous range of (line, index) rows): a run is
    a stretch of adjacent records with the same pair key. Yields ("row", index, run start,
    in_first_run, line) for each record, then ("summary", first key, first index, last key, last
    run start, whether the partition is one run, number of records). The first run may continue the previous
    partition's last one; the driver decides that from the summaries."""
    first_key = first_index = last_key = start = None
    seen = False
    count = 0
    in_first_run = True
    for line, index in rows:
        key = pair_key(line)
        if not seen:
            first_key, first_index, seen = key, index, True
            start = index
        elif key is None or key != last_key:
            start = index
            in_first_run = False
        last_key = key
        count += 1
        yield ("row", index, start, in_first_run and key is not None, line)
    if seen:
        yield ("summary", first_key, first_index, last_key, start, in_first_run, count)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="input JSONL corpus")
    parser.add_argument("out", help="output folder (Spark part files of pair rows, JSONL)")
    parser.add_argument("--talign", default=os.path.join("target", "release", "talign"),
                        help="the talign binary (default: target/release/talign)")
    parser.add_argument("--master", default="local[2]", help="Spark master (default: local[2])")
    parser.add_argument("--partitions", type=int, default=4,
                        help="ranges to cut the corpus into, at most (default: 4)")
    args = parser.parse_args(argv)
    if args.partitions < 1:
        parser.error("--partitions must be at least 1")

    from pyspark.sql import SparkSession  # imported here so --help works without pyspark

    talign = os.path.abspath(args.talign)
    if not os.access(talign, os.X_OK):
        sys.exit(f"spark_run.py: no talign binary at {talign} (cargo build --release)")
    spark = (SparkSession.builder.master(args.master).appName("talign")
             .config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    try:
        return run(spark.sparkContext, args, talign)
    finally:
        spark.stop()


def run(sc, args, talign):
    """Builds and runs the job; returns the exit code."""
    corpus = args.corpus
    marked = sc.textFile(corpus).zipWithIndex().mapPartitions(run_starts).cache()
    # Each input partition is a contiguous range of records: a record marked None continues the
    # last run of the partition before it when it has the same key (a scan over the summaries).
    summaries = marked.mapPartitionsWithIndex(
        lambda p, rows: ((p, r[1:]) for r in rows if r[0] == "summary")).collect()
    carry = {}
    prev_key, prev_start = None, None
    total = sum(s[-1] for _, s in summaries)
    for part, (first_key, _first, end_key, end_start, whole_run, _) in sorted(summaries):
        continues = first_key is not None and first_key == prev_key
        carry[part] = prev_start if continues else None
        prev_key = end_key
        prev_start = prev_start if whole_run and continues else end_start
    carry = sc.broadcast(carry)

    def resolve(part, rows):
        inherited = carry.value.get(part)
        for _, index, start, in_first_run, line in (r for r in rows if r[0] == "row"):
            if in_first_run and inherited is not None:
                start = inherited
            yield (start, index, line)

    rows = marked.mapPartitionsWithIndex(resolve)
    if total == 0:
        print(f"spark_run.py: {corpus}: empty input, nothing to run", file=sys.stderr)
        return 2
    # Ranges of about total/partitions records, cut only where a run starts; only ranges that
    # hold records become partitions, so no talign process is started on empty input.
    bounds = [total * k // args.partitions for k in range(1, args.partitions)]
    bucket = lambda start: bisect.bisect_right(bounds, start)  # noqa: E731
    used = sorted(set().union(*rows.mapPartitions(
        lambda part: [{bucket(r[0]) for r in part}]).collect()))
    dense = {b: i for i, b in enumerate(used)}
    ranges = (rows.map(lambda r: ((dense[bucket(r[0])], r[1]), with_default_id(r[2], corpus,
                                                                                r[1] + 1)))
              .repartitionAndSortWithinPartitions(len(used), partitionFunc=lambda k: k[0])
              .map(lambda kv: kv[1]))
    command = " ".join(shlex.quote(a) for a in [
        talign, "run", "--quiet", "--input-format", "jsonl", "--format", "jsonl"])
    pairs = ranges.pipe(command, env={"RAYON_NUM_THREADS": "1"}, checkCode=True)
    try:
        pairs.saveAsTextFile(args.out)
    except Exception as err:  # py4j's error type; the task's own stderr says which records
        reason = str(err).strip().splitlines()
        print(f"spark_run.py: the Spark job failed: a talign task exited non-zero "
              f"(its stderr above names the rejected records): {reason[0] if reason else err}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
