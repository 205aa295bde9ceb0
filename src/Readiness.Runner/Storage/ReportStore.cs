using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Readiness.Runner.Results;

namespace Readiness.Runner.Storage;

/// <summary>A report location that could not be read or written (S3 refused, a file could not be read); exits 2.</summary>
public sealed class StorageError(string location, string message) : Exception($"{location}: {message}")
{
    public string Location { get; } = location;
}

/// <summary>
/// Where results and reports are kept between runs: a local path, or <c>s3://bucket/prefix</c> so a scheduled job keeps
/// last night's results without a database. A location names a folder holding the file (results.json, drift.json)
/// or, when it ends in .json, the file itself. S3 endpoints follow AWS_ENDPOINT_URL_S3 (or AWS_ENDPOINT_URL) for
/// S3-compatible stores and tests; credentials and region come from the usual AWS chain.
/// </summary>
public static class ReportStore
{
    public const string S3Scheme = "s3://";

    public static bool IsS3(string location) => location.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a results file; null when nothing is there. A file that exists but is not results JSON is an error.</summary>
    public static ScanResult? ReadResults(string location, string fileName = "results.json")
    {
        var (display, text) = ReadText(location, fileName);
        if (text is null) return null;
        try
        {
            return ResultsJson.Read(text);
        }
        catch (JsonException ex)
        {
            throw new StorageError(display, "not a readiness results file: " + ex.Message);
        }
    }

    /// <summary>The text of <paramref name="fileName"/> at a location (or the location itself when it names a .json file); null when missing.</summary>
    public static (string Display, string? Text) ReadText(string location, string fileName)
    {
        var display = Locate(location, fileName);
        if (IsS3(location))
        {
            var (bucket, key) = S3Object(location, fileName);
            try
            {
                using var client = Client();
                using var response = client.GetObjectAsync(bucket, key).GetAwaiter().GetResult();
                using var reader = new StreamReader(response.ResponseStream);
                return (display, reader.ReadToEnd());
            }
            catch (AmazonS3Exception ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.ErrorCode != "NoSuchBucket")
            {
                return (display, null);
            }
            catch (AmazonServiceException ex)
            {
                throw new StorageError(display, $"S3 refused to read it: {ex.ErrorCode} {ex.Message}");
            }
            catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
            {
                // The SDK reports a refused or unresolvable endpoint as HttpRequestException, not AmazonClientException.
                throw new StorageError(display, "cannot reach S3: " + ex.Message);
            }
        }
        var path = display;
        if (!File.Exists(path)) return (path, null);
        try
        {
            return (path, File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StorageError(path, "cannot read it: " + ex.Message);
        }
    }

    /// <summary>Where ReadText looks for <paramref name="fileName"/> at a location (the location itself when it names a .json file), as it names it.</summary>
    public static string Locate(string location, string fileName)
    {
        if (!IsS3(location))
            return location.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(location) ? location : Path.Combine(location, fileName);
        var (bucket, key) = S3Object(location, fileName);
        return $"s3://{bucket}/{key}";
    }

    /// <summary>The location of <paramref name="fileName"/> beside what <paramref name="location"/> names (its folder when it names a .json file).</summary>
    public static string Beside(string location, string fileName)
    {
        if (!location.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) return location;
        if (IsS3(location))
        {
            var (bucket, key) = Parse(location);
            var slash = key.LastIndexOf('/');
            return $"s3://{bucket}/{(slash < 0 ? "" : key[..slash])}";
        }
        return Path.GetDirectoryName(Path.GetFullPath(location))!;
    }

    /// <summary>
    /// Writes report files through <paramref name="write"/> into the location: directly for a local folder, via a temporary
    /// folder and one upload per file for S3. Returns where the files went.
    /// </summary>
    public static string WriteFolder(string location, Action<string> write)
    {
        if (!IsS3(location))
        {
            WriteLocalFolder(location, write);
            return location;
        }
        var staging = Directory.CreateTempSubdirectory("readiness-upload-");
        try
        {
            write(staging.FullName);
            UploadFolder(staging.FullName, location);
            return location.TrimEnd('/');
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    /// <summary>How long a scan waits for another one writing to the same folder before it gives up.</summary>
    public static TimeSpan LockWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Two scans writing to one folder must not mix their reports: the folder is locked while this run writes, every
    /// file is written under a temporary name first, and all of them are renamed into place together.
    /// </summary>
    private static void WriteLocalFolder(string location, Action<string> write)
    {
        Directory.CreateDirectory(location);
        using var folderLock = Lock(location);
        var staging = Directory.CreateDirectory(Path.Combine(location, $".readiness-writing-{Environment.ProcessId}-{Guid.NewGuid():N}"));
        try
        {
            write(staging.FullName);
            foreach (var file in Directory.EnumerateFiles(staging.FullName, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var target = Path.Combine(location, Path.GetRelativePath(staging.FullName, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(file, target, overwrite: true);
            }
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static FileStream Lock(string location)
    {
        // The lock lives in the temporary folder, named after the output folder, so the reports folder holds only reports.
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(location).TrimEnd('/'))))[..16];
        var path = Path.Combine(Path.GetTempPath(), $"readiness-output-{key}.lock");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive lock on the file (flock on Unix), released when the stream closes.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockWait)
            {
                Thread.Sleep(100);
            }
            catch (IOException ex)
            {
                throw new StorageError(location, $"another scan has been writing to this folder for {LockWait.TotalSeconds:0} s ({ex.Message})");
            }
        }
    }

    public static void UploadFolder(string folder, string location)
    {
        var (bucket, prefix) = Parse(location);
        using var client = Client();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = Join(prefix, Path.GetRelativePath(folder, file).Replace('\\', '/'));
            try
            {
                client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file, ContentType = ContentType(file) }).GetAwaiter().GetResult();
            }
            catch (AmazonServiceException ex)
            {
                throw new StorageError($"s3://{bucket}/{key}", $"S3 refused the upload: {ex.ErrorCode} {ex.Message}");
            }
            catch (Exception ex) when (ex is AmazonClientException or HttpRequestException or IOException or TaskCanceledException)
            {
                throw new StorageError($"s3://{bucket}/{key}", "cannot reach S3: " + ex.Message);
            }
        }
    }

    public static (string Bucket, string Prefix) Parse(string location)
    {
        var rest = location[S3Scheme.Length..];
        var slash = rest.IndexOf('/');
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0) throw new StorageError(location, "an S3 location is s3://bucket/prefix.");
        return (bucket, slash < 0 ? "" : rest[(slash + 1)..].Trim('/'));
    }

    private static (string Bucket, string Key) S3Object(string location, string fileName)
    {
        var (bucket, prefix) = Parse(location);
        return (bucket, prefix.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? prefix : Join(prefix, fileName));
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + "/" + name;

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".json" or ".sarif" => "application/json",
        ".html" => "text/html; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".xml" => "application/xml",
        _ => "application/octet-stream",
    };

    private static AmazonS3Client Client() => Sources.Aws.Clients.S3Clients.ForReports(Sources.Aws.AwsEnvironment.Read());
}
