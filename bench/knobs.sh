#!/usr/bin/env bash
# Runtime settings measured (issue 20, not a test): the same build of readiness under several DOTNET_* settings, on
# an empty folder (start-up) and on a large tree, interleaved so load on a shared machine hits every variant alike.
# Usage: bench/knobs.sh [LARGE_TREE]   (default bench/cache/efcore; bench/run.sh creates it). RUNS (default 3).
# VARIANTS: "name=SETTINGS" lines instead of the list below; BUILD: a copy of .build/readiness to run (so a rebuild
# while the benchmark runs does not change what it measures); BUILDS: "name=DIR" lines, several builds (a JIT-only
# `dotnet build`, a ReadyToRun publish, ...) each run under every variant, interleaved too.
set -euo pipefail
cd "$(dirname "$0")/.."
large=${1:-bench/cache/efcore}
runs=${RUNS:-3}
out=bench/results/knobs; mkdir -p "$out/empty"
build=${BUILD:-.build/readiness}
[ -n "${BUILD:-}${BUILDS:-}" ] || ./readiness --help >/dev/null 2>&1 || true   # build once, outside the timings
if [ -n "${BUILDS:-}" ]; then mapfile -t builds <<< "$BUILDS"; else builds=("build=$build"); fi
default_variants=(
  "default="
  "no-tiering=DOTNET_TieredCompilation=0"
  "no-pgo=DOTNET_TieredPGO=0"
  "loops-optimized=DOTNET_TC_QuickJitForLoops=0"
  "loops-optimized,no-pgo=DOTNET_TC_QuickJitForLoops=0 DOTNET_TieredPGO=0"
  "no-r2r=DOTNET_ReadyToRun=0"
  "non-concurrent-gc=DOTNET_gcConcurrent=0"
  "gen0-64MB=DOTNET_GCgen0size=0x4000000"
  "server-gc=DOTNET_gcServer=1"
)
if [ -n "${VARIANTS:-}" ]; then mapfile -t variants <<< "$VARIANTS"; else variants=("${default_variants[@]}"); fi
: > "$out/samples.tsv"
for run in $(seq "$runs"); do
  for tree in "$out/empty" "$large"; do
    for b in "${builds[@]}"; do
      for variant in "${variants[@]}"; do
        name=${variant%%=*}; settings=${variant#*=}
        [ ${#builds[@]} -eq 1 ] || name="${b%%=*}, $name"
        /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" env $settings dotnet "${b#*=}/readiness.dll" scan "$tree" \
          --output-dir "$out/report" >/dev/null 2>&1 || true
        read -r wall user sys rss < <(tail -1 "$out/time.txt")
        printf '%s\t%s\t%s\t%s\t%s\n' "$tree" "$name" "$wall" "$(awk "BEGIN { print $user + $sys }")" "$rss" >> "$out/samples.tsv"
      done
    done
  done
done
python3 - "$out/samples.tsv" <<'PY'
import statistics, sys, os
rows = {}
for line in open(sys.argv[1]):
    tree, name, wall, cpu, rss = line.rstrip("\n").split("\t")
    rows.setdefault(tree, {}).setdefault(name, []).append((float(wall), float(cpu), int(rss) / 1024))
print(f"load average {os.getloadavg()[0]:.1f} at the end")
for tree, variants in rows.items():
    base = statistics.median(x[1] for x in next(iter(variants.values())))
    print(f"\n{tree}\n\n| settings | wall s median | CPU s median | CPU vs first | peak RSS MB |\n|---|---:|---:|---:|---:|")
    for name, s in variants.items():
        cpu = statistics.median(x[1] for x in s)
        print(f"| {name} | {statistics.median(x[0] for x in s):.2f} | {cpu:.2f} | {cpu / base:.2f} | {max(x[2] for x in s):.0f} |")
PY
