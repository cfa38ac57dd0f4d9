using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Summit.Engine.Search;
using Summit.Search.Api;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Api;

/// <summary>The API with extra settings; <c>Search:AllowedOrigins</c> is only what they say.</summary>
public sealed class SettingsFactory(params (string Key, string? Value)[] settings) : SummitApiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:AllowedOrigins:0", null);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }
}

/// <summary>Settings are read in their natural forms, and one that cannot be honoured stops the start, naming its key.</summary>
public sealed class SettingsTests
{
    private const string Second = "http://localhost:5173";

    private static async Task<string?> AllowedOriginAsync(HttpClient client, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/suggest?q=ky");
        request.Headers.Add("Origin", origin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;
    }

    [Theory]
    // Search__AllowedOrigins=https://news.example.org: one value, the natural form.
    [InlineData("Search:AllowedOrigins", SummitApiFactory.AllowedOrigin, false)]
    [InlineData("Search:AllowedOrigins", SummitApiFactory.AllowedOrigin + "/", false)]
    [InlineData("Search:AllowedOrigins", SummitApiFactory.AllowedOrigin + "," + Second, true)]
    [InlineData("Search:AllowedOrigins", SummitApiFactory.AllowedOrigin + ", " + Second, true)]
    [InlineData("Search:AllowedOrigins", SummitApiFactory.AllowedOrigin + " " + Second, true)]
    [InlineData("Search:AllowedOrigins:0", SummitApiFactory.AllowedOrigin, false)]
    public async Task Allowed_origins_are_read_as_one_value_a_list_or_an_indexed_list(string key, string value, bool secondAllowed)
    {
        using var factory = new SettingsFactory((key, value));
        var client = factory.CreateClient();

        Assert.Equal(SummitApiFactory.AllowedOrigin, await AllowedOriginAsync(client, SummitApiFactory.AllowedOrigin));
        Assert.Equal(secondAllowed ? Second : null, await AllowedOriginAsync(client, Second));
        Assert.Null(await AllowedOriginAsync(client, "https://elsewhere.example"));
    }

    [Fact]
    public async Task An_indexed_list_allows_each_origin()
    {
        using var factory = new SettingsFactory(("Search:AllowedOrigins:0", SummitApiFactory.AllowedOrigin), ("Search:AllowedOrigins:1", Second));
        var client = factory.CreateClient();

        Assert.Equal(SummitApiFactory.AllowedOrigin, await AllowedOriginAsync(client, SummitApiFactory.AllowedOrigin));
        Assert.Equal(Second, await AllowedOriginAsync(client, Second));
    }

    [Fact]
    public async Task A_star_alone_allows_any_origin()
    {
        using var factory = new SettingsFactory(("Search:AllowedOrigins", "*"));

        Assert.Equal("*", await AllowedOriginAsync(factory.CreateClient(), "https://anywhere.example"));
    }

    [Theory]
    [InlineData("Search:AllowedOrigins", "news.example.org")]
    [InlineData("Search:AllowedOrigins", "https://news.example.org/search")]
    [InlineData("Search:AllowedOrigins", "https://news.example.org?x=1")]
    [InlineData("Search:AllowedOrigins", "ftp://news.example.org")]
    [InlineData("Search:AllowedOrigins", "https://*.example.org")]
    [InlineData("Search:AllowedOrigins", "*, https://news.example.org")]
    [InlineData("Search:AllowedOrigins:0", "https://user@news.example.org")]
    [InlineData("Search:AllowedOrigins:1", "https://news.example.org/path/")]
    public void An_origin_that_is_not_one_is_refused_naming_the_key(string key, string value)
    {
        var failure = OptionsFailure((key, value));

        Assert.NotNull(failure);
        Assert.True(failure.Contains("Search:AllowedOrigins", StringComparison.Ordinal), failure);
        Assert.Contains(value.Split(',')[0].Trim(), failure);
    }

    [Theory]
    [InlineData("Search:RateLimitPerSecond", "abc")]
    [InlineData("Search:RateLimitPerSecond", "-1")]
    [InlineData("Search:RateLimitBurst", "0")]
    [InlineData("Search:MaxRequestBodyBytes", "16MB")]
    [InlineData("Search:ResultCacheBytes", "lots")]
    [InlineData("Search:ResultCacheBytes", "-5")]
    [InlineData("Search:ResultCacheEntries", "1e3")]
    [InlineData("Search:RefreshIntervalMs", "10")]
    [InlineData("Search:AdminKeyFailureBurst", "0")]
    [InlineData("Search:IndexPath", "")]
    [InlineData("Search:RateLimitPerSecnd", "5")]
    [InlineData("Search:MapIndexFiles", "maybe")]
    public void A_setting_that_cannot_be_honoured_is_refused_naming_the_key(string key, string value)
    {
        var failure = OptionsFailure((key, value));

        Assert.NotNull(failure);
        Assert.True(failure.Contains(key, StringComparison.Ordinal), failure);
    }

    [Fact]
    public void Good_settings_are_accepted_and_used()
    {
        var options = Options(("Search:RateLimitPerSecond", "7"), ("Search:ResultCacheBytes", "1048576"),
            ("Search:AllowedOrigins", "https://A.example.org, http://localhost:5173"), ("Search:MapIndexFiles", "false"));

        Assert.Equal((7, 1_048_576L, false), (options.RateLimitPerSecond, options.ResultCacheBytes, options.MapIndexFiles));
        Assert.Equal(["https://A.example.org", "http://localhost:5173"], options.AllowedOrigins);
    }

    [Fact]
    public async Task Without_mapped_index_files_the_api_answers_as_with_them()
    {
        using var mapped = new SettingsFactory();
        using var unmapped = new SettingsFactory(("Search:MapIndexFiles", "false"));
        string[] paths = ["/api/search?q=president&facets=person,country", "/api/search?q=%22united%20states%22", "/api/quotes?q=people"];

        Assert.True(mapped.Services.GetRequiredService<SearchIndex>().MapsIndexFiles);
        Assert.False(unmapped.Services.GetRequiredService<SearchIndex>().MapsIndexFiles);
        foreach (var path in paths)
        {
            var expected = Untimed(await mapped.CreateClient().GetStringAsync(path));
            var actual = Untimed(await unmapped.CreateClient().GetStringAsync(path));
            Assert.Contains("\"total\":", expected);
            Assert.Equal(expected, actual);
        }

        static string Untimed(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"tookMs\":\\d+", "");
    }

    // The real API, as deployed: a bad setting stops the process at start with the key in its output.
    [Theory]
    [InlineData("--Search:RateLimitPerSecond=abc", "Search:RateLimitPerSecond")]
    [InlineData("--Search:AllowedOrigins=https://news.example.org/search", "Search:AllowedOrigins")]
    public async Task The_real_api_does_not_start_with_a_bad_setting(string setting, string key)
    {
        using var index = new SummitApiFactory();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ApiServer.StartAsync(index.IndexPath, "/health", setting));

        Assert.Contains("exited: True", failure.Message);
        Assert.Contains(key, failure.Message);
    }

    [Fact]
    public async Task The_real_api_takes_allowed_origins_as_one_value()
    {
        using var index = new SummitApiFactory();
        await using var api = await ApiServer.StartAsync(index.IndexPath, "/health", $"--Search:AllowedOrigins={SummitApiFactory.AllowedOrigin}");

        Assert.Equal(SummitApiFactory.AllowedOrigin, await AllowedOriginAsync(api.Client, SummitApiFactory.AllowedOrigin));
    }

    private static SearchOptions Options(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddSearchOptions();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SearchOptions>>().Value;
    }

    /// <summary>The messages (inner exceptions included) of reading the options, or null when they are accepted.</summary>
    private static string? OptionsFailure(params (string, string?)[] settings)
    {
        try
        {
            Options(settings);
            return null;
        }
        catch (Exception e)
        {
            return e.ToString();
        }
    }
}
