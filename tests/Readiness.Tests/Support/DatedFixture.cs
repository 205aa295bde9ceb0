using System.Globalization;
using System.Text.RegularExpressions;

namespace Readiness.Tests.Support;

/// <summary>
/// Fixture suppressions are dated for one story day (Workflows/accepted_app expires 2027-01-10, 40 days after
/// <see cref="StoryDay"/>). In-process scans pass that day as ScanOptions.Now; the CLI runs on the real clock, so a
/// CLI test scans a copy whose expiry dates are moved by the days since the story day: the same 40 days ahead
/// today, next year and in 2030, instead of a test that starts failing on 2027-01-10.
/// </summary>
public static partial class DatedFixture
{
    public static readonly DateOnly StoryDay = new(2026, 12, 1);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Copies the fixture folder to target and moves every `expires: YYYY-MM-DD` in it to the real clock.</summary>
    public static string CopyToToday(string fixture, string target)
    {
        var shift = Today.DayNumber - StoryDay.DayNumber;
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            if (!file.EndsWith(".yaml", StringComparison.Ordinal)) { File.Copy(file, to); continue; }
            File.WriteAllText(to, Expires().Replace(File.ReadAllText(file), m =>
                m.Groups["key"].Value + DateOnly.ParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(shift)
                    .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        return target;
    }

    [GeneratedRegex(@"(?<key>\bexpires:\s*)(?<date>\d{4}-\d{2}-\d{2})\b")]
    private static partial Regex Expires();
}
