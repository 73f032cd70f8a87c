#!/usr/bin/env bash
# The align_report rows for FLORES seeds 1-5 side by side, with what the MUSE lexicon adds.
#
#   cargo build --release --example align_report
#   scripts/align_seeds.sh [DATA_DIR] [-- extra align_report arguments, e.g. --params …]
#   SEEDS="6 7 8 9 10" scripts/align_seeds.sh   # the held-out seeds (never tune on them)
#
# Prints the Text+Berg dev rows (seed-independent), one line per FLORES row with the strict F1
# of seeds 1-5 (or $SEEDS) and their mean, and the per-seed gain of the lexicon rows over the
# rows without (en-ru, en-es). The raw reports stay in a temporary directory named on stderr.
set -euo pipefail

data=../shared/data
if [[ $# -gt 0 && $1 != -- ]]; then data=$1; shift; fi
[[ ${1:-} == -- ]] && shift
here=$(cd "$(dirname "$0")/.." && pwd)
report=${ALIGN_REPORT:-$here/target/release/examples/align_report}
if [[ ! -x $report ]]; then
  echo "build it first: cargo build --release --example align_report" >&2
  exit 2
fi
out=$(mktemp -d)
echo "reports in $out" >&2
seeds=${SEEDS:-1 2 3 4 5}
for s in $seeds; do
  "$report" --data "$data" --lexicon --by-type --seed "$s" "$@" > "$out/s$s.txt" 2>&1
done
python3 - "$out" $seeds <<'PY'
import re, sys
out = sys.argv[1]
rows = {}
for s in sys.argv[2:]:
    for line in open(f"{out}/s{s}.txt", encoding="utf-8"):
        m = re.match(r"^\s*(\S.*?)\s+strict P \S+ R \S+ F1 (\S+) \| lax F1 (\S+)", line)
        if m:
            rows.setdefault(m.group(1), []).append((float(m.group(2)), float(m.group(3))))
for name, v in rows.items():
    if not name.startswith("flores"):
        print(f"{name:24} {v[0][0]:.4f} lax {v[0][1]:.4f}")
    else:
        mean = sum(x[0] for x in v) / len(v)
        print(f"{name:24} " + " ".join(f"{x[0]:.4f}" for x in v) + f"   mean {mean:.4f}")
for lang in ("ru", "es"):
    a, b = rows.get(f"flores en-{lang}"), rows.get(f"flores en-{lang} +lexicon")
    if a and b:
        print(f"{'lexicon gain en-' + lang:24} " + " ".join(f"{y[0] - x[0]:+.4f}" for x, y in zip(a, b)))
PY
