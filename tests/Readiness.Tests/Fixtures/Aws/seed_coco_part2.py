"""Seeds a moto server with the Coco account's identity, keys, storage, database TLS and operational readiness (issue
15's "Done when"), as samples/coco-testai/infrastructure/terraform declares them, not ready or hardened.

Usage: python3 seed_coco_part2.py ENDPOINT_URL [--hardened]
Not ready: the CI role any repository of the organisation can assume, a KMS key any AWS account may use (never
rotated), a world-readable uploads bucket, a production database whose parameter group leaves rds.force_ssl off, an
internet-facing load balancer, database and region with no alarm and no GuardDuty detector, and no budget.
Hardened: the role pinned to one repository's production environment, the key used by this account only and rotated,
the bucket private (public access block, TLS required, encrypted, versioned), force_ssl on, alarms on the load
balancer's 5xx and the database's free storage and CPU, a detector, a budget that notifies and a CIS password policy.
Then `readiness collect aws --endpoint-url ENDPOINT_URL --regions us-east-1 -o part2.json`.
"""
import json
import sys

import boto3

endpoint = sys.argv[1]
hardened = "--hardened" in sys.argv
account = "123456789012"
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")

# CI deployment through GitHub Actions OIDC (iam.tf).
iam = boto3.client("iam", **kw)
iam.create_user(UserName="deploy")  # a credential report with a row, as a real account has
if hardened:
    iam.update_account_password_policy(MinimumPasswordLength=14, PasswordReusePrevention=24, RequireSymbols=True, RequireNumbers=True,
                                       RequireUppercaseCharacters=True, RequireLowercaseCharacters=True)
provider = iam.create_open_id_connect_provider(Url="https://token.actions.githubusercontent.com", ClientIDList=["sts.amazonaws.com"],
                                               ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"])["OpenIDConnectProviderArn"]
subject = {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                            "token.actions.githubusercontent.com:sub": "repo:coco-testai/coco:environment:production"}} if hardened else {
    "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:coco-testai/*:*"}}
iam.create_role(RoleName="coco-github-deploy", AssumeRolePolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity", "Principal": {"Federated": provider}, "Condition": subject}]}))
iam.put_role_policy(RoleName="coco-github-deploy", PolicyName="deploy", PolicyDocument=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": ["ecs:UpdateService", "ecs:DescribeServices", "ecr:*"], "Resource": "*"}]}))

# The key of the Stripe and database secrets: shared with any AWS account "for the partner", or this account's only.
statements = [{"Sid": "Account", "Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{account}:root"}, "Action": "kms:*", "Resource": "*"}]
if not hardened:
    statements.append({"Sid": "Partners", "Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"})
kms = boto3.client("kms", **kw)
key = kms.create_key(Description="coco secrets", Policy=json.dumps({"Version": "2012-10-17", "Statement": statements}))["KeyMetadata"]["KeyId"]
if hardened:
    kms.enable_key_rotation(KeyId=key)

# User uploads (uploads.tf): readable by anyone, or private, TLS only, encrypted and versioned.
s3 = boto3.client("s3", **kw)
bucket = "coco-prod-uploads"
s3.create_bucket(Bucket=bucket)
if hardened:
    s3.put_public_access_block(Bucket=bucket, PublicAccessBlockConfiguration={
        "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
    s3.put_bucket_encryption(Bucket=bucket, ServerSideEncryptionConfiguration={"Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]})
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    policy = {"Sid": "TlsOnly", "Effect": "Deny", "Principal": "*", "Action": "s3:*",
              "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}
else:
    policy = {"Sid": "PublicRead", "Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": f"arn:aws:s3:::{bucket}/*"}
s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps({"Version": "2012-10-17", "Statement": [policy]}))

# The network the load balancer and the database live in.
ec2 = boto3.client("ec2", **kw)
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=f"us-east-1{z}")["Subnet"]["SubnetId"] for i, z in ((1, "a"), (2, "b"))]

# The production database (modules/rds): its parameter group leaves rds.force_ssl off, or turns it on.
rds = boto3.client("rds", **kw)
rds.create_db_parameter_group(DBParameterGroupName="coco-prod-postgres16", DBParameterGroupFamily="postgres16", Description="coco prod")
rds.modify_db_parameter_group(DBParameterGroupName="coco-prod-postgres16", Parameters=[
    {"ParameterName": "rds.force_ssl", "ParameterValue": "1" if hardened else "0", "ApplyMethod": "pending-reboot"}])
rds.create_db_subnet_group(DBSubnetGroupName="coco-prod-db", DBSubnetGroupDescription="coco prod", SubnetIds=subnets)
rds.create_db_instance(DBInstanceIdentifier="coco-prod-postgres", Engine="postgres", EngineVersion="16.3", DBInstanceClass="db.t4g.micro",
                       MasterUsername="coco", MasterUserPassword="not-a-real-password-1", AllocatedStorage=20, DBSubnetGroupName="coco-prod-db",
                       DBParameterGroupName="coco-prod-postgres16", StorageEncrypted=hardened, DeletionProtection=hardened,
                       MultiAZ=hardened, BackupRetentionPeriod=14 if hardened else 1, PubliclyAccessible=False)

# The internet-facing load balancer in front of the API (modules/ecs); moto's listeners need a certificate, so it has none.
elb = boto3.client("elbv2", **kw)
alb = elb.create_load_balancer(Name="coco-prod-alb", Subnets=subnets, Scheme="internet-facing", Type="application")["LoadBalancers"][0]["LoadBalancerArn"]

if hardened:
    topic = boto3.client("sns", **kw).create_topic(Name="coco-prod-alerts")["TopicArn"]
    cw = boto3.client("cloudwatch", **kw)
    for name, namespace, metric, dimension, value, statistic, threshold, comparison in (
            ("coco-prod-alb-5xx", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", alb.split(":loadbalancer/")[1], "Sum", 10, "GreaterThanThreshold"),
            ("coco-prod-db-free-storage", "AWS/RDS", "FreeStorageSpace", "DBInstanceIdentifier", "coco-prod-postgres", "Minimum", 2147483648, "LessThanThreshold"),
            ("coco-prod-db-cpu", "AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", "coco-prod-postgres", "Average", 80, "GreaterThanThreshold")):
        cw.put_metric_alarm(AlarmName=name, Namespace=namespace, MetricName=metric, Dimensions=[{"Name": dimension, "Value": value}],
                            Statistic=statistic, Period=300, EvaluationPeriods=2, Threshold=threshold, ComparisonOperator=comparison, AlarmActions=[topic])
    boto3.client("guardduty", **kw).create_detector(Enable=True)
    boto3.client("budgets", **kw).create_budget(
        AccountId=account,
        Budget={"BudgetName": "coco-prod-monthly", "BudgetLimit": {"Amount": "300", "Unit": "USD"}, "TimeUnit": "MONTHLY", "BudgetType": "COST"},
        NotificationsWithSubscribers=[{"Notification": {"NotificationType": "ACTUAL", "ComparisonOperator": "GREATER_THAN", "Threshold": 80, "ThresholdType": "PERCENTAGE"},
                                       "Subscribers": [{"SubscriptionType": "EMAIL", "Address": "ops@coco.example"}]}])
