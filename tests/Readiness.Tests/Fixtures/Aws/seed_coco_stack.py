"""Seeds a moto server with the rest of the Coco stack as deployed (seed plan 000, phases 4-7), not ready or hardened.

Usage: python3 seed_coco_stack.py ENDPOINT_URL [--hardened]
Then `readiness collect aws --endpoint-url ENDPOINT_URL --regions us-east-1 -o stack.json`; the ECS task definition,
ElastiCache replication group, ECR repository and Lambda function records of that file are the block of
samples/coco-testai/aws/inventory.json (or samples/coco-testai-hardened/... with --hardened) after the load balancer,
with observedAt set to the samples' collection time.
"""
import io
import json
import sys
import zipfile

import boto3

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
