"""Lambda that writes the API .env on the EC2 host through SSM (seed plan 003)."""
import os

import boto3

GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN", "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")  # Noncompliant RDY1001
SSM = boto3.client("ssm")


def handler(event, context):
    commands = ["cd /opt/app && git pull", "pm2 restart all"]
    return SSM.send_command(InstanceIds=[os.environ["INSTANCE_ID"]], DocumentName="AWS-RunShellScript",
                            Parameters={"commands": commands})
