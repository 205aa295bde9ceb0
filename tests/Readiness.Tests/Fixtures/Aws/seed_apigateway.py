"""Seeds a moto server with API Gateway APIs: an open production REST and HTTP API, and hardened twins (tests only).

Usage: python3 seed_apigateway.py ENDPOINT_URL [--scale N]
Prints one JSON object with the APIs' ARNs.
"""
import json
import sys

import boto3

endpoint = sys.argv[1]
kw = dict(endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
apigw = boto3.client("apigateway", **kw)
v2 = boto3.client("apigatewayv2", **kw)
waf = boto3.client("wafv2", **kw)
boto3.client("iam", **kw).create_user(UserName="deploy")  # a credential report with a row, as a real account has


def rest_api(name, authorization, hardened):
    api = apigw.create_rest_api(name=name, endpointConfiguration={"types": ["REGIONAL"]})["id"]
    root = next(r["id"] for r in apigw.get_resources(restApiId=api)["items"] if r["path"] == "/")
    orders = apigw.create_resource(restApiId=api, parentId=root, pathPart="orders")["id"]
    apigw.put_method(restApiId=api, resourceId=orders, httpMethod="GET", authorizationType=authorization)
    apigw.put_method(restApiId=api, resourceId=orders, httpMethod="OPTIONS", authorizationType="NONE")
    apigw.put_integration(restApiId=api, resourceId=orders, httpMethod="GET", type="MOCK")
    deployment = apigw.create_deployment(restApiId=api)["id"]
    apigw.create_stage(restApiId=api, stageName="prod", deploymentId=deployment)
    if hardened:
        apigw.update_stage(restApiId=api, stageName="prod", patchOperations=[
            {"op": "replace", "path": "/accessLogSettings/destinationArn", "value": "arn:aws:logs:us-east-1:123456789012:log-group:store-access"},
            {"op": "replace", "path": "/accessLogSettings/format", "value": "$context.requestId"},
            {"op": "replace", "path": "/*/*/throttling/rateLimit", "value": "100"},
            {"op": "replace", "path": "/*/*/throttling/burstLimit", "value": "200"},
        ])
        acl = waf.create_web_acl(Name="store", Scope="REGIONAL", DefaultAction={"Allow": {}},
                                 VisibilityConfig={"SampledRequestsEnabled": False, "CloudWatchMetricsEnabled": False, "MetricName": "store"})["Summary"]["ARN"]
        waf.associate_web_acl(WebACLArn=acl, ResourceArn=f"arn:aws:apigateway:us-east-1::/restapis/{api}/stages/prod")
    return f"arn:aws:apigateway:us-east-1::/restapis/{api}"


def http_api(name, authorization, hardened):
    api = v2.create_api(Name=name, ProtocolType="HTTP")["ApiId"]
    route = {"ApiId": api, "RouteKey": "GET /feed", "AuthorizationType": authorization}
    if authorization == "JWT":
        route["AuthorizerId"] = v2.create_authorizer(ApiId=api, Name="cognito", AuthorizerType="JWT", IdentitySource=["$request.header.Authorization"],
                                                     JwtConfiguration={"Audience": ["app"], "Issuer": "https://cognito-idp.us-east-1.amazonaws.com/pool"})["AuthorizerId"]
    v2.create_route(**route)
    stage = {"ApiId": api, "StageName": "$default", "AutoDeploy": True}
    if hardened:
        stage["AccessLogSettings"] = {"DestinationArn": "arn:aws:logs:us-east-1:123456789012:log-group:partners-access", "Format": "$context.requestId"}
        stage["DefaultRouteSettings"] = {"ThrottlingRateLimit": 50.0, "ThrottlingBurstLimit": 100}
    v2.create_stage(**stage)
    return f"arn:aws:apigateway:us-east-1::/apis/{api}"


print(json.dumps({
    "open_rest": rest_api("shop-prod", "NONE", False),
    "hardened_rest": rest_api("store-prod", "AWS_IAM", True),
    "open_http": http_api("mobile-prod", "NONE", False),
    "hardened_http": http_api("partners-prod", "JWT", True),
}))
