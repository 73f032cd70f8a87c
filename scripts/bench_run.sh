#!/usr/bin/env bash
# End-to-end throughput and peak RSS of `talign run` on the seeded FLORES corpora (50 and 200 MB),
# at 1 and 2 threads, N rounds that alternate the two (the machine is shared: the best run is the
# least disturbed, and the per-round ratios compare runs made side by side).
# Usage: scripts/bench_run.sh [RUNS] [WORKDIR]
# With BASE=/path/to/older/talign, every run of this build is followed by the same run of the
# older binary, and the script prints this build's time over the older one's (per round and
# median) and whether both wrote the same bytes. SIZES="50" limits the corpora.
set -euo pipefail
runs=${1:-3}
work=${2:-/tmp/talign-bench}
sizes=${SIZES:-50 200}
base=${BASE:-}
here=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet --bins --examples --manifest-path "$here/Cargo.toml"
mkdir -p "$work"
for mb in $sizes; do
  [ -s "$work/c$mb.jsonl" ] || "$here/target/release/examples/gen_corpus" "$mb" 1 "$work/c$mb.jsonl"
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# timed BINARY THREADS OUT: runs once, sets $secs and $kb
timed() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" \
    "$1" run --quiet --threads "$2" "$work/c$mb.jsonl" -o "$3" || true
  read -r secs kb < "$work/time.txt"
}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for mb in $sizes; do
  bytes=$(stat -c %s "$work/c$mb.jsonl")
  best1=""; best2=""; rss1=0; rss2=0; ratios=""
  baseb1=""; baseb2=""; vs1=""; vs2=""
  # Rounds alternate 1 and 2 threads, so both see the same phases of a shared machine's noise.
  for _ in $(seq "$runs"); do
    for t in 1 2; do
      timed "$here/target/release/talign" "$t" "$work/out$t.csv"
      eval "cur$t=$secs"
      best=$(eval echo "\$best$t"); rss=$(eval echo "\$rss$t")
      if [ -z "$best" ] || awk "BEGIN{exit !($secs < $best)}"; then eval "best$t=$secs"; fi
      if [ "$kb" -gt "$rss" ]; then eval "rss$t=$kb"; fi
      if [ -n "$base" ]; then
        new=$secs
        timed "$base" "$t" "$work/base$t.csv"
        bb=$(eval echo "\$baseb$t")
        if [ -z "$bb" ] || awk "BEGIN{exit !($secs < $bb)}"; then eval "baseb$t=$secs"; fi
        eval "vs$t=\"\$vs$t $(awk "BEGIN{printf \"%.3f\", $new/$secs}")\""
      fi
    done
    ratios="$ratios $(awk "BEGIN{printf \"%.2f\", $cur1/$cur2}")"
  done
  for t in 1 2; do
    best=$(eval echo "\$best$t"); rss=$(eval echo "\$rss$t")
    mbps=$(awk "BEGIN{printf \"%.1f\", $bytes/1048576/$best}")
    echo "corpus ${mb}MB threads $t: best ${best}s, ${mbps} MB/s, peak RSS $((rss/1024)) MB"
    if [ -n "$base" ]; then
      vs=$(eval echo "\$vs$t"); bb=$(eval echo "\$baseb$t")
      echo "corpus ${mb}MB threads $t: this build / BASE, best ${best}s / ${bb}s, per round${vs}, median $(echo "$vs" | median)"
      cmp -s "$work/out$t.csv" "$work/base$t.csv" && echo "corpus ${mb}MB threads $t: output identical to BASE" \
        || echo "corpus ${mb}MB threads $t: OUTPUT DIFFERS from BASE"
    fi
  done
  echo "corpus ${mb}MB speed-up: best/best $(awk "BEGIN{printf \"%.2f\", $best1/$best2}")x, per round${ratios}, median $(echo "$ratios" | median)x"
  cmp -s "$work/out1.csv" "$work/out2.csv" && echo "corpus ${mb}MB: output identical at 1 and 2 threads" \
    || echo "corpus ${mb}MB: OUTPUT DIFFERS between 1 and 2 threads"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
