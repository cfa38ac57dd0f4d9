using System.Net;
using System.Net.Http.Json;
using System.Text;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Search.Api;

namespace Summit.Tests.Api;

public sealed class AdminApiTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private HttpRequestMessage Post(string body, string contentType = "application/json", string? key = SummitApiFactory.AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private HttpRequestMessage Delete(string id, string? key = SummitApiFactory.AdminKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/articles/" + Uri.EscapeDataString(id));
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return request;
    }

    private async Task<int> TotalAsync(string q) =>
        (await _client.GetFromJsonAsync<SearchResponse>("/api/search?q=" + Uri.EscapeDataString(q)))!.Total;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("test-admin-key ")]
    public async Task Writes_without_the_right_key_are_401(string? key)
    {
        var post = await _client.SendAsync(Post("""{"id":"nokey","body":"text"}""", key: key));
        var delete = await _client.SendAsync(Delete("jp-ua", key));

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, delete.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await TotalAsync("text"));
    }

    [Fact]
    public async Task An_upload_over_the_body_limit_is_413_and_indexes_nothing()
    {
        var body = $$"""{"id":"too-big","body":"{{new string('x', (int)SearchOptions.DefaultMaxRequestBodyBytes)}}"}""";

        var response = await _client.SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Search:MaxRequestBodyBytes", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/articles/too-big")).StatusCode);
    }

    [Fact]
    public async Task A_posted_article_is_searchable_when_the_call_returns()
    {
        // Asked once before, so an answer kept from before the write would show here.
        Assert.Equal(0, await TotalAsync("zanzibarquest"));

        var response = await _client.SendAsync(Post(
            """{"id":"posted-1","title":"Posted article","body":"Ministers discussed the zanzibarquest plan. \"We agree,\" said Anna Berg.","date":"2025-05-01","source":"Admin Wire"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<IngestResponse>();
        Assert.Equal(["posted-1"], result!.Ids);
        Assert.Equal(1, await TotalAsync("zanzibarquest"));
        var article = await _client.GetFromJsonAsync<ArticleDetails>("/api/articles/posted-1");
        Assert.Equal("Admin Wire", article!.Source);
    }

    [Fact]
    public async Task A_json_lines_batch_is_indexed_together()
    {
        var body = """
            {"id":"batch-1","title":"First","body":"The quixoticbatch word appears here."}
            {"id":"batch-2","title":"Second","body":"And quixoticbatch appears here too."}
            """;

        var response = await _client.SendAsync(Post(body, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await TotalAsync("quixoticbatch"));
    }

    [Fact]
    public async Task A_batch_with_a_bad_line_indexes_nothing()
    {
        var body = "{\"id\":\"good-1\",\"body\":\"The brokenbatch good line.\"}\n{\"id\":\"bad-1\",\"body\":\n";

        var response = await _client.SendAsync(Post(body, "application/x-ndjson"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Line 2", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await TotalAsync("brokenbatch"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[{\"id\":\"a\",\"body\":\"b\"}]")]
    [InlineData("{\"id\":\"no-body\"}")]
    [InlineData("{\"id\":\"bad/id\",\"body\":\"text\"}")]
    [InlineData("not json at all")]
    public async Task Unusable_uploads_are_400(string body)
    {
        var response = await _client.SendAsync(Post(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_deleted_article_is_gone_when_the_call_returns()
    {
        await _client.SendAsync(Post("""{"id":"doomed","body":"The vanishingword article."}"""));
        Assert.Equal(1, await TotalAsync("vanishingword"));

        var response = await _client.SendAsync(Delete("doomed"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(0, await TotalAsync("vanishingword"));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/articles/doomed")).StatusCode);
    }

    [Fact]
    public async Task Commits_by_another_writer_become_searchable_through_the_refresh_loop()
    {
        Assert.Equal(0, await TotalAsync("outsidewriter"));
        using (var writer = Summit.Engine.Index.IndexBuilder.Open(factory.IndexPath))
        {
            var (article, facts) = TestArticles.Make("external-1", "External", "The outsidewriter article.", "2025-01-01T00:00:00Z");
            writer.Upsert(article, facts);
            writer.Commit();
        }

        var found = 0;
        for (var attempt = 0; attempt < 40 && found == 0; attempt++)
        {
            await Task.Delay(50);
            found = await TotalAsync("outsidewriter");
        }

        Assert.Equal(1, found);
    }

    [Fact]
    public async Task Deleting_an_unknown_article_is_404()
    {
        var response = await _client.SendAsync(Delete("never-existed"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class DisabledAdminApiTests(NoAdminKeyFactory factory) : IClassFixture<NoAdminKeyFactory>
{
    [Fact]
    public async Task Without_a_configured_key_admin_endpoints_are_disabled()
    {
        var client = factory.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(new { id = "x", body = "y" }) };
        request.Headers.Add("X-Api-Key", "");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("AdminApiKey", await response.Content.ReadAsStringAsync());
    }
}

public sealed class RateLimitApiTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Too_many_requests_get_a_429_problem_with_retry_after()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await client.GetAsync("/api/search?q=kyiv");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) throttled ??= response;
        }

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.NotNull(throttled);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        Assert.True(throttled.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
