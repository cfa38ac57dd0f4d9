using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Browser;

/// <summary>
/// One real API (Kestrel on a loopback port, over an index built here with the real indexer), one host page on a
/// second origin that embeds the widget the way a site owner would, and one headless Debian chromium, shared by
/// every browser test.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's chromium; SUMMIT_CHROMIUM points elsewhere (never a Playwright-downloaded build).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("SUMMIT_CHROMIUM") is { Length: > 0 } path
        ? path : "/usr/bin/chromium";

    /// <summary>Set by the XSS article's onerror handler if any API text is ever parsed as HTML.</summary>
    public const string XssFlag = "__summitXss";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private string? _indexPath;
    private ApiServer? _api;
    private WebApplication? _host;
    private WebApplication? _refusedHost;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Why the browser tests cannot run here (no chromium), or null.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>CI sets CI=true: there a missing browser is a failure, never a skip.</summary>
    public static bool IsCi =>
        Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>
    /// Call first in every browser test. Without chromium the test fails under CI and is reported as skipped
    /// elsewhere (with the reason and the install command), so a developer's run says plainly what did not run.
    /// </summary>
    public void RequireBrowser() => Require(Unavailable);

    public static void Require(string? problem)
    {
        if (problem is null) return;
        if (IsCi) throw new InvalidOperationException(problem);
        Skip.If(true, problem);
    }
    /// <summary>Origin of the API, which also serves the search page and /summit-search.js.</summary>
    public string ApiOrigin { get; private set; } = "";
    /// <summary>Origin of the embedding site; differs from <see cref="ApiOrigin"/> by port.</summary>
    public string HostOrigin { get; private set; } = "";
    /// <summary>Origin of a site with the same embed that is not on the API's allow-list.</summary>
    public string RefusedOrigin { get; private set; } = "";
    public HttpClient Api => _api?.Client ?? throw new InvalidOperationException("the API is not running");
    /// <summary>Whether the API serves <c>/api/quotes</c>; without it the widget must hide its Quotes view.</summary>
    public bool QuotesApiAvailable { get; private set; }
    public string RepoRoot => RepoPaths.Root;
    public string ScreenshotDir { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
    public string AxeScriptPath => Path.Combine(RepoRoot, "Summit.Tests", "Browser", ".tools", "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"{ChromiumPath} is missing: the browser tests need Debian's chromium. Run `bash .ci/install-browser.sh` " +
                "(as root) first. To run the other tests without it: dotnet test --filter \"FullyQualifiedName!~Browser\".";
            return;
        }
        Directory.CreateDirectory(ScreenshotDir);

        _indexPath = Path.Combine(Path.GetTempPath(), "summit-browser-" + Guid.NewGuid().ToString("N"));
        BuildIndex(_indexPath);

        // The host site's origin must be on the API's allow-list before the API starts.
        var hostPort = ApiServer.FreePort();
        HostOrigin = $"http://127.0.0.1:{hostPort}";
        _api = await ApiServer.StartAsync(_indexPath, "/summit-search.js", $"--Search:AllowedOrigins:0={HostOrigin}");
        ApiOrigin = _api.Origin;

        using (var quotes = await Api.GetAsync("/api/quotes?q=test"))
            QuotesApiAvailable = quotes.StatusCode != HttpStatusCode.NotFound;

        _host = CreateHostSite(hostPort, ApiOrigin);
        await _host.StartAsync();
        var refusedPort = ApiServer.FreePort();
        RefusedOrigin = $"http://127.0.0.1:{refusedPort}";
        _refusedHost = CreateHostSite(refusedPort, ApiOrigin);
        await _refusedHost.StartAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        if (_refusedHost is not null) await _refusedHost.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        if (_indexPath is not null)
        {
            try { Directory.Delete(_indexPath, recursive: true); }
            catch (IOException) { /* a reader may still hold a file for a moment; the temp folder is disposable */ }
        }
    }

    /// <summary>A fresh context and page; <paramref name="width"/> sets a phone or desktop viewport.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(10_000);
        // Contexts live until the browser closes with the fixture: a dozen tests, a few MB each.
        return await context.NewPageAsync();
    }

    public async Task<string> ScreenshotAsync(IPage page, string name, ILocator? element = null)
    {
        var path = Path.Combine(ScreenshotDir, name + ".png");
        if (element is null) await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        else await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = path });
        return path;
    }

    // ---------------------------------------------------------------------------------------------------------

    private void BuildIndex(string path)
    {
        using var builder = IndexBuilder.Open(path, rebuild: true);
        foreach (var article in TestArticles.All(RepoRoot))
            builder.Upsert(article, Extractor.Default.Extract(article));
        builder.Commit();
    }

    private static WebApplication CreateHostSite(int port, string apiOrigin)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var html = TestArticles.HostPage(apiOrigin);
        app.MapGet("/", () => Results.Content(html, "text/html; charset=utf-8"));
        return app;
    }

    /// <summary>What the API process printed, for failure messages.</summary>
    public string ApiLog => _api?.Log ?? "";
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
