"""Seeds a moto server with an AWS Organization: the management account and N member accounts, each with mistakes
(used only to set up tests and bench/org).

Usage: python3 seed_org.py ENDPOINT_URL --accounts N [--resources R]
Creates N member accounts (team-00 under the organizational unit "prod", team-01 under "prod-eu" nested in it), and in
every member account: an IAM user with an access key (so the credential report has rows), a security group open to
the internet on SSH, a secret without rotation named the same in every account, and R extra secrets (bench scale).
Account number 2 (index 1, when there are at least 3) is left clean apart from its IAM user; the management account
has one IAM user.
Seeding is cheap so that 50 accounts are affordable: one client per service for every account (moto serves the account
named by its x-moto-account-id header, so no AssumeRole and no new client per account). Accounts are seeded one after
the other: moto is not safe for concurrent writes into new accounts (with 4 threads the bench once failed on a user created twice).
Prints one JSON object: {"management": ID, "ou": OU-ID, "accounts": [{"id", "name"}], "clean": ID}.
"""
import json
import sys

import boto3

endpoint = sys.argv[1]
def option(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default
count = option("--accounts", 0)
extra = option("--resources", 0)
region = "us-east-1"
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")

# The account being seeded; None means the caller's own (the management account).
current = {"account": None}

def in_current_account(request, **_):
    if current["account"]:
        request.headers["x-moto-account-id"] = current["account"]

def client(service):
    c = boto3.client(service, **kw)
    c.meta.events.register("before-sign", in_current_account)
    return c

org, iam, ec2, sm = client("organizations"), client("iam"), client("ec2"), client("secretsmanager")
management = org.create_organization(FeatureSet="ALL")["Organization"]["MasterAccountId"]
root = org.list_roots()["Roots"][0]["Id"]
prod = org.create_organizational_unit(ParentId=root, Name="prod")["OrganizationalUnit"]["Id"]
nested = org.create_organizational_unit(ParentId=prod, Name="prod-eu")["OrganizationalUnit"]["Id"]

def seed_account(account, index, clean):
    current["account"] = account
    iam.create_user(UserName=f"deploy-{index}")
    iam.create_access_key(UserName=f"deploy-{index}")
    if clean:
        return
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    group = ec2.create_security_group(GroupName=f"ssh-open-{index}", Description="ssh from anywhere", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    sm.create_secret(Name="app/database-password", SecretString="not-a-real-secret")
    for n in range(extra):
        sm.create_secret(Name=f"bench/secret-{n}", SecretString="x")

accounts = []
for i in range(count):
    name = f"team-{i:02d}"
    account = org.create_account(Email=f"{name}@example.com", AccountName=name)["CreateAccountStatus"]["AccountId"]
    accounts.append({"id": account, "name": name})
    if i == 0:
        org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=prod)
    if i == 1:
        org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=nested)

# The management account is scanned too (its role name is the same); its credential report needs a user.
iam.create_user(UserName="org-admin")
clean = accounts[1]["id"] if count >= 3 else None
for i, a in enumerate(accounts):
    seed_account(a["id"], i, a["id"] == clean)

print(json.dumps({"management": management, "ou": prod, "accounts": accounts, "clean": clean}))
