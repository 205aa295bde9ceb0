using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Iac;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>aws_cloudwatch_log_group.</summary>
public sealed class LogsTerraform : ITerraformMapping
{
    public IReadOnlyList<string> Types => ["aws_cloudwatch_log_group"];

    public CloudResource? Map(IacResource r, IacScope scope) => new LogGroup
    {
        Id = IacScope.IdOf(r, "name"),
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.Terraform(r),
        Name = IacValue.Optional(r.Body, "name"),
        NamedAfter = (r.Body.Get("name") as IacUnknown)?.Reference,
        RetentionInDays = IacValue.Int(r.Body, "retention_in_days", LogGroup.Defaults.RetentionInDays),
        KmsKeyId = IacValue.Reference(r.Body, "kms_key_id"),
    };
}

/// <summary>
/// AWS::Logs::LogGroup, and CDK's Custom::LogRetention (a function's logRetention): a custom resource that creates the
/// function's group if needed and sets its retention, so it declares that group as far as the rules are concerned.
/// </summary>
public sealed class LogsCloudFormation : ICloudFormationMapping
{
    public IReadOnlyList<string> Types => ["AWS::Logs::LogGroup", "Custom::LogRetention"];
    public IReadOnlyList<string> NameAttributes => ["LogGroupName"];

    public CloudResource? Map(IacResource r, IacScope scope) => new LogGroup
    {
        Id = IacScope.IdOf(r, "LogGroupName"),
        Provenance = IacScope.Provenance(r),
        Tags = IacTags.CloudFormation(r),
        Name = IacValue.Optional(r.Body, "LogGroupName"),
        NamedAfter = (r.Body.Get("LogGroupName") as IacUnknown)?.Reference,
        RetentionInDays = IacValue.Int(r.Body, "RetentionInDays", LogGroup.Defaults.RetentionInDays),
        KmsKeyId = IacValue.Reference(r.Body, "KmsKeyId"),
    };
}
