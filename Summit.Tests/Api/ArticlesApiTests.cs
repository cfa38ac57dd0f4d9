using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Summit.Search.Api.Search;

namespace Summit.Tests.Api;

public sealed class ArticlesApiTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Article_returns_body_and_extracted_facts()
    {
        var article = await _client.GetFromJsonAsync<ArticleDetails>("/api/articles/jp-ua");

        Assert.NotNull(article);
        Assert.Equal("Kishida visits Kyiv", article.Title);
        var quote = Assert.Single(article.Quotes);
        Assert.Equal("Fumio Kishida", quote.Speaker);
        Assert.Equal(quote.Text, article.Body[quote.Start..quote.End]);
        Assert.Contains(article.Countries, c => c is { Code: "JP", Name: "Japan" });
        Assert.Contains(article.Persons, p => p.Name == "Volodymyr Zelensky");
    }

    [Fact]
    public async Task Seed_article_has_its_quotes()
    {
        var article = await _client.GetFromJsonAsync<ArticleDetails>("/api/articles/" + TestArticles.SeedId);

        Assert.NotNull(article);
        Assert.Contains(article.Quotes, q => q.Text.Contains("great neighbouring powers"));
        Assert.Equal("Moscow", article.Dateline);
    }

    [Fact]
    public async Task Unknown_article_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/articles/no-such-article");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Quote_documents_are_not_articles()
    {
        var response = await _client.GetAsync("/api/articles/jp-ua%23q0");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_reports_the_article_count()
    {
        var health = await _client.GetFromJsonAsync<JsonElement>("/health");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(12, health.GetProperty("articles").GetInt32());
    }

    [Fact]
    public async Task OpenApi_document_describes_the_search_endpoint()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.True(document.GetProperty("paths").TryGetProperty("/api/search", out var search));
        var parameters = search.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("q", parameters);
        Assert.Contains("country", parameters);
    }

    [Fact]
    public async Task Static_files_and_the_widget_are_served_with_cors()
    {
        var page = await _client.GetAsync("/");
        var request = new HttpRequestMessage(HttpMethod.Get, "/summit-search.js");
        request.Headers.Add("Origin", "https://news.example.org");
        var widget = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.OK, widget.StatusCode);
        Assert.Equal("*", widget.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Api_answers_cross_origin_requests()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=kyiv");
        request.Headers.Add("Origin", "https://news.example.org");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
