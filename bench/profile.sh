#!/usr/bin/env bash
# Where a scan's CPU goes, by stage (issue 20; not a test): samples every thread's stack with perf at 499 Hz, JIT-ed
# code named through the runtime's perf map, and counts each sample once, under the first of the stages below met on
# its way from the leaf to the root (so "jit" holds every sample in the JIT, whatever called it).
# Usage: bench/profile.sh [TREE]   (default: the Python standard library). Needs perf (apt-get install linux-perf).
# The runtime's perf map names JIT-ed code only, not precompiled (ReadyToRun) code, so the application's own two
# assemblies are run from IL here (EXCLUDE, default "readiness;Readiness.Rules", DOTNET_ReadyToRunExcludeList) to
# name the stages: the "jit" stage then also holds their JIT, which the launcher's build does not pay. EXCLUDE= profiles
# the build as shipped; precompiled frames are then counted by image: "precompiled, readiness.r2r.dll" for the
# launcher's composite build (Roslyn, YamlDotNet and most of the framework among them, so no "roslyn" stage),
# "precompiled, NAME.dll" for its per-assembly fallback.
set -euo pipefail
cd "$(dirname "$0")/.."
tree=${1:-/root/.pyenv/versions/3.11.7/lib/python3.11}
out=bench/results/profile; mkdir -p "$out"
./readiness --help >/dev/null 2>&1 || true   # build once, outside the profile
DOTNET_ReadyToRunExcludeList=${EXCLUDE-readiness;Readiness.Rules} DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 perf record -q -F 499 -g -o "$out/perf.data" -- \
  dotnet .build/readiness/readiness.dll scan "$tree" --format json --output-dir "$out/report" >/dev/null 2>&1 || true
perf script -i "$out/perf.data" 2>/dev/null > "$out/perf.txt"
python3 - "$out/perf.txt" <<'PY'
import collections, re, sys
stages = [("jit", "libclrjit"), ("yaml", "YamlDotNet"), ("roslyn", "Microsoft.CodeAnalysis"), ("prefilter", "KeywordPrefilter::Find"), ("filecontext", "FileContext::Of"),
          ("detector-regex", "RunDetector"), ("assign-regex", "RunAssignments"), ("fallback", "RunFallbacks"),
          ("secretscan-other", "SecretScanner::Scan"), ("pyparse", "PyParser"), ("read", "FileWalker::Read"),
          ("enumerate", "Enumerate>d__"), ("checkfile-other", "RuleEngine::CheckFile"), ("observe", "::Observe("),
          ("report", "Reporters::WriteAll"), ("collect", "CollectSafely"), ("walk-other", "FileWalker::Walk"), ("main", "ReadinessCli::Run")]
counts, kernel, total = collections.Counter(), collections.Counter(), 0
for sample in open(sys.argv[1]).read().split("\n\n"):
    frames = sample.strip().split("\n")[1:]
    if not frames: continue
    total += 1
    stage = next((name for name, marker in stages if any(marker in f for f in frames)), None)
    if stage is None:  # precompiled code has no name in the perf map: count it by assembly
        dll = next((m.group(1) for f in frames for m in [re.search(r"\[unknown\] \(.*/([^/]+\.dll)\)", f)] if m), None)
        if dll: stage = f"precompiled, {dll}"
    if stage is None:  # a runtime thread of its own: GC, tiered compilation, timers
        stage = "other thread, kernel" if "kallsyms" in frames[0] else "other thread, runtime" if "libcoreclr" in frames[0] else "other thread"
    counts[stage] += 1
    if "kallsyms" in frames[0]: kernel[stage] += 1
print(f"{total} samples ({total / 499:.1f} s of CPU at 499 Hz)\n\n| stage | samples | share | of which in the kernel |\n|---|---:|---:|---:|")
for stage, n in counts.most_common(): print(f"| {stage} | {n} | {100 * n / total:.1f}% | {kernel[stage]} |")
PY
