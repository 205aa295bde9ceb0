"""Seeds a moto server with Lambda functions: a public one with every mistake and a hardened twin (tests only).

Usage: python3 seed_lambda.py ENDPOINT_URL [--scale N]
Prints one JSON object with the functions' ARNs.
"""
import io
import json
import sys
import zipfile

import boto3

endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
iam = boto3.client("iam", **kw)
lam = boto3.client("lambda", **kw)

trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
role = iam.create_role(RoleName="functions", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
iam.create_user(UserName="deploy")  # a credential report with a row, as a real account has
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(event, context):\n    return 1\n")
code = {"ZipFile": buf.getvalue()}

out = {}
public = lam.create_function(FunctionName="api-prod", Runtime="python3.8", Role=role, Handler="index.handler", Code=code,
                             Environment={"Variables": {"DB_PASSWORD": "Kx9-vT2q-Lm7w", "LOG_LEVEL": "info"}})
lam.create_function_url_config(FunctionName="api-prod", AuthType="NONE")
lam.add_permission(FunctionName="api-prod", StatementId="AllowAnyone", Action="lambda:InvokeFunction", Principal="*")
out["public"] = public["FunctionArn"]

hardened = lam.create_function(FunctionName="worker-prod", Runtime="python3.13", Role=role, Handler="index.handler", Code=code,
                               Environment={"Variables": {"DB_SECRET_ARN": "arn:aws:secretsmanager:us-east-1:123456789012:secret:db"}})
lam.create_function_url_config(FunctionName="worker-prod", AuthType="AWS_IAM")
lam.add_permission(FunctionName="worker-prod", StatementId="AllowS3", Action="lambda:InvokeFunction", Principal="s3.amazonaws.com",
                   SourceArn="arn:aws:s3:::uploads-prod", SourceAccount="123456789012")
out["hardened"] = hardened["FunctionArn"]
print(json.dumps(out))
