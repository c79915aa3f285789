#!/usr/bin/env bash
# Throughput of `referat extract` by number of worker threads.
#
#   benches/scaling.sh [MEGABYTES] [JOBS...]     (default 200; 1 2 and nproc)
#
# Needs no Rust toolchain and no hyperfine, so it runs on a lent machine
# with only the working tree: it uses REFERAT (default target/release/referat)
# and CORPUS_BIN (default target/release/examples/corpus) as built here.
# Builds the deterministic corpus under target/corpus/MEGABYTES unless it
# exists, reads it once to warm the page cache, then runs each thread count
# RUNS times (default 3) and prints the median wall time, MB/s and the
# speed-up over one thread.
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${1:-200}
shift || true
JOBS=("$@")
[ ${#JOBS[@]} -gt 0 ] || JOBS=(1 2 "$(nproc)")
BIN=${REFERAT:-target/release/referat}
GEN=${CORPUS_BIN:-target/release/examples/corpus}
CORPUS=target/corpus/$MB
RUNS=${RUNS:-3}

[ -d "$CORPUS" ] || "$GEN" "$CORPUS" "$MB" 2026 >/dev/null
BYTES=$(du -sb "$CORPUS" | cut -f1)
find "$CORPUS" -type f -print0 | xargs -0 cat >/dev/null
echo "corpus: $CORPUS, $((BYTES / 1000000)) MB, $(find "$CORPUS" -type f | wc -l) files;" \
  "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')); $(date -u +%F)"

base=""
for j in "${JOBS[@]}"; do
  times=()
  for _ in $(seq "$RUNS"); do
    start=$(date +%s.%N)
    "$BIN" extract --quiet --jobs "$j" "$CORPUS" >/dev/null || true
    end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {print b - a}')")
  done
  med=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  [ -n "$base" ] || base=$med
  awk -v j="$j" -v m="$med" -v n="$BYTES" -v b="$base" -v r="${times[*]}" \
    'BEGIN {printf "jobs %3d  median %7.2f s  %7.1f MB/s  speed-up %5.2fx  (runs: %s)\n", j, m, n / m / 1e6, b / m, r}'
done
