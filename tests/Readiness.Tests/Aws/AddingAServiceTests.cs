using System.Text.RegularExpressions;
using Readiness.Rules.Model.Cloud;
using Readiness.Runner.Sources.Aws.Services;
using Readiness.Tests.Support;

namespace Readiness.Tests.Aws;

/// <summary>
/// The walkthrough of docs/architecture.md ("Adding a service"), checked: each registered service's mappings, live
/// reader and live fields sit in its own folder, and the shared plumbing names no service, so a new service touches
/// only its own folders plus its one line in <see cref="AwsServices"/>.
/// </summary>
public sealed partial class AddingAServiceTests
{
    private static readonly string Services = Path.Combine(TestPaths.Repo, "src", "Readiness.Runner", "Sources", "Aws", "Services");

    [GeneratedRegex(@"\b(?:sealed |static |abstract )*(?:partial )?(?:class|record) (\w+)")]
    private static partial Regex Declaration();

    private static readonly IReadOnlyDictionary<string, string> FolderOfType = Directory.EnumerateFiles(Services, "*.cs", SearchOption.AllDirectories)
        .SelectMany(file => Declaration().Matches(File.ReadAllText(file)).Select(m => (Type: m.Groups[1].Value, Folder: Path.GetRelativePath(Services, Path.GetDirectoryName(file)!))))
        .GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.First().Folder);

    [Fact]
    public void Each_service_keeps_its_mappings_live_reader_and_live_fields_in_one_folder()
    {
        foreach (var service in AwsServices.All)
        {
            var parts = new object?[] { service.Terraform, service.CloudFormation, service.Live }.OfType<object>().Select(p => p.GetType().Name).ToList();
            var folders = parts.Select(p => FolderOfType.GetValueOrDefault(p, "(not under Services/)")).Distinct().ToList();
            folders.Count.ShouldBe(1, $"{service.Name}: {string.Join(", ", parts)} are in {string.Join(", ", folders)}");
            folders[0].ShouldNotBe(".", $"{service.Name} has its own folder under Services/");
        }
        foreach (var record in LiveOrigins.Declared)
        {
            var fields = typeof(LiveFields<>).Assembly.GetTypes().Single(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(LiveFields<>) && b.GetGenericArguments()[0] == record);
            var service = AwsServices.All.FirstOrDefault(s => s.Live is not null && FolderOfType.GetValueOrDefault(fields.Name) == FolderOfType.GetValueOrDefault(s.Live.GetType().Name));
            service.ShouldNotBeNull($"{fields.Name} sits beside the live reader of its service");
        }
    }

    [Fact]
    public void The_shared_plumbing_names_no_service()
    {
        // Every service's own types: its mappings, live reader, wire client and the model records the sources fill.
        var serviceTypes = FolderOfType.Where(p => p.Value != ".").Select(p => p.Key)
            .Concat(typeof(CloudResource).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(CloudResource)) && !t.IsAbstract).Select(t => t.Name))
            .Where(name => name is not ("AccountSettings" or "StsClient" or "Ec2Client" or "OrganizationsClient" or "OrganizationAccounts"))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var shared in new[] { "Sources/Aws/AwsCollector.cs", "Sources/Aws/AwsInventoryFile.cs", "Sources/Terraform/TerraformMapper.cs", "Sources/CloudFormation/CloudFormationMapper.cs" })
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.Repo, "src", "Readiness.Runner", shared));
            var named = Regex.Matches(text, @"\b[A-Z]\w+\b").Select(m => m.Value).Where(serviceTypes.Contains).Distinct().Order(StringComparer.Ordinal).ToList();
            named.ShouldBeEmpty($"{shared} is shared by every service; it names {string.Join(", ", named)}");
        }
    }
}
