#!/usr/bin/env bash
# Growth benchmark (issue 20; not a test): is a scan's cost linear in files, findings and Terraform resources, and do
# 100,000 findings fit in 600 MB? Generates each series at three sizes, each size twice the one before, scans each
# with the launcher's build (`readiness scan DIR --format json`) and prints CPU seconds (user + system), wall
# seconds and peak RSS, and each size's CPU over the size before (linear growth: at most 2, start-up makes it less).
# Usage: bench/growth.sh [SERIES...]   (files findings terraform; default all three)
# Environment: RUNS (default 1; the median is printed), BUILD (a copy of .build/readiness to run),
# FILES, FINDINGS, RESOURCES (the three sizes of each series, e.g. FILES="10000 20000 40000").
# On a shared machine run it as `nice -n 10 bench/growth.sh`; compare the ratios, not absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
series=("${@:-files findings terraform}")
read -r -a series <<<"${series[*]}"
runs=${RUNS:-1}
build=${BUILD:-.build/readiness}
[ -n "${BUILD:-}" ] || ./readiness --help >/dev/null 2>&1 || true   # build once, outside the timings
read -r -a sizes_files <<<"${FILES:-10000 20000 40000}"
read -r -a sizes_findings <<<"${FINDINGS:-25000 50000 100000}"
read -r -a sizes_terraform <<<"${RESOURCES:-5000 10000 20000}"
out=bench/results/growth; mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # series size dir
  case $1 in
    terraform) python3 bench/terraform/generate.py "$3" "$2" ;;
    *) python3 - "$1" "$2" "$3" <<'PY'
import os, random, string, sys
kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rnd = random.Random(n)
if kind == "files":
    # N clean Python modules of about 2 KB in folders of 500: what a code tree's bulk looks like to every rule.
    body = "".join(f"def handler_{i}(event, context):\n    total = sum(x * {i} for x in event.get('items', []))\n"
                   f"    return {{'status': 200, 'total': total}}\n\n" for i in range(16))
    for i in range(n):
        d = os.path.join(out, f"pkg{i // 500:03d}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"module_{i}.py"), "w") as f:
            f.write(f'"""Module {i}."""\nimport json\n\n' + body)
else:
    # N findings: one AWS access key id (RDY1001) per line, distinct ones, 100 lines to a file (the secret scan
    # reports at most 200 a file and says so as a coverage gap).
    os.makedirs(out, exist_ok=True)
    for start in range(0, n, 100):
        with open(os.path.join(out, f"keys_{start // 100:05d}.py"), "w") as f:
            for i in range(start, min(start + 100, n)):
                key = "AKIA" + "".join(rnd.choice(string.ascii_uppercase + "234567") for _ in range(16))
                f.write(f'aws_access_key_id_{i} = "{key}"\n')
PY
    ;;
  esac
}

: > "$out/samples.tsv"
for s in "${series[@]}"; do
  declare -n sizes="sizes_$s"
  for n in "${sizes[@]}"; do
    dir="$work/$s-$n"
    generate "$s" "$n" "$dir"
    for run in $(seq "$runs"); do
      rc=0
      /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" dotnet "$build/readiness.dll" scan "$dir" --format json \
        --output-dir "$out/report" >/dev/null 2>"$out/stderr.txt" || rc=$?
      [ "$rc" -le 1 ] || { echo "bench: readiness failed on $s $n (exit $rc):" >&2; tail -5 "$out/stderr.txt" >&2; exit 2; }
      read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$out/time.txt" | tail -1)
      measured=$(python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
c = d['coverage']['counts']
print({'files': c.get('code.files', 0), 'findings': len(d['findings']), 'terraform': c.get('iac.resources', 0)}[sys.argv[2]])" \
        "$out/report/results.json" "$s")
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$s" "$n" "$measured" "$wall" "$(awk "BEGIN { print $user + $sys }")" "$rss" >> "$out/samples.tsv"
    done
    rm -rf "$dir" "$out/report"
  done
  unset -n sizes
done

python3 - "$out/samples.tsv" <<'PY'
import datetime, os, statistics, subprocess, sys
rows = {}
for line in open(sys.argv[1]):
    s, n, measured, wall, cpu, rss = line.rstrip("\n").split("\t")
    rows.setdefault(s, {}).setdefault(int(n), []).append((int(measured), float(wall), float(cpu), int(rss) / 1024))
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print(f"### {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, "
      f"load average {os.getloadavg()[0]:.1f} at the end")
unit = {"files": "files scanned", "findings": "findings", "terraform": "Terraform resources"}
for s, sizes in rows.items():
    print(f"\n| {unit[s]} (generated) | measured | wall s | CPU s | CPU / size before | peak RSS MB | RSS / size before |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    before = None
    for n in sorted(sizes):
        v = sizes[n]
        cpu, rss = statistics.median(x[2] for x in v), max(x[3] for x in v)
        ratio = f"{cpu / before[0]:.2f}" if before else ""
        rss_ratio = f"{rss / before[1]:.2f}" if before else ""
        print(f"| {n:,} | {v[0][0]:,} | {statistics.median(x[1] for x in v):.2f} | {cpu:.2f} | {ratio} | {rss:.0f} | {rss_ratio} |")
        before = (cpu, rss)
PY
