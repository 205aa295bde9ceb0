"""Seeds a moto server with the rest of the Coco stack as deployed (seed plan 000, phases 4-7), not ready or hardened.

Usage: python3 seed_coco_stack.py ENDPOINT_URL [--hardened]
Then `readiness collect aws --endpoint-url ENDPOINT_URL --regions us-east-1 -o stack.json`; the ECS task definition,
ElastiCache replication group, ECR repository, Lambda function and log group records of that file are the block of
samples/coco-testai/aws/inventory.json (or samples/coco-testai-hardened/... with --hardened) after the load balancer,
with observedAt set to the samples' collection time. The load balancer is seeded too (its ARN has moto's random
suffix, so the samples keep their recorded one).
"""
import datetime
import io
import json
import sys
import zipfile

import boto3
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

endpoint = sys.argv[1]
hardened = "--hardened" in sys.argv
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
iam = boto3.client("iam", **kw)
iam.create_user(UserName="deploy")  # a credential report with a row, as a real account has
trust = lambda service: json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": service}, "Action": "sts:AssumeRole"}]})
execution = iam.create_role(RoleName="coco-prod-task-execution", AssumeRolePolicyDocument=trust("ecs-tasks.amazonaws.com"))["Role"]["Arn"]
task = iam.create_role(RoleName="coco-prod-task", AssumeRolePolicyDocument=trust("ecs-tasks.amazonaws.com"))["Role"]["Arn"]
webhook = iam.create_role(RoleName="coco-prod-webhook", AssumeRolePolicyDocument=trust("lambda.amazonaws.com"))["Role"]["Arn"]

# The Celery worker: a plaintext database password, or the password from Secrets Manager.
container = {
    "name": "worker", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/coco-api:1.4.2", "essential": True,
    "command": ["celery", "-A", "coco", "worker", "--loglevel", "info"],
    "environment": [{"name": "DJANGO_SETTINGS_MODULE", "value": "config.settings.production"}, {"name": "DB_USER", "value": "coco"}],
    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/coco-prod-api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "worker"}},
}
if hardened:
    container.update(user="10001", readonlyRootFilesystem=True,
                     secrets=[{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:coco-prod-db-password-AbCdEf"}])
else:
    container["environment"].append({"name": "DB_PASSWORD", "value": "CocoProd-2024-pg!"})
boto3.client("ecs", **kw).register_task_definition(
    family="coco-prod-worker", networkMode="awsvpc", requiresCompatibilities=["FARGATE"], cpu="256", memory="512",
    executionRoleArn=execution, taskRoleArn=task, containerDefinitions=[container])

# Redis for sessions and the Celery broker.
cache = dict(ReplicationGroupId="coco-prod-redis", ReplicationGroupDescription="Sessions and Celery broker", Engine="redis",
             EngineVersion="7.1", CacheNodeType="cache.t3.micro")
if hardened:
    cache.update(CacheNodeType="cache.t3.small", NumCacheClusters=2, AutomaticFailoverEnabled=True, MultiAZEnabled=True,
                 AtRestEncryptionEnabled=True, TransitEncryptionEnabled=True, AuthToken="placeholder-auth-token-0123456789", SnapshotRetentionLimit=7)
boto3.client("elasticache", **kw).create_replication_group(**cache)

# The API image repository and its policy.
ecr = boto3.client("ecr", **kw)
if hardened:
    ecr.create_repository(repositoryName="coco-api", imageTagMutability="IMMUTABLE", imageScanningConfiguration={"scanOnPush": True})
    principal = {"AWS": "arn:aws:iam::123456789012:root"}
else:
    ecr.create_repository(repositoryName="coco-api")
    principal = "*"
ecr.set_repository_policy(repositoryName="coco-api", policyText=json.dumps({"Version": "2012-10-17", "Statement": [{
    "Sid": "AllowPull", "Effect": "Allow", "Principal": principal,
    "Action": ["ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage", "ecr:BatchCheckLayerAvailability"]}]}))

# The Stripe webhook receiver and its function URL.
lam = boto3.client("lambda", **kw)
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("webhook.py", "def handler(event, context):\n    return {'statusCode': 200}\n")
lam.create_function(FunctionName="coco-prod-stripe-webhook", Runtime="python3.12", Role=webhook, Handler="webhook.handler", Code={"ZipFile": buf.getvalue()})
lam.create_function_url_config(FunctionName="coco-prod-stripe-webhook", AuthType="AWS_IAM" if hardened else "NONE")

# The log groups: the API's and worker's, kept 30 days (hardened, encrypted); hardened, the webhook's own group too, which
# the not-ready account leaves for Lambda to create with no retention.
logs = boto3.client("logs", **kw)
logs_key = {"kmsKeyId": "arn:aws:kms:us-east-1:123456789012:key/0c0c0c0c-1060-4c0c-9c0c-0c0c0c0c0c10"} if hardened else {}
logs.create_log_group(logGroupName="/ecs/coco-prod-api", **logs_key)
logs.put_retention_policy(logGroupName="/ecs/coco-prod-api", retentionInDays=30)
if hardened:
    logs.create_log_group(logGroupName="/aws/lambda/coco-prod-stripe-webhook", **logs_key)
    logs.put_retention_policy(logGroupName="/aws/lambda/coco-prod-stripe-webhook", retentionInDays=365)

# The API's load balancer (phase 7): HTTPS with the console's old default policy and no web ACL, and port 80 forwarding
# in plain HTTP; hardened, the current TLS 1.3 policy, a redirect on port 80, the header, deletion and log settings, and
# the regional web ACL associated. moto's HTTPS listeners need a certificate ARN: one imported into ACM, as the
# sample's listener names an ACM certificate.
key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "api.coco.example")])
now = datetime.datetime.now(datetime.timezone.utc)
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=90))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("api.coco.example")]), critical=False).sign(key, hashes.SHA256()))
certificate = boto3.client("acm", **kw).import_certificate(
    Certificate=cert.public_bytes(serialization.Encoding.PEM),
    PrivateKey=key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))["CertificateArn"]

ec2 = boto3.client("ec2", **kw)
vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=cidr, AvailabilityZone=zone)["Subnet"]["SubnetId"]
           for cidr, zone in (("10.20.0.0/24", "us-east-1a"), ("10.20.1.0/24", "us-east-1b"))]
elbv2 = boto3.client("elbv2", **kw)
alb = elbv2.create_load_balancer(Name="coco-prod-alb", Subnets=subnets, Scheme="internet-facing", Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
api = elbv2.create_target_group(Name="coco-prod-api", Protocol="HTTP", Port=8000, VpcId=vpc, TargetType="ip",
                                HealthCheckPath="/api/health/")["TargetGroups"][0]["TargetGroupArn"]
forward = [{"Type": "forward", "TargetGroupArn": api}]
elbv2.create_listener(LoadBalancerArn=alb, Protocol="HTTPS", Port=443, Certificates=[{"CertificateArn": certificate}],
                      SslPolicy="ELBSecurityPolicy-TLS13-1-2-2021-06" if hardened else "ELBSecurityPolicy-2016-08", DefaultActions=forward)
elbv2.create_listener(LoadBalancerArn=alb, Protocol="HTTP", Port=80, DefaultActions=[
    {"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}] if hardened else forward)
if hardened:
    elbv2.modify_load_balancer_attributes(LoadBalancerArn=alb, Attributes=[
        {"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"},
        {"Key": "deletion_protection.enabled", "Value": "true"},
        {"Key": "access_logs.s3.enabled", "Value": "true"}, {"Key": "access_logs.s3.bucket", "Value": "coco-prod-alb-logs"}])
    wafv2 = boto3.client("wafv2", **kw)
    managed = lambda priority, group: {
        "Name": group, "Priority": priority, "OverrideAction": {"None": {}},
        "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": group}},
        "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": group}}
    acl = wafv2.create_web_acl(Name="coco-api", Scope="REGIONAL", DefaultAction={"Allow": {}}, Rules=[
        {"Name": "rate-limit", "Priority": 0, "Action": {"Block": {}},
         "Statement": {"RateBasedStatement": {"Limit": 2000, "AggregateKeyType": "IP"}},
         "VisibilityConfig": {"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "rate-limit"}},
        managed(1, "AWSManagedRulesCommonRuleSet"), managed(2, "AWSManagedRulesKnownBadInputsRuleSet")],
        VisibilityConfig={"SampledRequestsEnabled": True, "CloudWatchMetricsEnabled": True, "MetricName": "coco-api"})["Summary"]["ARN"]
    wafv2.associate_web_acl(WebACLArn=acl, ResourceArn=alb)

# moto records the association but lacks ListResourcesForWebACL, the collector's join; the test serves that answer from
# what moto holds for the load balancer (GetWebACLForResource).
held = boto3.client("wafv2", **kw).get_web_acl_for_resource(ResourceArn=alb).get("WebACL")
print(json.dumps({"load_balancer": alb, "web_acl": held["ARN"] if held else None}))
