"""Seeds a moto server for the operational-readiness controls (RDY4701-RDY4707); used only to set up tests.

Usage: python3 seed_operations.py ENDPOINT_URL
us-east-1: two production load balancers (one with a 5xx alarm that notifies a topic), a production database with a
storage alarm but no CPU alarm, an enabled GuardDuty detector, a log group that never expires and one that is kept
and encrypted, an ECS task definition whose containers write to the kept group and to one that does not exist, and
two Lambda functions, one whose /aws/lambda group exists with a retention and one whose group does not exist.
eu-west-1: a production database and no detector. No budget. Prints the ARNs it created as JSON.
"""
import io
import json
import zipfile
import sys

import boto3

endpoint = sys.argv[1]


def client(service, region="us-east-1"):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


out = {}
# moto's credential report lists IAM users only; one user makes the emulated account look like a real one.
client("iam").create_user(UserName="deploy")

ec2 = client("ec2")
vpc = ec2.create_vpc(CidrBlock="10.1.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.1.{i}.0/24", AvailabilityZone=f"us-east-1{z}")["Subnet"]["SubnetId"]
           for i, z in ((1, "a"), (2, "b"))]
elb = client("elbv2")
for name in ("api-prod", "web-prod"):
    out[name] = elb.create_load_balancer(Name=name, Subnets=subnets, Scheme="internet-facing", Type="application")["LoadBalancers"][0]["LoadBalancerArn"]

sns = client("sns").create_topic(Name="prod-alerts")["TopicArn"]
cw = client("cloudwatch")
cw.put_metric_alarm(AlarmName="api-prod-5xx", Namespace="AWS/ApplicationELB", MetricName="HTTPCode_Target_5XX_Count",
                    Dimensions=[{"Name": "LoadBalancer", "Value": out["api-prod"].split(":loadbalancer/")[1]}],
                    Statistic="Sum", Period=60, EvaluationPeriods=5, Threshold=10, ComparisonOperator="GreaterThanThreshold",
                    AlarmActions=[sns])

for region, name in (("us-east-1", "orders-prod"), ("eu-west-1", "reports-prod")):
    out[name] = client("rds", region).create_db_instance(
        DBInstanceIdentifier=name, Engine="postgres", DBInstanceClass="db.t4g.micro", MasterUsername="app",
        MasterUserPassword="not-a-real-password-1", AllocatedStorage=20, StorageEncrypted=True, DeletionProtection=True,
        MultiAZ=True, BackupRetentionPeriod=7)["DBInstance"]["DBInstanceArn"]
cw.put_metric_alarm(AlarmName="orders-prod-storage", Namespace="AWS/RDS", MetricName="FreeStorageSpace",
                    Dimensions=[{"Name": "DBInstanceIdentifier", "Value": "orders-prod"}],
                    Statistic="Minimum", Period=300, EvaluationPeriods=1, Threshold=2147483648, ComparisonOperator="LessThanThreshold",
                    AlarmActions=[sns])

out["detector"] = client("guardduty").create_detector(Enable=True)["DetectorId"]

logs = client("logs")
logs.create_log_group(logGroupName="/ecs/api-prod")
logs.create_log_group(logGroupName="/ecs/web-prod", kmsKeyId="arn:aws:kms:us-east-1:123456789012:key/logs")
logs.put_retention_policy(logGroupName="/ecs/web-prod", retentionInDays=365)


def awslogs(group, prefix):
    return {"logDriver": "awslogs", "options": {"awslogs-group": group, "awslogs-region": "us-east-1", "awslogs-stream-prefix": prefix}}


out["task"] = client("ecs").register_task_definition(
    family="web-prod", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
    containerDefinitions=[
        {"name": "web", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.0.0", "user": "10001",
         "readonlyRootFilesystem": True, "logConfiguration": awslogs("/ecs/web-prod", "web")},
        {"name": "jobs", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/jobs:1.0.0", "user": "10001",
         "readonlyRootFilesystem": True, "logConfiguration": awslogs("/ecs/jobs-prod", "jobs")},
    ])["taskDefinition"]["taskDefinitionArn"]

trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
role = client("iam").create_role(RoleName="functions", AssumeRolePolicyDocument=json.dumps(trust))["Role"]["Arn"]
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(event, context):\n    return 1\n")
lam = client("lambda")
for name in ("billing-prod", "thumbnails-prod"):
    out[name] = lam.create_function(FunctionName=name, Runtime="python3.12", Role=role, Handler="index.handler",
                                    Code={"ZipFile": buf.getvalue()})["FunctionArn"]
logs.create_log_group(logGroupName="/aws/lambda/billing-prod", kmsKeyId="arn:aws:kms:us-east-1:123456789012:key/logs")
logs.put_retention_policy(logGroupName="/aws/lambda/billing-prod", retentionInDays=365)

print(json.dumps(out))
