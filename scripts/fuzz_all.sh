#!/usr/bin/env bash
# Runs every reader's fuzz target for SECONDS each (default 120). The machine has the stable
# toolchain only: cargo-fuzz's sanitizer flags need RUSTC_BOOTSTRAP=1.
# Usage: scripts/fuzz_all.sh [SECONDS]   (needs: cargo install cargo-fuzz --locked)
set -euo pipefail
secs=${1:-120}
cd "$(dirname "$0")/.."
export RUSTC_BOOTSTRAP=1
for target in read_jsonl read_csv read_html read_text read_manifest; do
  mkdir -p "fuzz/corpus/$target"
  echo "== $target for ${secs}s"
  cargo fuzz run "$target" -- -max_total_time="$secs" -max_len=4096 -rss_limit_mb=1024 2>&1 \
    | grep -E "^#[0-9]+ *DONE|Done [0-9]+ runs|ERROR|panicked|SUMMARY" || true
done
