#!/usr/bin/env bash
# Secret-scan benchmark (not a test): the default `readiness scan` against ripgrep running the same detector regexes
# (PCRE2) over the same tree, in the same run. Reports wall time and peak RSS. Usage: bench/secrets/run.sh [TREE...]
set -euo pipefail
cd "$(dirname "$0")/../.."
trees=("$@")
[ ${#trees[@]} -eq 0 ] && trees=(/root/.pyenv/versions/3.11.7/lib/python3.11)
for p in ripgrep time; do
  dpkg -s "$p" >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$p" >/dev/null; }
done
out=bench/results/secrets; mkdir -p "$out"
# The detector regexes, one per line, exactly as shipped (single-quoted YAML scalars).
python3 - > "$out/patterns.txt" <<'PY'
import re
n = 0
for line in open("src/Readiness.Rules/Secrets/detectors.yaml"):
    m = re.match(r"^    regex: '(.*)'$", line.rstrip("\n"))
    if not m: continue
    n += 1
    # rg joins the patterns into one PCRE2 regex: give each pattern's named groups unique names.
    pattern = m.group(1).replace("''", "'")
    pattern = re.sub(r"\(\?<([A-Za-z]\w*)>", lambda g: f"(?<{g.group(1)}{n}>", pattern)
    print(re.sub(r"\\k<(\w+)>", lambda g: f"\\k<{g.group(1)}{n}>", pattern))
PY
rm -f "$out"/chunk.*; split -l 8 "$out/patterns.txt" "$out/chunk."
./readiness --help >/dev/null 2>&1 || true   # build once, outside the timings
measure() { # label, command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/time.txt" "$@" >/dev/null 2>"$out/stderr.txt" || true
  read -r wall rss < <(tail -1 "$out/time.txt")
  printf '| %s | %s | %.0f |\n' "$label" "$wall" "$((rss / 1024))"
}
for tree in "${trees[@]}"; do
  size=$(du -sh "$tree" | cut -f1); files=$(find "$tree" -type f | wc -l)
  echo "## $tree ($size, $files files)"
  echo "| tool | wall s | peak RSS MB |"
  echo "|---|---:|---:|"
  for run in 1 2; do
    measure "readiness scan (all rules, run $run)" ./readiness scan "$tree" --output-dir "$out/report"
    # PCRE2 refuses all 95 patterns joined into one regex ("too large"): rg runs over chunks of 8, one after another.
    measure "rg -P, $(wc -l < "$out/patterns.txt") detector regexes in chunks of 8 (run $run)" bash -c \
      'for f in "$0"/chunk.*; do rg -P --no-ignore --hidden --max-filesize 5M -c -f "$f" "$1" || true; done' "$out" "$tree"
  done
done
