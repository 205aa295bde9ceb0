using System.Collections;
using System.Reflection;
using Readiness.Rules.Model.Cloud;

namespace Readiness.Runner.Sources.Aws.Services;

/// <summary>
/// Which API field each attribute of a live record was read from, declared by the service beside its client
/// (<c>RdsLiveFields</c> in <c>Services/Rds/</c>); found by reflection, as rules are. After a collection every live
/// value of those attributes carries <see cref="ValueOrigin.Live"/> (the resource's ARN and the field), so a finding
/// names "arn:aws:rds:...:db:x (DescribeDBInstances.DBInstances[].PubliclyAccessible)" as an IaC one names file:line.
/// An attribute may be a path into nested records: "Listeners[].SslPolicy" stamps the SslPolicy of every listener.
/// </summary>
public abstract class LiveFields<T> : ILiveFields where T : CloudResource
{
    public Type Record => typeof(T);

    /// <summary>
    /// Model property name (or path, "Ingress[].Sources") to API field, for one resource (an RDS cluster is read by
    /// another call than an instance).
    /// </summary>
    protected abstract IReadOnlyDictionary<string, string> For(T resource);

    public IReadOnlyDictionary<string, string> Fields(CloudResource resource) => For((T)resource);

    /// <summary>The field of one value of <paramref name="attribute"/>, when its elements come from different fields (IPv4 or IPv6 ranges).</summary>
    public virtual string FieldOf(string attribute, string field, IValue value) => field;
}

public interface ILiveFields
{
    Type Record { get; }
    IReadOnlyDictionary<string, string> Fields(CloudResource resource);
    string FieldOf(string attribute, string field, IValue value);
}

/// <summary>Stamps live values with their origin, from the services' <see cref="LiveFields{T}"/>.</summary>
public static class LiveOrigins
{
    private static readonly IReadOnlyDictionary<Type, ILiveFields> ByRecord = typeof(ILiveFields).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(ILiveFields).IsAssignableFrom(t))
        .Select(t => (ILiveFields)Activator.CreateInstance(t)!)
        .ToDictionary(f => f.Record);

    /// <summary>The record types whose live fields are declared (for tests and docs).</summary>
    public static IEnumerable<Type> Declared => ByRecord.Keys;

    /// <summary>
    /// Gives each declared attribute of each live resource the origin (ARN, API field) it lacks, nested records
    /// (an ingress rule, a listener) included. The records were just collected and nothing else holds them yet, so their
    /// init-only properties are set in place.
    /// </summary>
    public static void Stamp(IEnumerable<CloudResource> resources)
    {
        foreach (var resource in resources)
        {
            if (!resource.Provenance.IsLive || !ByRecord.TryGetValue(resource.GetType(), out var declared)) continue;
            foreach (var (attribute, field) in declared.Fields(resource))
                StampPath(resource, attribute.Split('.'), value => ValueOrigin.Live(resource.Provenance.Arn, declared.FieldOf(attribute, field, value)), declared, attribute);
        }
    }

    /// <summary>Follows <paramref name="path"/> ("Listeners[]", "SslPolicy") from <paramref name="target"/> and stamps the values it ends at.</summary>
    private static void StampPath(object target, ReadOnlySpan<string> path, Func<IValue, ValueOrigin> origin, ILiveFields declared, string attribute)
    {
        var each = path[0].EndsWith("[]", StringComparison.Ordinal);
        var name = each ? path[0][..^2] : path[0];
        var property = target.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{declared.GetType().Name} names {attribute}, but {target.GetType().Name} has no {name}.");
        var current = property.GetValue(target);
        if (path.Length > 1)
        {
            var rest = path[1..].ToArray();
            if (each && current is IEnumerable elements)
            {
                foreach (var element in elements) if (element is not null) StampPath(element, rest, origin, declared, attribute);
            }
            else if (current is not null) StampPath(current, rest, origin, declared, attribute);
            return;
        }
        switch (current)
        {
            case IValue { Origin: null } value:
                property.SetValue(target, value.WithOrigin(origin(value)));
                break;
            case IList list when property.PropertyType.GetGenericArguments() is [var element] && typeof(IValue).IsAssignableFrom(element):
                var stamped = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element))!;
                foreach (IValue item in list) stamped.Add(item.Origin is null ? item.WithOrigin(origin(item)) : item);
                property.SetValue(target, stamped);
                break;
        }
    }
}
