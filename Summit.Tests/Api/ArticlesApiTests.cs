using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Summit.Engine.Search;

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

    [Theory]
    [InlineData("/summit-search.js")]
    [InlineData("/api/search?q=kyiv")]
    [InlineData("/api/suggest?q=ky")]
    public async Task An_allowed_origin_gets_cors_headers(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", SummitApiFactory.AllowedOrigin);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SummitApiFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    // The widget's files are open to every origin (ReaderAndEmbedApiTests); the API is not.
    [Theory]
    [InlineData("/api/search?q=kyiv")]
    [InlineData("/api/suggest?q=ky")]
    public async Task Other_origins_get_no_cors_headers(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", "https://elsewhere.example");

        var response = await _client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Admin_writes_are_not_allowed_cross_origin_even_from_an_allowed_site()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/articles");
        preflight.Headers.Add("Origin", SummitApiFactory.AllowedOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await _client.SendAsync(preflight);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Methods")
                     && response.Headers.GetValues("Access-Control-Allow-Methods").Single().Contains("POST"));
    }

    [Fact]
    public async Task The_page_is_served()
    {
        var page = await _client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unknown_api_route_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
