#!/usr/bin/env bash
# End-to-end throughput and peak RSS of `talign run` on the seeded FLORES corpora (50 and 200 MB),
# at 1 and 2 threads, N rounds that alternate the two (the machine is shared: the best run is the
# least disturbed, and the per-round ratios compare runs made side by side). Usage: scripts/bench_run.sh [RUNS] [WORKDIR]
set -euo pipefail
runs=${1:-3}
work=${2:-/tmp/talign-bench}
here=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --bins --examples --manifest-path "$here/Cargo.toml"
mkdir -p "$work"
for mb in 50 200; do
  [ -s "$work/c$mb.jsonl" ] || "$here/target/release/examples/gen_corpus" "$mb" 1 "$work/c$mb.jsonl"
done
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in 50 200; do
  bytes=$(stat -c %s "$work/c$mb.jsonl")
  best1=""; best2=""; rss1=0; rss2=0; ratios=""
  # Rounds alternate 1 and 2 threads, so both see the same phases of a shared machine's noise.
  for _ in $(seq "$runs"); do
    for t in 1 2; do
      /usr/bin/time -f "%e %M" -o "$work/time.txt" \
        "$here/target/release/talign" run --quiet --threads "$t" "$work/c$mb.jsonl" -o "$work/out$t.csv" || true
      read -r secs kb < "$work/time.txt"
      eval "cur$t=$secs"
      best=$(eval echo "\$best$t"); rss=$(eval echo "\$rss$t")
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then eval "best$t=$secs"; fi
      if [ "$kb" -gt "$rss" ]; then eval "rss$t=$kb"; fi
    done
    ratios="$ratios $(awk "BEGIN{printf \"%.2f\", $cur1/$cur2}")"
  done
  for t in 1 2; do
    best=$(eval echo "\$best$t"); rss=$(eval echo "\$rss$t")
    mbps=$(awk "BEGIN{printf \"%.1f\", $bytes/1048576/$best}")
    echo "corpus ${mb}MB threads $t: best ${best}s, ${mbps} MB/s, peak RSS $((rss/1024)) MB"
  done
  median=$(echo "$ratios" | tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "corpus ${mb}MB speed-up: best/best $(awk "BEGIN{printf \"%.2f\", $best1/$best2}")x, per round${ratios}, median ${median}x"
  cmp -s "$work/out1.csv" "$work/out2.csv" && echo "corpus ${mb}MB: output identical at 1 and 2 threads" \
    || echo "corpus ${mb}MB: OUTPUT DIFFERS between 1 and 2 threads"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
