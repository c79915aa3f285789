#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, one after the
# other, seeded with the fixtures and the devset; logs under target/fuzz-logs.
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECS=${1:-600}; shift || true
TARGETS=${*:-document amounts dates people forms ocr layout}
mkdir -p target/fuzz-logs
for t in $TARGETS; do
  mkdir -p "fuzz/corpus/$t"
  cp -n fixtures/*.txt fixtures/*.md "fuzz/corpus/$t/" 2>/dev/null || true
  [ -d ../shared/devset ] && cp -n ../shared/devset/* "fuzz/corpus/$t/" 2>/dev/null || true
  max=16384; [ "$t" = document ] && max=262144
  cargo +nightly fuzz run -O "$t" -- -max_total_time="$SECS" -max_len=$max \
    -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    > "target/fuzz-logs/$t.log" 2>&1 || echo "$t: finding, see target/fuzz-logs/$t.log"
done
