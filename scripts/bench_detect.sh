#!/usr/bin/env bash
# talign detect beside whatlang, whole commands, one process per language file, same run.
#
#   scripts/bench_detect.sh [LANGID_DIR] [ROUNDS]
#
# Runs `talign detect --lines FILE` (no --langs: every language a candidate) and the
# `whatlang_lines` example (whatlang's detect on each line) once per file over every
# LANGID_DIR/<lang>/sentences.txt (default ../shared/data/langid: 75 files of 1000 lines), as
# separate processes, ROUNDS times (default 5), the two tools alternating round by round so
# that a noisy machine hurts both alike. Prints each round's wall and CPU seconds (user + sys of
# all the processes) and the median CPU ratio talign / whatlang. Build first:
# `cargo build --release && cargo build --release --example whatlang_lines`.
set -euo pipefail

dir=${1:-../shared/data/langid}
rounds=${2:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
talign=${TALIGN:-$here/target/release/talign}
whatlang=$here/target/release/examples/whatlang_lines

if [[ ! -d $dir ]]; then
  echo "SKIPPED: $dir not found"
  exit 0
fi
for bin in "$talign" "$whatlang"; do
  if [[ ! -x $bin ]]; then
    echo "build first: cargo build --release && cargo build --release --example whatlang_lines" >&2
    exit 2
  fi
done
mapfile -t files < <(find "$dir" -mindepth 2 -maxdepth 2 -name sentences.txt | sort)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "SKIPPED: no $dir/<lang>/sentences.txt"
  exit 0
fi

# wall and CPU seconds of one tool over every file, one process each
measure() {
  local tool=$1 f
  local t0 t1 c0 c1 me=$BASHPID
  t0=$(date +%s.%N)
  c0=$(awk '{print $14 + $15 + $16 + $17}' /proc/$me/stat)
  for f in "${files[@]}"; do
    if [[ $tool == talign ]]; then
      "$talign" detect --lines -q "$f" > /dev/null
    else
      "$whatlang" "$f" > /dev/null
    fi
  done
  t1=$(date +%s.%N)
  c1=$(awk '{print $14 + $15 + $16 + $17}' /proc/$me/stat)
  local hz
  hz=$(getconf CLK_TCK)
  echo "$(echo "$t1 - $t0" | bc -l) $(echo "($c1 - $c0) / $hz" | bc -l)"
}

echo "files: ${#files[@]} (one process per file and tool), rounds: $rounds"
printf '%-6s %10s %10s %12s %12s %8s\n' round talign_s whatlang_s talign_cpu whatlang_cpu cpu_ratio
ratios=()
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then
    read -r tw tc < <(measure talign)
    read -r ww wc < <(measure whatlang)
  else
    read -r ww wc < <(measure whatlang)
    read -r tw tc < <(measure talign)
  fi
  ratio=$(echo "$tc / $wc" | bc -l)
  ratios+=("$ratio")
  printf '%-6s %10.2f %10.2f %12.2f %12.2f %8.2f\n' "$r" "$tw" "$ww" "$tc" "$wc" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median CPU ratio talign / whatlang: %.2f\n' "$median"
