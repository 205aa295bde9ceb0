"""Lambda that restarts the API on the EC2 host through SSM; it needs no repository token."""
import os

import boto3

SSM = boto3.client("ssm")


def handler(event, context):
    commands = ["cd /opt/app && git pull", "pm2 restart all"]
    return SSM.send_command(InstanceIds=[os.environ["INSTANCE_ID"]], DocumentName="AWS-RunShellScript",
                            Parameters={"commands": commands})
