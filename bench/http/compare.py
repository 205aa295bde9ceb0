"""Compares Readiness's httpTargets (results.json) with the Observatory's answers (observatory-scan.mjs) per target:
grade, score and every test result. tls-certificate is Readiness's own note for --insecure (docs/http.md)."""
import json, sys

observatory = json.load(open(sys.argv[1]))
readiness = json.load(open(sys.argv[2]))
agree = 0
for target in readiness["httpTargets"]:
    path = "/" + target["url"].split("/", 3)[3]
    if "grade" not in target:
        print(f"{path:30} readiness could not look: {target.get('failure')}")
        continue
    theirs = observatory[path]
    ours = {t["test"]: t["result"] for t in target["tests"]}
    diffs = [(test, result, ours.get(test)) for test, result in theirs["tests"].items() if result != ours.get(test)]
    same = not diffs and (theirs["grade"], theirs["score"]) == (target["grade"], target["score"])
    agree += same
    print(f"{path:30} observatory {theirs['grade']:2} {theirs['score']:4}  readiness {target['grade']:2} {target['score']:4}  {'agree' if same else 'DIFFER ' + str(diffs)}")
print(f"{agree} of {len(readiness['httpTargets'])} targets agree on grade, score and every test.")
sys.exit(0 if agree == len(readiness["httpTargets"]) else 1)
