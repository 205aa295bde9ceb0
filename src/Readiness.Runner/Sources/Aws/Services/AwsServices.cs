using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>One AWS service as the sources see it: how Terraform and CloudFormation declare its resources, how a live account is read.</summary>
public sealed record AwsService(string Name, ITerraformMapping? Terraform = null, ICloudFormationMapping? CloudFormation = null, ILiveReader? Live = null);

/// <summary>
/// Every service the IaC sources map, one line each. A service keeps its model records in
/// Readiness.Rules/Model/Cloud/&lt;Service&gt;/ and its mappings, wire client and collector in Sources/Aws/Services/&lt;Service&gt;/.
/// A service's live reader (<see cref="ILiveCollector"/>, or <see cref="ILiveReader"/> when it joins another's
/// resources) runs in every account or region <see cref="AwsCollector"/> reads; a service without one is read by the
/// service it belongs to (EC2 route tables by RDS, CloudFront's web ACLs by CloudFront) or not live at all.
/// </summary>
public static class AwsServices
{
    public static IReadOnlyList<AwsService> All { get; } =
    [
        new("rds", new RdsTerraform(), new RdsCloudFormation(), new RdsCollector()),
        new("ec2", new Ec2Terraform(), new Ec2CloudFormation(), new Ec2Collector()),
        new("cloudfront", new CloudFrontTerraform(), new CloudFrontCloudFormation(), new CloudFrontCollector()),
        new("wafv2", new Wafv2Terraform(), new Wafv2CloudFormation(), new Wafv2Collector()),
        new("secretsmanager", new SecretsManagerTerraform(), new SecretsManagerCloudFormation(), new SecretsManagerCollector()),
        new("iam", new IamTerraform(), new IamCloudFormation(), new IamCollector()),
        new("s3", new S3Terraform(), new S3CloudFormation(), new S3Collector()),
        new("elbv2", new Elbv2Terraform(), new Elbv2CloudFormation(), new Elbv2Collector()),
        new("elb", new ElbTerraform(), new ElbCloudFormation(), new ElbCollector()),
        new("cloudtrail", new CloudTrailTerraform(), new CloudTrailCloudFormation(), new CloudTrailCollector()),
        new("account", new AccountTerraform()),
        new("elasticache", new ElastiCacheTerraform(), new ElastiCacheCloudFormation(), new ElastiCacheCollector()),
        new("lambda", new LambdaTerraform(), new LambdaCloudFormation(), new LambdaCollector()),
        new("ecs", new EcsTerraform(), new EcsCloudFormation(), new EcsCollector()),
        new("kms", new KmsTerraform(), new KmsCloudFormation(), new KmsCollector()),
        new("acm", new AcmTerraform(), new AcmCloudFormation(), new AcmCollector()),
        new("cognito-idp", new CognitoTerraform(), new CognitoCloudFormation(), new CognitoCollector()),
        new("guardduty", new GuardDutyTerraform(), new GuardDutyCloudFormation(), new GuardDutyCollector()),
        new("cloudwatch", new CloudWatchTerraform(), new CloudWatchCloudFormation(), new CloudWatchCollector()),
        new("logs", new LogsTerraform(), new LogsCloudFormation(), new LogsCollector()),
        new("budgets", new BudgetsTerraform(), new BudgetsCloudFormation(), new BudgetsCollector()),
        new("ecr", new EcrTerraform(), new EcrCloudFormation(), new EcrCollector()),
        new("ebs", new EbsTerraform(), new EbsCloudFormation(), new EbsCollector()),
        new("apigateway", new ApiGatewayTerraform(), new ApiGatewayCloudFormation(), new ApiGatewayCollector()),
    ];
}
