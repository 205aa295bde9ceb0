using Readiness.Rules.Languages.Hcl;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Terraform;

namespace Readiness.Runner.Sources.Iac;

/// <summary>
/// An IaC resource as a mapper sees it, whether it was read from .tf files, plan JSON or a CloudFormation template:
/// its address, where it is declared, and its attributes through <see cref="IacBody"/>. Scope names the Terraform root
/// module or template it belongs to: companions are only looked for within one scope.
/// </summary>
public sealed record IacResource(string Type, string Name, string Address, string File, int Line, IacBody Body, Origin Origin,
    bool IsData = false, string ModulePrefix = "", string Scope = "");

/// <summary>The attributes and nested blocks of a resource. Absent and null attributes both read as null.</summary>
public abstract class IacBody
{
    public abstract int Line { get; }

    /// <summary>The evaluated value: plain values, or <see cref="IacUnknown"/>; null when absent.</summary>
    public abstract object? Get(string name);

    /// <summary>The line that sets the attribute, 0 when unknown or absent.</summary>
    public abstract int LineOf(string name);

    /// <summary>
    /// Where the attribute's value was set: the attribute itself, or for a Terraform variable the tfvars line or module
    /// argument that gave it, with the attribute as a step it travelled through. Null when absent or unknown.
    /// </summary>
    public virtual ValueOrigin? OriginOf(string name) => null;

    public abstract IEnumerable<IacBody> Blocks(string name);

    /// <summary>The attribute's expression, when read from HCL (the IAM mapper reads jsonencode arguments partially).</summary>
    public virtual HclExpr? Expression(string name) => null;

    /// <summary>The Terraform module a body is evaluated in (null for plans and templates).</summary>
    public virtual TfModule? Module => null;

    public IacBody? Block(string name) => Blocks(name).FirstOrDefault();
}
