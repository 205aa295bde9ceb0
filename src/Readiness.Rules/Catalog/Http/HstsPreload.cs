namespace Readiness.Rules.Catalog.Http;

/// <summary>
/// Membership in the HSTS preload list browsers ship, from a dated snapshot embedded in the binary
/// (Catalog/Http/hsts-preload.txt; its header says where it comes from and when). No network at scan time.
/// </summary>
public static class HstsPreload
{
    /// <summary>The date of the embedded snapshot, shown in docs and test names.</summary>
    public const string SnapshotDate = "2016-08-12";

    private static readonly Lazy<Dictionary<string, bool>> Entries = new(Load);

    /// <summary>True when the host is preloaded itself, or a parent is preloaded with include_subdomains.</summary>
    public static bool Covers(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (Entries.Value.ContainsKey(name)) return true;
        for (var dot = name.IndexOf('.', StringComparison.Ordinal); dot >= 0; dot = name.IndexOf('.', dot + 1))
        {
            if (Entries.Value.TryGetValue(name[(dot + 1)..], out var subdomains) && subdomains) return true;
        }
        return false;
    }

    private static Dictionary<string, bool> Load()
    {
        using var stream = typeof(HstsPreload).Assembly.GetManifestResourceStream("http:hsts-preload.txt")
            ?? throw new InvalidOperationException("The embedded HSTS preload list is missing.");
        using var reader = new StreamReader(stream);
        var entries = new Dictionary<string, bool>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            entries[tab < 0 ? line : line[..tab]] = tab >= 0;
        }
        return entries;
    }
}
