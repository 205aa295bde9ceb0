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

    /// <summary>
    /// The scanned folder's path relative to the project that owns <paramref name="settingsPath"/> (a file or folder
    /// inside <c>P/.readiness/</c>), with forward slashes; "" when the settings belong to the scanned folder itself or to
    /// no enclosing project. Globs written in a project's settings are relative to the project, so a subfolder scan
    /// matches them against this prefix joined with its own relative paths.
    /// </summary>
    public static string PrefixFor(string? settingsPath, string scanRoot)
    {
        if (settingsPath is null) return "";
        for (var dir = Path.GetFullPath(settingsPath); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) != FolderName) continue;
            var relative = Path.GetRelativePath(Path.GetDirectoryName(dir)!, Path.GetFullPath(scanRoot));
            if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return "";
            return relative.Replace(Path.DirectorySeparatorChar, '/');
        }
        return "";
    }

    /// <summary><paramref name="relativePath"/> (relative to the scanned folder) as seen from the project: prefix/path.</summary>
    public static string FromProject(string prefix, string relativePath) => prefix.Length == 0 ? relativePath : prefix + "/" + relativePath;
}
