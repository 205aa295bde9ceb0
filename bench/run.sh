#!/usr/bin/env bash
# The speed benchmark (issue 20; not a test). In one run and on the same trees it times:
#   readiness scan (default ruleset), ripgrep with 14 common secret regexes in one call (bench/common-secret-regexes.txt),
#   ripgrep with every detector regex (PCRE2, in chunks of 8: PCRE2 refuses them joined), cat of every file, and
#   secretlint with its recommended preset (pinned in bench/package.json),
# and prints wall time, CPU time (user + system) and peak RSS, minimum and median of RUNS runs, and the ratios.
# Usage: bench/run.sh [TREE...]   (default: the Python standard library and bench/cache/efcore)
# Environment: RUNS (default 3), TOOLS (space-separated subset of: readiness rg14 rgall cat secretlint),
# SECRETLINT_RUNS (default RUNS: secretlint takes minutes on these trees, so a loaded machine may afford only one),
# SECRETLINT_TIMEOUT (seconds of wall time, default none: a secretlint run stopped then is printed as "> its time",
# and its ratio as "at least"),
# BEFORE (another checkout of this repository, e.g. the commit before a change: adds its readiness as tool "before",
# so a change is measured against its parent in the same run).
# On a shared machine run it as `nice -n 10 bench/run.sh`; compare ratios within one run, not absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
runs=${RUNS:-3}
tools=(${TOOLS:-readiness ${BEFORE:+before} rg14 rgall cat secretlint})
out=$repo/bench/results/run; mkdir -p "$out"

stdlib=/root/.pyenv/versions/3.11.7/lib/python3.11
efcore=$repo/bench/cache/efcore
trees=("$@")
if [ ${#trees[@]} -eq 0 ]; then
  trees=("$stdlib" "$efcore")
  if [ ! -d "$efcore" ]; then
    # A large public C# repository, unpacked once (no .git, so every tool sees the same plain tree).
    # EFCORE_GIT may point at a bare clone (e.g. from the search tool's `fetch github:dotnet/efcore`).
    git_dir=${EFCORE_GIT:-/work/.mirror/dotnet+efcore/repo}
    if [ ! -d "$git_dir" ]; then
      git clone --bare --depth 1 https://github.com/dotnet/efcore "$repo/bench/cache/efcore.git" \
        || { echo "bench: cannot get dotnet/efcore; clone it bare and set EFCORE_GIT=/path/to/efcore.git" >&2; exit 2; }
      git_dir=$repo/bench/cache/efcore.git
    fi
    # A partial mirror may lack its largest blobs: check out every file whose blob is present, and list the others.
    rm -rf "$efcore.tmp"; mkdir -p "$efcore.tmp"
    export GIT_INDEX_FILE=$repo/bench/cache/efcore.index
    git --git-dir="$git_dir" read-tree HEAD
    git --git-dir="$git_dir" ls-files -s | awk '{ print $2 }' | git --git-dir="$git_dir" cat-file --batch-check='%(objectname) %(objecttype)' \
      | awk '$2 == "missing" { print $1 }' > "$repo/bench/cache/efcore.missing"
    git --git-dir="$git_dir" ls-files -s | grep -F -f "$repo/bench/cache/efcore.missing" | cut -f2 \
      | { while IFS= read -r path; do echo "bench: $path is absent from $git_dir; left out" >&2; git --git-dir="$git_dir" update-index --force-remove "$path"; done; }
    git --git-dir="$git_dir" --work-tree="$efcore.tmp" checkout-index -a --prefix="$efcore.tmp/"
    unset GIT_INDEX_FILE; rm -f "$repo/bench/cache/efcore.index"
    git --git-dir="$git_dir" rev-parse HEAD > "$efcore.tmp/.bench-commit"
    mv "$efcore.tmp" "$efcore"
  fi
fi

command -v rg >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null; }
[ -x /usr/bin/time ] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
[ -x bench/node_modules/.bin/secretlint ] || (cd bench && npm ci --no-audit --no-fund --silent)

# Every detector regex, as shipped (single-quoted YAML scalars); rg joins the patterns of one file into one PCRE2
# regex, so each pattern's named groups get unique names.
python3 - > "$out/detector-regexes.txt" <<'PY'
import re
n = 0
for line in open("src/Readiness.Rules/Secrets/detectors.yaml"):
    m = re.match(r"^    regex: '(.*)'$", line.rstrip("\n"))
    if not m: continue
    n += 1
    pattern = m.group(1).replace("''", "'")
    pattern = re.sub(r"\(\?<([A-Za-z]\w*)>", lambda g: f"(?<{g.group(1)}{n}>", pattern)
    print(re.sub(r"\\k<(\w+)>", lambda g: f"\\k<{g.group(1)}{n}>", pattern))
PY
rm -f "$out"/chunk.*; split -l 8 "$out/detector-regexes.txt" "$out/chunk."
./readiness --help >/dev/null 2>&1 || true   # build once, outside the timings
[ -n "${BEFORE:-}" ] && { "$BEFORE/readiness" --help >/dev/null 2>&1 || true; }

# Secret hashes (in the findings, so in the digest below) are keyed: a fixed key makes the digest the same on every
# machine, where each installation's own key would make it differ.
# ripgrep is told to see what readiness sees: .gitignore honoured without a .git folder, hidden files, the 5 MB limit.
rg_flags=(--hidden --no-require-git --max-filesize 5M -c)
run_tool() { # tool tree
  local tree=$2
  case $1 in
    readiness) READINESS_SECRET_HASH_KEY=bench ./readiness scan "$tree" --format json --output-dir "$out/report" ;;
    before) READINESS_SECRET_HASH_KEY=bench "$BEFORE/readiness" scan "$tree" --format json --output-dir "$out/report-before" ;;
    rg14) rg "${rg_flags[@]}" -f bench/common-secret-regexes.txt "$tree" ;;
    rgall) for f in "$out"/chunk.*; do rg -P "${rg_flags[@]}" -f "$f" "$tree" || true; done ;;
    cat) find "$tree" -type f -print0 | xargs -0 cat ;;
    secretlint) (cd "$tree" && timeout "${SECRETLINT_TIMEOUT:-0}" "$repo/bench/node_modules/.bin/secretlint" --secretlintrc "$repo/bench/secretlintrc.json" --secretlintignore /dev/null --maskSecrets "**/*") ;;
  esac
}

samples=$out/samples.tsv; : > "$samples"; rm -f "$out"/results*.json
for tree in "${trees[@]}"; do
  find "$tree" -type f -print0 | xargs -0 cat > /dev/null   # warm the page cache
  for run in $(seq "$runs"); do
    for tool in "${tools[@]}"; do
      [ "$tool" = secretlint ] && [ "$run" -gt "${SECRETLINT_RUNS:-$runs}" ] && continue
      set +e
      /usr/bin/time -f "%e %U %S %M" -o "$out/time.txt" bash -c "$(declare -p repo out rg_flags); BEFORE='${BEFORE:-}'; SECRETLINT_TIMEOUT='${SECRETLINT_TIMEOUT:-0}'; $(declare -f run_tool); run_tool $tool '$tree'" \
        > /dev/null 2> "$out/stderr.$tool.txt"
      rc=$?
      set -e
      # rg exits 1 when nothing matched; readiness and secretlint exit 1 when they found something. 2 is an error;
      # 124 is secretlint stopped at SECRETLINT_TIMEOUT (a lower bound of its time).
      cut=
      if [ "$tool" = secretlint ] && [ "$rc" -eq 124 ]; then cut=cut
      elif [ "$rc" -ge 2 ]; then
        echo "bench: $tool failed on $tree (exit $rc):" >&2; tail -5 "$out/stderr.$tool.txt" >&2; exit 2
      fi
      read -r wall user sys rss < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$out/time.txt" | tail -1)
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$tree" "$tool" "$wall" "$(awk "BEGIN { print $user + $sys }")" "$rss" "$cut" >> "$samples"
    done
  done
  [ -f "$out/report/results.json" ] && cp "$out/report/results.json" "$out/results.$(basename "$tree").json"
  [ -f "$out/report-before/results.json" ] && cp "$out/report-before/results.json" "$out/results-before.$(basename "$tree").json"
  rm -rf "$out/report" "$out/report-before"
done

python3 - "$samples" "$out" "$runs" <<'PY'
import hashlib, json, os, statistics, subprocess, sys, datetime
samples, out, runs = sys.argv[1], sys.argv[2], sys.argv[3]
rows, cut = {}, set()
for line in open(samples):
    tree, tool, wall, cpu, rss, stopped = line.rstrip("\n").split("\t")
    rows.setdefault(tree, {}).setdefault(tool, []).append((float(wall), float(cpu), int(rss) / 1024))
    if stopped: cut.add((tree, tool))
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
load = os.getloadavg()[0]
print(f"### {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit {commit}, {os.cpu_count()} cores, "
      f"load average {load:.1f} at the end, {runs} runs")
names = {"readiness": "readiness scan", "before": "readiness scan, BEFORE checkout", "rg14": "rg, 14 common regexes", "rgall": "rg -P, every detector regex",
         "cat": "cat every file", "secretlint": "secretlint, recommended preset"}
for tree, tools in rows.items():
    files = sum(len(f) for _, _, f in os.walk(tree))
    print(f"\n{tree} ({files} files)\n")
    print("| tool | runs | wall s min | wall s median | CPU s min | CPU s median | peak RSS MB max |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    med = {}
    for tool, s in tools.items():
        walls, cpus, rss = [x[0] for x in s], [x[1] for x in s], [x[2] for x in s]
        med[tool] = (statistics.median(walls), statistics.median(cpus))
        gt = "> " if (tree, tool) in cut else ""
        print(f"| {names[tool]}{' (stopped at SECRETLINT_TIMEOUT)' if gt else ''} | {len(s)} | {gt}{min(walls):.2f} | {gt}{med[tool][0]:.2f} "
              f"| {gt}{min(cpus):.2f} | {gt}{med[tool][1]:.2f} | {max(rss):.0f} |")
    if "readiness" in med:
        r = med["readiness"]
        ratios = []
        for tool, label in (("before", "readiness / BEFORE"), ("rg14", "readiness / rg 14 regexes"), ("rgall", "readiness / rg every detector"), ("cat", "readiness / cat")):
            if tool in med: ratios.append(f"{label}: wall {r[0] / med[tool][0]:.1f}x, CPU {r[1] / med[tool][1]:.1f}x")
        if "secretlint" in med:
            least = "at least " if (tree, "secretlint") in cut else ""
            ratios.append(f"secretlint / readiness: wall {least}{med['secretlint'][0] / r[0]:.1f}x, CPU {least}{med['secretlint'][1] / r[1]:.1f}x")
        print("\nMedian ratios: " + "; ".join(ratios) + ".")
        for label, prefix in (("readiness", "results"), ("BEFORE", "results-before")):
            results = os.path.join(out, f"{prefix}.{os.path.basename(tree)}.json")
            if not os.path.exists(results): continue
            d = json.load(open(results))
            keys = sorted(f"{f['finding']['ruleId']} {f['finding']['fingerprint']}" for f in d["findings"])
            cov = d["coverage"]
            digest = hashlib.sha256(json.dumps([keys, cov], sort_keys=True).encode()).hexdigest()[:12]
            print(f"{label}: {len(keys)} findings, {cov['counts'].get('code.files', 0)} files scanned, "
                  f"{len(cov['skipped'])} skipped, {len(cov['gaps'])} gaps; findings and coverage digest {digest}.")
PY
