"""Writes N synthetic shard folders (ACCOUNT/results.json) of R live findings each, plus accounts.json, from one real
shard as the template (its tool, ruleset and rules), for bench/org/run.sh. Not a test fixture.

Usage: python3 make_shards.py TEMPLATE_RESULTS_JSON OUT_DIR --shards N --resources R
"""
import copy
import hashlib
import json
import os
import sys

template_path, out = sys.argv[1], sys.argv[2]
shards = int(sys.argv[sys.argv.index("--shards") + 1])
resources = int(sys.argv[sys.argv.index("--resources") + 1])
template = json.load(open(template_path))
rules = ["RDY2401", "RDY2101", "RDY2702", "RDY2502", "RDY2601"]
accounts = []
for s in range(shards):
    account = f"{100000000000 + s:012d}"
    accounts.append({"id": account, "name": f"bench-{s:03d}", "roleArn": f"arn:aws:iam::{account}:role/readiness-audit"})
    result = copy.deepcopy(template)
    findings = []
    for r in range(resources):
        rule = rules[r % len(rules)]
        arn = f"arn:aws:secretsmanager:us-east-1:{account}:secret:bench/secret-{r}"
        findings.append({
            "finding": {
                "ruleId": rule, "severity": "high" if r % 3 == 0 else "medium", "source": "aws",
                "message": f"Secret bench/secret-{r} in account {account} has no rotation; turn on rotation.",
                "location": {"resource": {"provider": "aws", "account": account, "region": "us-east-1", "service": "secretsmanager",
                                          "type": "secret", "id": f"bench/secret-{r}", "arn": arn}},
                "fingerprintKey": "", "fingerprint": hashlib.sha256(f"{rule}\n{arn}".encode()).hexdigest()[:32],
            },
            "blocking": False,
        })
    result["findings"] = findings
    result["coverage"]["counts"] = {"aws.resources": resources, "aws.api-calls": resources // 20}
    result["coverage"]["gaps"] = []
    result["accounts"] = [{"id": account, "name": f"bench-{s:03d}", "status": "scanned", "resources": resources}]
    os.makedirs(os.path.join(out, account), exist_ok=True)
    json.dump(result, open(os.path.join(out, account, "results.json"), "w"))
json.dump({"schemaVersion": 1, "roleName": "readiness-audit", "accounts": accounts}, open(os.path.join(out, "accounts.json"), "w"), indent=2)
