namespace Readiness.Runner.Scan;

/// <summary>
/// Where a scan finds the project's <c>.readiness/</c> folder: in the scanned folder, or else in the nearest parent up to
/// the repository root (the folder holding <c>.git</c>), so scanning a subfolder keeps the project's settings.
/// </summary>
public static class ProjectSettings
{
    public const string FolderName = ".readiness";

    /// <summary>The folder holding <c>.readiness/</c> for <paramref name="scanPath"/> (a folder or a file), or null.</summary>
    public static string? Find(string scanPath)
    {
        var full = Path.GetFullPath(scanPath);
        var start = File.Exists(full) ? Path.GetDirectoryName(full)! : full;
        // The repository root is as far as a project's settings reach; outside a repository only the folder itself counts.
        var chain = new List<string>();
        for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            chain.Add(dir);
            if (Directory.Exists(Path.Combine(dir, ".git")) || File.Exists(Path.Combine(dir, ".git"))) break;
            if (Path.GetDirectoryName(dir) is null) chain = [start];
        }
        return chain.FirstOrDefault(d => Directory.Exists(Path.Combine(d, FolderName)));
    }
}
