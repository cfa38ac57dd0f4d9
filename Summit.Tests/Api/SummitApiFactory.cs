extern alias api;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Api;

/// <summary>
/// Hosts the API over a temporary index built once per test class with the real <see cref="IndexBuilder"/>,
/// from <see cref="TestArticles"/> plus the seed article, and a temporary web root holding a stand-in widget.
/// </summary>
public class SummitApiFactory : WebApplicationFactory<api::Program>
{
    public const string AdminKey = "test-admin-key";
    public const string AllowedOrigin = "https://news.example.org";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "summit-api-tests-" + Guid.NewGuid().ToString("N"));

    public SummitApiFactory()
    {
        Directory.CreateDirectory(WebRoot);
        File.WriteAllText(Path.Combine(WebRoot, "index.html"), "<!doctype html><title>Summit</title>");
        File.WriteAllText(Path.Combine(WebRoot, "summit-search.js"), "export {};");
        using var builder = IndexBuilder.Open(IndexPath, rebuild: true);
        foreach (var (article, facts) in TestArticles.All()) builder.Upsert(article, facts);
        builder.Commit();
    }

    public string IndexPath => Path.Combine(_root, "index");
    public string WebRoot => Path.Combine(_root, "wwwroot");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Search:IndexPath", IndexPath);
        builder.UseSetting("Search:SeedsPath", Path.Combine(_root, "no-seeds"));
        builder.UseSetting("Search:AdminApiKey", AdminKey);
        builder.UseSetting("Search:RefreshIntervalMs", "100");
        builder.UseSetting("Search:RateLimitPerSecond", "0");
        builder.UseSetting("Search:AllowedOrigins:0", AllowedOrigin);
        // Tests send wrong keys on purpose; the throttle itself is tested with its own small burst.
        builder.UseSetting("Search:AdminKeyFailureBurst", "1000");
        builder.UseWebRoot(WebRoot);
        Configure(builder);
    }

    /// <summary>Settings of a variant host, applied after the defaults.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A reader may still hold a file on some platforms; the temp folder is cleaned eventually.
        }
    }
}

/// <summary>Builder for test articles with hand-made facts, so facet counts are known exactly.</summary>
public static class TestArticles
{
    public const string SeedId = "000_270a9acb2966ab58";

    public static (Article, ArticleFacts) Make(
        string id, string title, string body, string date, string source = "Test Wire",
        string[]? countries = null, string[]? persons = null, (string Text, string? Speaker)[]? quotes = null, string? author = null)
    {
        var article = new Article(id, title, body, DateTimeOffset.Parse(date, System.Globalization.CultureInfo.InvariantCulture), source,
            Url: $"https://example.test/{id}", Author: author);
        var quoteList = (quotes ?? []).Select(q =>
        {
            var start = Math.Max(0, body.IndexOf(q.Text, StringComparison.Ordinal));
            return new Quote(start, start + q.Text.Length, q.Text, q.Speaker);
        }).ToList();
        var facts = new ArticleFacts(
            quoteList,
            (persons ?? []).Select(p => new PersonMention(p, [])).ToList(),
            [],
            countries ?? []);
        return (article, facts);
    }

    public static IEnumerable<(Article, ArticleFacts)> All()
    {
        yield return Make("ru-cn", "Xi and Putin hold talks in Moscow",
            "Chinese leader Xi Jinping met Vladimir Putin in Moscow. \"We are building a new era of cooperation,\" Xi said. The leaders signed agreements.",
            "2023-03-21T10:00:00Z", countries: ["RU", "CN"], persons: ["Xi Jinping", "Vladimir Putin"],
            quotes: [("We are building a new era of cooperation,", "Xi Jinping")]);
        yield return Make("jp-ua", "Kishida visits Kyiv",
            "Japanese Prime Minister Fumio Kishida arrived in Kyiv on a surprise visit. \"Japan stands with Ukraine,\" Kishida said.",
            "2023-03-22T09:00:00Z", countries: ["JP", "UA"], persons: ["Fumio Kishida", "Volodymyr Zelensky"],
            quotes: [("Japan stands with Ukraine,", "Fumio Kishida")], author: "Mika Tanaka");
        yield return Make("ru-only", "Kremlin budget review",
            "The Kremlin reviewed the budget for the coming year. Officials expect negotiations with regions.",
            "2022-05-01T08:00:00Z", source: "Other Daily", countries: ["RU"], persons: ["Vladimir Putin"]);
        yield return Make("stem-talk", "Border talk", "A short talk about the border took place on Monday.", "2021-01-05T00:00:00Z",
            source: "Other Daily");
        yield return Make("stem-talks", "Border talks", "Short talks about the border took place on Monday.", "2021-01-04T00:00:00Z",
            source: "Other Daily");
        yield return Make("xss", "Script handling",
            "Officials in Geneva received a letter reading <script>alert('geneva')</script> and other markup & symbols.",
            "2020-06-01T00:00:00Z");
        yield return Make("fr-wine", "Wine harvest begins early",
            "Growers started picking grapes three weeks ahead of schedule. Warm weather was blamed.",
            "2019-09-01T00:00:00Z", countries: ["FR"]);
        // The same two words side by side and far apart.
        yield return Make("prox-far", "Fishing news", "Fishermen protested at the harbour on Friday. Officials were silent about the closure.",
            "2021-06-01T00:00:00Z", source: "Proximity Post");
        yield return Make("prox-near", "Fishing news", "Fishermen protested the harbour closure on Friday. Officials were silent about it all.",
            "2021-06-02T00:00:00Z", source: "Proximity Post");
        // The same quote reported twice, with different spacing and quotation marks.
        yield return Make("dup-a", "Envoy stands firm", "Berg said: \"We will not  back down.\" Talks resume next week.",
            "2024-02-01T00:00:00Z", source: "Third Post", countries: ["DE"], persons: ["Anna Berg"],
            quotes: [("We will not  back down.", "Anna Berg")]);
        yield return Make("dup-b", "Envoy rejects pressure", "\u201CWe will not back down,\u201D Berg said on Monday.",
            "2024-01-15T00:00:00Z", source: "Third Post", countries: ["DE"], persons: ["Anna Berg"],
            quotes: [("We will not back down,", "Anna Berg")]);
        var seedPath = Path.Combine(RepositoryRoot(), "seeds", SeedId + ".txt");
        var body = File.ReadAllText(seedPath);
        var seed = new Article(SeedId, "Xi arrives in Moscow for talks with Putin", body, new DateTimeOffset(2023, 3, 21, 12, 0, 0, TimeSpan.Zero), "AFP",
            Dateline: "Moscow");
        // The seed runs through the real extractor for its quotes, but its facets are dropped (and quotes left
        // unattributed) so the exact facet counts asserted here do not move as the extractor improves.
        var extracted = Extractor.Default.Extract(seed);
        yield return (seed, new ArticleFacts(extracted.Quotes.Select(q => q with { Speaker = null }).ToList(), [], [], []));
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Summit.sln"))) return dir.FullName;
        throw new InvalidOperationException("Summit.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The API with no admin key configured.</summary>
public sealed class NoAdminKeyFactory : SummitApiFactory
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Search:AdminApiKey", "");
}

/// <summary>The API allowing a burst of 3 requests and 1 per second after it.</summary>
public sealed class RateLimitedFactory : SummitApiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:RateLimitPerSecond", "1");
        builder.UseSetting("Search:RateLimitBurst", "3");
    }
}
