using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Readiness.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by its ChromeDriver (packages chromium and chromium-driver, installed by
/// scripts/install-test-deps.sh). Nothing is downloaded: the binaries are given explicitly, so Selenium Manager
/// never runs, and each browser gets a fresh profile folder that is deleted afterwards.
/// </summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string ChromeDriverPath = "/usr/bin/chromedriver";

    private readonly DirectoryInfo profile = Directory.CreateTempSubdirectory("readiness-chromium-");

    public ChromeDriver Driver { get; }

    public Browser(int width = 1280, int height = 1000)
    {
        File.Exists(ChromiumPath).ShouldBeTrue($"{ChromiumPath} is missing; run scripts/install-test-deps.sh");
        File.Exists(ChromeDriverPath).ShouldBeTrue($"{ChromeDriverPath} is missing; run scripts/install-test-deps.sh");
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", $"--window-size={width},{height}",
            $"--user-data-dir={profile.FullName}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriverPath)!, Path.GetFileName(ChromeDriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(90);
        Driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
    }

    /// <summary>Opens a local file and waits until the page script has rendered the findings.</summary>
    public void Open(string path)
    {
        Driver.Navigate().GoToUrl(new Uri(path).AbsoluteUri);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Driver.FindElement(By.TagName("body")).GetAttribute("data-rendered") != "true")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the report's script did not finish rendering: " + string.Join("\n", BrowserLog()));
            Thread.Sleep(50);
        }
    }

    public IReadOnlyList<string> BrowserLog() => Driver.Manage().Logs.GetLog(LogType.Browser).Select(e => $"{e.Level}: {e.Message}").ToList();

    public object? Script(string script, params object[] args) => Driver.ExecuteScript(script, args);

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try { profile.Delete(recursive: true); } catch (IOException) { /* Chromium may still hold a lock file for a moment. */ }
    }
}
