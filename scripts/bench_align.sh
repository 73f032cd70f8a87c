#!/usr/bin/env bash
# talign align beside hunalign, timed in the same run on the same machine.
#
#   HUNALIGN=/path/to/hunalign [DOCS=7] scripts/bench_align.sh [DATA_DIR] [ROUNDS]
#
# Aligns the Text+Berg dev pair (DATA_DIR/textberg-dev, one sentence a line) cut into DOCS
# documents at gold-link boundaries (default 7, of ~67 sentences; the held-back test set has
# seven documents of ~140 sentences, which DOCS=3 comes closer to), once per document and tool,
# as whole commands, ROUNDS times (default 5), the two tools alternating round by round so that
# a noisy machine hurts both alike. Prints each round's wall time for the DOCS commands and the
# median ratio talign / hunalign. hunalign
# runs without a dictionary (an empty one), as in the published figures; talign with its
# defaults (languages detected, re-alignment on).
#
# Without HUNALIGN naming a binary it prints a SKIPPED line and exits 0. The project never
# needs hunalign; Debian and Ubuntu package it (`apt-get install hunalign`) where available.
set -euo pipefail

data=${1:-../shared/data}
rounds=${2:-5}
docs=${DOCS:-7}
here=$(cd "$(dirname "$0")/.." && pwd)
talign=${TALIGN:-$here/target/release/talign}

if [[ -z "${HUNALIGN:-}" || ! -x "${HUNALIGN}" ]]; then
  echo "SKIPPED: set HUNALIGN=/path/to/hunalign (an executable) to time talign beside hunalign"
  exit 0
fi
if [[ ! -x "$talign" ]]; then
  echo "build talign first: cargo build --release" >&2
  exit 2
fi
dev=$data/textberg-dev
if [[ ! -f $dev/dev.defr ]]; then
  echo "SKIPPED: $dev not found"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: > "$work/empty.dic"

# DOCS documents cut at gold-link boundaries
python3 - "$dev" "$work" "$docs" <<'EOF'
import ast, sys
dev, work, docs = sys.argv[1], sys.argv[2], int(sys.argv[3])
de = open(f"{dev}/dev.de", encoding="utf-8").read().splitlines()
fr = open(f"{dev}/dev.fr", encoding="utf-8").read().splitlines()
links = []
for line in open(f"{dev}/dev.defr", encoding="utf-8"):
    if line.strip():
        s, t = line.strip().split(":")
        links.append((ast.literal_eval(s), ast.literal_eval(t)))
per = -(-len(links) // docs)
for k in range(docs):
    part = links[k * per:(k + 1) * per]
    src = sorted(i for s, _ in part for i in s)
    tgt = sorted(j for _, t in part for j in t)
    with open(f"{work}/doc{k}.de", "w", encoding="utf-8") as f:
        f.write("".join(de[i] + "\n" for i in src))
    with open(f"{work}/doc{k}.fr", "w", encoding="utf-8") as f:
        f.write("".join(fr[j] + "\n" for j in tgt))
EOF

run_talign() {
  for ((k = 0; k < docs; k++)); do
    "$talign" align --lines "$work/doc$k.de" "$work/doc$k.fr" --format links -o "$work/t$k.links"
  done
}
run_hunalign() {
  for ((k = 0; k < docs; k++)); do
    "$HUNALIGN" -utf -realign "$work/empty.dic" "$work/doc$k.de" "$work/doc$k.fr" \
      > "$work/h$k.ladder" 2> /dev/null
  done
}
seconds() {
  local start end
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}

echo "round	talign_s	hunalign_s	ratio"
ratios=()
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then
    t=$(seconds run_talign); h=$(seconds run_hunalign)
  else
    h=$(seconds run_hunalign); t=$(seconds run_talign)
  fi
  ratio=$(echo "$t / $h" | bc -l)
  ratios+=("$ratio")
  printf '%s\t%.3f\t%.3f\t%.2f\n' "$r" "$t" "$h" "$ratio"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median talign/hunalign time: %.2f (%s documents, %s rounds)\n' "$median" "$docs" "$rounds"
