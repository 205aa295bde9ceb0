"""Seeds a moto server with the seed plans' mistakes and a hardened twin of each (used only to set up tests).

Usage: python3 seed_moto.py ENDPOINT_URL [--scale N]
Prints one JSON object naming what it created (ids and ARNs) for the test to check against.
"""
import json
import sys

import boto3

endpoint = sys.argv[1]
scale = int(sys.argv[sys.argv.index("--scale") + 1]) if "--scale" in sys.argv else 0
region = "us-east-1"
kw = dict(endpoint_url=endpoint, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")
ec2 = boto3.client("ec2", **kw)
rds = boto3.client("rds", **kw)
iam = boto3.client("iam", **kw)
sm = boto3.client("secretsmanager", **kw)
cf = boto3.client("cloudfront", **kw)
waf = boto3.client("wafv2", **kw)
elb = boto3.client("elbv2", **kw)
s3 = boto3.client("s3", **kw)
logs = boto3.client("logs", **kw)
out = {}

# Network: one VPC with a public subnet (route to an internet gateway) and a private one.
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
public_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
public_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.2.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
private_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.11.0/24", AvailabilityZone="us-east-1a")["Subnet"]["SubnetId"]
private_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.12.0/24", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
public_rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
ec2.create_route(RouteTableId=public_rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
for s in (public_a, public_b):
    ec2.associate_route_table(RouteTableId=public_rt, SubnetId=s)
private_rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
for s in (private_a, private_b):
    ec2.associate_route_table(RouteTableId=private_rt, SubnetId=s)

# Dev ports open to the world (seed plan 004: 3000-3003, plus SSH and Postgres) and a hardened twin.
dev = ec2.create_security_group(GroupName="dev-open", Description="dev ports", VpcId=vpc)["GroupId"]
ec2.authorize_security_group_ingress(GroupId=dev, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
    {"IpProtocol": "tcp", "FromPort": 3000, "ToPort": 3003, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]},
])
hardened_sg = ec2.create_security_group(GroupName="hardened-db", Description="db from app", VpcId=vpc)["GroupId"]
ec2.authorize_security_group_ingress(GroupId=hardened_sg, IpPermissions=[
    {"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]},
])
out["devSecurityGroup"] = dev
out["hardenedSecurityGroup"] = hardened_sg

# RDS: public, no deletion protection, in public subnets; and a hardened twin in private subnets.
rds.create_db_subnet_group(DBSubnetGroupName="public-subnets", DBSubnetGroupDescription="public", SubnetIds=[public_a, public_b])
rds.create_db_subnet_group(DBSubnetGroupName="private-subnets", DBSubnetGroupDescription="private", SubnetIds=[private_a, private_b])
bad_db = rds.create_db_instance(DBInstanceIdentifier="alva-staging-db", Engine="postgres", DBInstanceClass="db.t3.micro",
                                MasterUsername="alva", MasterUserPassword="not-a-real-password-1", AllocatedStorage=20,
                                PubliclyAccessible=True, DeletionProtection=False, StorageEncrypted=False,
                                DBSubnetGroupName="public-subnets", VpcSecurityGroupIds=[dev])["DBInstance"]
# The hardened database forces TLS through its own parameter group (moto's default PostgreSQL is 9.3: rds.force_ssl off).
rds.create_db_parameter_group(DBParameterGroupName="hardened-postgres", DBParameterGroupFamily="postgres9.3", Description="Force TLS")
rds.modify_db_parameter_group(DBParameterGroupName="hardened-postgres",
                              Parameters=[{"ParameterName": "rds.force_ssl", "ParameterValue": "1", "ApplyMethod": "immediate"}])
good_db = rds.create_db_instance(DBInstanceIdentifier="hardened-db", Engine="postgres", DBInstanceClass="db.t3.micro",
                                 MasterUsername="app", MasterUserPassword="not-a-real-password-2", AllocatedStorage=20,
                                 PubliclyAccessible=False, DeletionProtection=True, StorageEncrypted=True, MultiAZ=True,
                                 BackupRetentionPeriod=7, DBSubnetGroupName="private-subnets", DBParameterGroupName="hardened-postgres",
                                 VpcSecurityGroupIds=[hardened_sg])["DBInstance"]
out["badDbArn"] = bad_db["DBInstanceArn"]
out["goodDbArn"] = good_db["DBInstanceArn"]

# IAM: the CI user of seed plan 004 (PowerUserAccess + access key), an admin with a console password and no MFA,
# and a hardened read-only user.
iam.create_user(UserName="alva-cicd-user")
iam.attach_user_policy(UserName="alva-cicd-user", PolicyArn="arn:aws:iam::aws:policy/PowerUserAccess")
out["cicdKey"] = iam.create_access_key(UserName="alva-cicd-user")["AccessKey"]["AccessKeyId"]
iam.create_group(GroupName="admins")
iam.attach_group_policy(GroupName="admins", PolicyArn="arn:aws:iam::aws:policy/AdministratorAccess")
iam.create_user(UserName="admin-bob")
iam.add_user_to_group(GroupName="admins", UserName="admin-bob")
iam.create_login_profile(UserName="admin-bob", Password="Not-a-real-password-3!")
iam.create_access_key(UserName="admin-bob")
iam.create_user(UserName="readonly-auditor")
iam.attach_user_policy(UserName="readonly-auditor", PolicyArn="arn:aws:iam::aws:policy/ReadOnlyAccess")
out["cicdUserArn"] = iam.get_user(UserName="alva-cicd-user")["User"]["Arn"]
out["adminUserArn"] = iam.get_user(UserName="admin-bob")["User"]["Arn"]
out["readonlyUserArn"] = iam.get_user(UserName="readonly-auditor")["User"]["Arn"]

# Secrets: one never rotated, one rotated.
out["badSecretArn"] = sm.create_secret(Name="alva/staging/jwt-secret", SecretString="placeholder-1")["ARN"]
good = sm.create_secret(Name="hardened/db-password", SecretString="placeholder-2")["ARN"]
sm.rotate_secret(SecretId=good, RotationRules={"AutomaticallyAfterDays": 30})
out["goodSecretArn"] = good

# WAF for CloudFront, and two distributions: HTTP allowed without WAF, and a hardened one.
acl = waf.create_web_acl(Name="edge-acl", Scope="CLOUDFRONT", DefaultAction={"Allow": {}},
                         VisibilityConfig={"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "edge"},
                         Rules=[{"Name": "rate", "Priority": 0, "Action": {"Block": {}},
                                 "Statement": {"RateBasedStatement": {"Limit": 1000, "AggregateKeyType": "IP"}},
                                 "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "rate"}},
                                {"Name": "common", "Priority": 1, "OverrideAction": {"None": {}},
                                 "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": "AWSManagedRulesCommonRuleSet"}},
                                 "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "common"}}])["Summary"]
waf.put_logging_configuration(LoggingConfiguration={"ResourceArn": acl["ARN"],
                              "LogDestinationConfigs": ["arn:aws:logs:us-east-1:123456789012:log-group:aws-waf-logs-edge"]})


def distribution(ref, policy, web_acl=None, headers=None, hardened=False):
    behavior = {"TargetOriginId": "origin", "ViewerProtocolPolicy": policy, "MinTTL": 0,
                "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}}
    if headers:
        behavior["ResponseHeadersPolicyId"] = headers
    # The hardened one reaches its origin over HTTPS; the other reads the upload bucket anonymously.
    origin = ({"Id": "origin", "DomainName": "origin.example.com",
               "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}} if hardened
              else {"Id": "origin", "DomainName": "alva-uploads.s3.amazonaws.com", "S3OriginConfig": {"OriginAccessIdentity": ""}})
    config = {"CallerReference": ref, "Comment": ref, "Enabled": True,
              "Origins": {"Quantity": 1, "Items": [origin]},
              "DefaultCacheBehavior": behavior}
    if web_acl:
        config["WebACLId"] = web_acl
    if hardened:
        config["ViewerCertificate"] = {"ACMCertificateArn": "arn:aws:acm:us-east-1:123456789012:certificate/0c0c0c0c-aaaa-bbbb-cccc-000000000001",
                                       "SSLSupportMethod": "sni-only", "MinimumProtocolVersion": "TLSv1.2_2021"}
    # The hardened one logs through standard logging v2 (a CloudWatch Logs delivery), not the legacy Logging block.
    return cf.create_distribution(DistributionConfig=config)["Distribution"]


bad_cf = distribution("alva-web", "allow-all")
# The custom response headers policy is served by the test's local endpoint: moto has no such API.
good_cf = distribution("hardened-web", "redirect-to-https", acl["ARN"], "hardened-headers", hardened=True)
logs_bucket = logs.put_delivery_destination(name="cf-logs", deliveryDestinationConfiguration={"destinationResourceArn": "arn:aws:s3:::alva-logs"})
logs.put_delivery_source(name="hardened-web-access", resourceArn=good_cf["ARN"], logType="ACCESS_LOGS")
logs.create_delivery(deliverySourceName="hardened-web-access", deliveryDestinationArn=logs_bucket["deliveryDestination"]["arn"])
# A delivery source with no delivery writes no log: the other distribution still has none.
logs.put_delivery_source(name="alva-web-access", resourceArn=bad_cf["ARN"], logType="ACCESS_LOGS")
out["badDistributionArn"] = bad_cf["ARN"]
out["goodDistributionArn"] = good_cf["ARN"]
out["edgeAclArn"] = acl["ARN"]

# S3: a world-readable upload bucket without a public access block, and a hardened twin that requires TLS.
s3.create_bucket(Bucket="alva-uploads")
s3.put_bucket_policy(Bucket="alva-uploads", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::alva-uploads/*"}]}))
s3.create_bucket(Bucket="hardened-assets")
s3.put_bucket_policy(Bucket="hardened-assets", Policy=json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::hardened-assets", "arn:aws:s3:::hardened-assets/*"],
     "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}))
s3.put_public_access_block(Bucket="hardened-assets", PublicAccessBlockConfiguration={
    "BlockPublicAcls": True, "IgnorePublicAcls": True, "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
s3.put_bucket_encryption(Bucket="hardened-assets", ServerSideEncryptionConfiguration={
    "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]})

# Benchmark scale: many more resources of several services.
for i in range(scale):
    kind = i % 4
    if kind == 0:
        ec2.create_security_group(GroupName=f"bulk-{i}", Description="bulk", VpcId=vpc)
    elif kind == 1:
        iam.create_user(UserName=f"bulk-user-{i}")
    elif kind == 2:
        sm.create_secret(Name=f"bulk/secret-{i}", SecretString="placeholder")
    else:
        iam.create_role(RoleName=f"bulk-role-{i}", AssumeRolePolicyDocument=json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))

print(json.dumps(out))
