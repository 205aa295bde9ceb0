"""Seeds N resources of each service whose reads may grow with the number of resources, into a moto server.

Usage: python3 bench/aws/seed_services.py ENDPOINT_URL N
bench/aws/calls.sh seeds two accounts' worth (N small, N large) and compares the calls per operation: what grows by
one call per resource is a call AWS has no batch form of. Seeding only (boto3); Readiness reads with its own clients.
"""
import sys

import boto3

endpoint, n = sys.argv[1], int(sys.argv[2])
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="bench", aws_secret_access_key="bench")
c = lambda service: boto3.client(service, **kw)

ec2 = c("ec2")
vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=z)["Subnet"]["SubnetId"]
           for i, z in ((1, "us-east-1a"), (2, "us-east-1b"))]
acm = c("acm")
cert = acm.request_certificate(DomainName="bench.example.com", ValidationMethod="DNS")["CertificateArn"]
elbv2, elb, lam, ecs, ecr, kms, idp, cache, logs, cw = (c(s) for s in
    ("elbv2", "elb", "lambda", "ecs", "ecr", "kms", "cognito-idp", "elasticache", "logs", "cloudwatch"))
apigw, apigw2 = c("apigateway"), c("apigatewayv2")
rds, cf = c("rds"), c("cloudfront")
iam = c("iam")
# moto's credential report lists IAM users only; one user makes the account look like a real one.
iam.create_user(UserName="bench")
role = iam.create_role(RoleName="bench-lambda", AssumeRolePolicyDocument='{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}')["Role"]["Arn"]
import io, zipfile
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w") as z:
    z.writestr("index.py", "def handler(e, c):\n    return 1\n")
code = buf.getvalue()
cluster = ecs.create_cluster(clusterName="bench")["cluster"]["clusterArn"]

for i in range(n):
    lb = elbv2.create_load_balancer(Name=f"alb-{i}", Subnets=subnets, Tags=[{"Key": "Environment", "Value": "production"}])["LoadBalancers"][0]["LoadBalancerArn"]
    elbv2.create_listener(LoadBalancerArn=lb, Protocol="HTTPS", Port=443, Certificates=[{"CertificateArn": cert}],
                          DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "200"}}])
    elb.create_load_balancer(LoadBalancerName=f"clb-{i}", AvailabilityZones=["us-east-1a"],
                             Listeners=[{"Protocol": "HTTPS", "LoadBalancerPort": 443, "InstanceProtocol": "HTTP", "InstancePort": 8080, "SSLCertificateId": cert}])
    lam.create_function(FunctionName=f"fn-{i}", Runtime="python3.12", Role=role, Handler="index.handler", Code={"ZipFile": code})
    family = ecs.register_task_definition(family=f"task-{i}", containerDefinitions=[{"name": "app", "image": "nginx", "memory": 128}])
    ecs.create_service(cluster=cluster, serviceName=f"svc-{i}", taskDefinition=family["taskDefinition"]["taskDefinitionArn"], desiredCount=1)
    ecr.create_repository(repositoryName=f"repo-{i}")
    kms.create_key(Description=f"key-{i}")
    acm.request_certificate(DomainName=f"site-{i}.example.com", ValidationMethod="DNS")
    idp.create_user_pool(PoolName=f"pool-{i}")
    cache.create_replication_group(ReplicationGroupId=f"cache-{i}", ReplicationGroupDescription="bench", Engine="redis", CacheNodeType="cache.t3.micro", NumCacheClusters=1)
    logs.create_log_group(logGroupName=f"/app/{i}")
    cw.put_metric_alarm(AlarmName=f"alarm-{i}", Namespace="AWS/ApplicationELB", MetricName="HTTPCode_Target_5XX_Count", Statistic="Sum",
                        Period=60, EvaluationPeriods=1, Threshold=1, ComparisonOperator="GreaterThanThreshold")
    ec2.create_volume(AvailabilityZone="us-east-1a", Size=8)
    # API Gateway: a REST API with one method deployed to a stage, and an HTTP API with one route and a stage.
    rest = apigw.create_rest_api(name=f"rest-{i}")["id"]
    root = apigw.get_resources(restApiId=rest)["items"][0]["id"]
    orders = apigw.create_resource(restApiId=rest, parentId=root, pathPart="orders")["id"]
    apigw.put_method(restApiId=rest, resourceId=orders, httpMethod="GET", authorizationType="NONE")
    apigw.put_integration(restApiId=rest, resourceId=orders, httpMethod="GET", type="MOCK")
    apigw.create_deployment(restApiId=rest, stageName="prod")
    http = apigw2.create_api(Name=f"http-{i}", ProtocolType="HTTP")["ApiId"]
    apigw2.create_route(ApiId=http, RouteKey="GET /orders")
    apigw2.create_stage(ApiId=http, StageName="$default")
    # RDS: an instance on its own parameter group, an Aurora cluster on its own cluster parameter group (each group's
    # parameters are read once: TLS forced or not).
    rds.create_db_parameter_group(DBParameterGroupName=f"pg-{i}", DBParameterGroupFamily="postgres16", Description="bench")
    rds.create_db_instance(DBInstanceIdentifier=f"db-{i}", DBInstanceClass="db.t3.micro", Engine="postgres", EngineVersion="16.3",
                           MasterUsername="bench", MasterUserPassword="bench-password-1", AllocatedStorage=20, DBParameterGroupName=f"pg-{i}")
    rds.create_db_cluster_parameter_group(DBClusterParameterGroupName=f"cpg-{i}", DBParameterGroupFamily="aurora-postgresql16", Description="bench")
    rds.create_db_cluster(DBClusterIdentifier=f"aurora-{i}", Engine="aurora-postgresql", EngineVersion="16.4", MasterUsername="bench",
                          MasterUserPassword="bench-password-1", DBClusterParameterGroupName=f"cpg-{i}")
    # CloudFront without legacy logging: its access logs may go through a CloudWatch Logs delivery (read once, not per distribution).
    cf.create_distribution(DistributionConfig={"CallerReference": f"cf-{i}", "Comment": "bench", "Enabled": True,
        "Origins": {"Quantity": 1, "Items": [{"Id": "o", "DomainName": "origin.example.com",
                    "CustomOriginConfig": {"HTTPPort": 80, "HTTPSPort": 443, "OriginProtocolPolicy": "https-only"}}]},
        "DefaultCacheBehavior": {"TargetOriginId": "o", "ViewerProtocolPolicy": "redirect-to-https", "MinTTL": 0,
                                 "ForwardedValues": {"QueryString": False, "Cookies": {"Forward": "none"}}}})
print(f"seeded {n} of each")
