using System.Net;
using System.Text.Json;

namespace Summit.Tests.Api;

/// <summary>What the reader, the suggestions and a first-time embed need from the API.</summary>
public sealed class ReaderAndEmbedApiTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    public async Task Any_site_may_load_the_widget_script_but_not_read_the_API(string method)
    {
        const string stranger = "https://not-yet-allowed.example";
        var script = new HttpRequestMessage(new HttpMethod(method), "/summit-search.js");
        script.Headers.Add("Origin", stranger);
        var api = new HttpRequestMessage(new HttpMethod(method), "/api/search?q=kyiv");
        api.Headers.Add("Origin", stranger);

        var scriptResponse = await _client.SendAsync(script);
        var apiResponse = await _client.SendAsync(api);

        Assert.Equal(HttpStatusCode.OK, scriptResponse.StatusCode);
        Assert.Equal(stranger, scriptResponse.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(scriptResponse.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.False(apiResponse.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_title_suggestion_carries_its_articles_date_and_source()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/suggest?q=kishida+vis"));

        var title = doc.RootElement.GetProperty("suggestions").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "title");
        Assert.Equal("jp-ua", title.GetProperty("id").GetString());
        Assert.Equal("2023-03-22", title.GetProperty("date").GetString()![..10]);
        Assert.Equal("Test Wire", title.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_filter_only_match_shows_the_lead_and_the_article_has_no_repeated_quotes()
    {
        using var doc = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=great+neighbouring+powers"));

        var hit = doc.RootElement.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("id").GetString() == TestArticles.SeedId);
        var quotes = hit.GetProperty("quotes").EnumerateArray().Select(q => q.GetProperty("text").GetString()!).ToList();
        var plain = quotes.Select(q => q.Replace("<mark>", "").Replace("</mark>", "")).ToList();
        Assert.Equal(plain.Count, plain.Distinct().Count());
        Assert.DoesNotContain(plain, q => plain.Any(other => other != q && other.Contains(q.Trim(' ', ',', '.'), StringComparison.OrdinalIgnoreCase)));
    }

}
