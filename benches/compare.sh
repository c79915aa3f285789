#!/usr/bin/env bash
# Whole-process throughput and memory of referat next to cat and ripgrep.
#
#   benches/compare.sh [MEGABYTES]     (default 200)
#
# Builds the deterministic corpus (examples/corpus.rs) under target/corpus,
# then times, side by side with hyperfine (apt-get install hyperfine
# ripgrep if missing): cat, rg -j1 of an amount regex, the plain Python
# regex script benches/baseline.py (amounts, dates, `Punkt N` headings),
# referat extract --jobs 1, and referat extract on all cores; prints MB/s,
# the ratio referat/rg and how many times the Python script's time
# referat's one thread takes. Then checks that peak RSS does not grow
# with the number of files: /usr/bin/time -v over 2,000 and 20,000 small
# files. REFERAT names
# another binary to time (the profile-guided build of
# scripts/build-pgo.sh: REFERAT=target/pgo/x86_64-unknown-linux-gnu/release/referat).
set -euo pipefail
cd "$(dirname "$0")/.."

MB=${1:-200}
CORPUS=target/corpus/$MB
for tool in hyperfine rg; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install hyperfine ripgrep" >&2; exit 2; }
done

cargo build --release --quiet
cargo build --release --quiet --example corpus
[ -d "$CORPUS" ] || target/release/examples/corpus "$CORPUS" "$MB" 2026
BYTES=$(du -sb "$CORPUS" | cut -f1)
BIN=${REFERAT:-target/release/referat}
AMOUNT='[0-9]{1,3}(\.[0-9]{3})+(,[0-9]{2})?( kr\.?| mio\.)'

echo "corpus: $CORPUS, $((BYTES / 1000000)) MB, $(find "$CORPUS" -type f | wc -l) files; $(nproc) cores; $(date -u +%F)"
hyperfine --warmup 1 --runs "${RUNS:-3}" --export-json target/compare.json \
  -n cat "find $CORPUS -type f -print0 | xargs -0 cat > /dev/null" \
  -n rg-j1 "rg -j1 -c -e '$AMOUNT' $CORPUS > /dev/null || true" \
  -n python "python3 benches/baseline.py $CORPUS > /dev/null" \
  -n referat-j1 "$BIN extract --quiet --jobs 1 $CORPUS > /dev/null || true" \
  -n referat "$BIN extract --quiet $CORPUS > /dev/null || true"

python3 - "$BYTES" <<'EOF'
import json, sys
n = int(sys.argv[1])
res = {r["command"]: r for r in json.load(open("target/compare.json"))["results"]}
med = {k: v["median"] for k, v in res.items()}
for k, t in med.items():
    print(f"{k:12} median {t:7.2f} s  {n / t / 1e6:8.1f} MB/s")
print(f"referat-j1 / rg-j1 time ratio: {med['referat-j1'] / med['rg-j1']:.1f}x")
print(f"python / referat-j1 time ratio: {med['python'] / med['referat-j1']:.1f}x")
print(f"all cores vs one: {med['referat-j1'] / med['referat']:.2f}x")
EOF

# Memory: peak RSS over 2,000 vs 20,000 files (the same small documents).
MEM=target/corpus/memory
if [ ! -d "$MEM/20000" ]; then
  python3 - "$MEM" <<'EOF'
import glob, os, sys
seeds = [open(p, "rb").read() for p in sorted(glob.glob("fixtures/0*.txt"))]
for n in (2000, 20000):
    d = os.path.join(sys.argv[1], str(n))
    os.makedirs(d, exist_ok=True)
    for i in range(n):
        open(os.path.join(d, f"{i:05}.txt"), "wb").write(seeds[i % len(seeds)])
EOF
fi
# The median of five runs each: one run's peak varies by ±10 % with how
# the two workers' allocations interleave (seen: 38.6 to 46.4 MB over
# 20,000 files with the same binary).
peak() {
  for _ in 1 2 3 4 5; do
    /usr/bin/time -v "$BIN" extract --quiet "$1" 2>&1 >/dev/null | awk '/Maximum resident/ {print $6}'
  done | sort -n | sed -n 3p
}
small=$(peak "$MEM/2000"); large=$(peak "$MEM/20000")
echo "peak RSS (median of 5): 2,000 files ${small} KB, 20,000 files ${large} KB"
python3 -c "import sys; s,l=$small,$large; g=(l-s)/s; print(f'growth {g*100:.1f}% (limit 20%)'); sys.exit(0 if g <= 0.2 else 1)"
