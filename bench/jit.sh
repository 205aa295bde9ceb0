#!/usr/bin/env bash
# What a scan compiles at run time (issue 20, not a test): the launcher's build precompiles nearly everything, and
# what is left to the JIT (generic instantiations over value types that the image does not hold, methods using
# Vector256/Vector512, dynamic methods) costs start-up. Prints the number of methods JIT-ed (each one's name, tier and
# size in bench/results/jit/methods.txt); then, from a second run with a startup hook listening to the runtime's JIT
# events (whose own handling adds some 35 methods), the time in the JIT and the slowest methods (JIT_TOP, default 25;
# wall time on the compiling thread, type loads included, so a busy machine inflates them).
# Usage: bench/jit.sh [TREE] [SCAN OPTIONS...]   (default: an empty folder). BUILD: a copy of .build/readiness to run.
# For where a JIT-ed generic is instantiated, EXCLUDE=1 runs our two assemblies from IL: each framework method in
# methods.txt then follows, in order, the method of ours that first needed it.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/jit; mkdir -p "$out/empty"
tree=${1:-$out/empty}; shift || true
build=${BUILD:-.build/readiness}
[ -n "${BUILD:-}" ] || ./readiness --help >/dev/null 2>&1 || true   # build once, outside the measurement
dotnet build bench/jit/JitHook.csproj -c Release -o "$out/hook" -v quiet -nologo >/dev/null
rm -f "$out/methods.txt"
run() { dotnet "$build/readiness.dll" scan "$tree" -q --output-dir "$out/report" "$@" 2>&1 >/dev/null; }
exclude=${EXCLUDE:+readiness;Readiness.Rules}
# Two runs: the listener's own event handling JIT-s some 35 methods, so the count comes from a run without it.
DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$out/methods.txt" DOTNET_ReadyToRunExcludeList="$exclude" run "$@" >/dev/null || true
echo "jit: $(grep -c 'JIT compiled' "$out/methods.txt") methods JIT-ed (every one in $out/methods.txt)"
DOTNET_STARTUP_HOOKS="$PWD/$out/hook/JitHook.dll" DOTNET_ReadyToRunExcludeList="$exclude" run "$@" | grep '^jit: ' || true
