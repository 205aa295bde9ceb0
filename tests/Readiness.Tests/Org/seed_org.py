"""Seeds a moto server with an AWS Organization: the management account and N member accounts, each with mistakes
(used only to set up tests and bench/org).

Usage: python3 seed_org.py ENDPOINT_URL --accounts N [--resources R]
Creates N member accounts (two of them under the organizational unit "prod"), and in every member account, through
AssumeRole into it: an IAM user with an access key (so the credential report has rows), a security group open to the
internet on SSH, a secret without rotation named the same in every account, and R extra secrets (bench scale).
Account number 2 (index 1, when there are at least 3) is left clean apart from its IAM user; the management account
has one IAM user.
Prints one JSON object: {"management": ID, "ou": OU-ID, "accounts": [{"id", "name"}], "clean": ID}.
"""
import json
import sys

import boto3

endpoint = sys.argv[1]
count = int(sys.argv[sys.argv.index("--accounts") + 1])
extra = int(sys.argv[sys.argv.index("--resources") + 1]) if "--resources" in sys.argv else 0
region = "us-east-1"
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")

org = boto3.client("organizations", **kw)
management = org.create_organization(FeatureSet="ALL")["Organization"]["MasterAccountId"]
root = org.list_roots()["Roots"][0]["Id"]
prod = org.create_organizational_unit(ParentId=root, Name="prod")["OrganizationalUnit"]["Id"]
nested = org.create_organizational_unit(ParentId=prod, Name="prod-eu")["OrganizationalUnit"]["Id"]
sts = boto3.client("sts", **kw)

def iam_user(session, name):
    iam = session.client("iam")
    iam.create_user(UserName=name)
    iam.create_access_key(UserName=name)

def seed_account(account, index, clean):
    creds = sts.assume_role(RoleArn=f"arn:aws:iam::{account}:role/readiness-audit", RoleSessionName="seed")["Credentials"]
    session = boto3.Session(aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
                            aws_session_token=creds["SessionToken"], region_name=region)
    session.client = (lambda client: lambda name: client(name, endpoint_url=endpoint))(session.client)
    iam_user(session, f"deploy-{index}")
    if clean:
        return
    ec2 = session.client("ec2")
    vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    group = ec2.create_security_group(GroupName=f"ssh-open-{index}", Description="ssh from anywhere", VpcId=vpc)["GroupId"]
    ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[
        {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    sm = session.client("secretsmanager")
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
boto3.client("iam", **kw).create_user(UserName="org-admin")
clean = accounts[1]["id"] if count >= 3 else None
for i, a in enumerate(accounts):
    seed_account(a["id"], i, a["id"] == clean)

print(json.dumps({"management": management, "ou": prod, "accounts": accounts, "clean": clean}))
