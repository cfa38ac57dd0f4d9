using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;

namespace Summit.Tests.Api;

/// <summary>CORS is for the read API and the widget only; admin writes are same-origin. Security headers differ for
/// the page (no framing, a content policy) and the widget script (which other sites load).</summary>
public sealed class CorsAndHeadersTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static HttpRequestMessage Preflight(string path, string method, string origin = SummitApiFactory.AllowedOrigin, string? headers = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        if (headers is not null) request.Headers.Add("Access-Control-Request-Headers", headers);
        return request;
    }

    private static string[] AccessControlHeaders(HttpResponseMessage response) =>
        response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase)).ToArray();

    [Theory]
    [InlineData("/api/articles", "POST", "x-api-key,content-type")]
    [InlineData("/api/articles", "POST", null)]
    [InlineData("/api/articles/jp-ua", "DELETE", "x-api-key")]
    [InlineData("/api/articles/jp-ua", "DELETE", null)]
    public async Task The_preflight_of_an_admin_write_from_an_allowed_origin_is_refused(string path, string method, string? headers)
    {
        var response = await _client.SendAsync(Preflight(path, method, headers: headers));

        Assert.Empty(AccessControlHeaders(response));
    }

    [Fact]
    public async Task An_admin_write_sent_with_an_allowed_origin_gets_no_cors_headers()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent("""{"id":"cors-post","body":"The corspostword article."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", SummitApiFactory.AdminKey);
        request.Headers.Add("Origin", SummitApiFactory.AllowedOrigin);

        var response = await _client.SendAsync(request);

        // A browser would not let the page read this answer (nor send it: the preflight above fails first).
        Assert.Empty(AccessControlHeaders(response));
    }

    [Theory]
    [InlineData("/api/search?q=kyiv", "GET")]
    [InlineData("/api/quotes?q=ukraine", "GET")]
    [InlineData("/api/suggest?q=ky", "GET")]
    [InlineData("/api/facets/person?prefix=v", "GET")]
    [InlineData("/api/articles/jp-ua", "GET")]
    [InlineData("/api/search?q=kyiv", "HEAD")]
    public async Task The_preflight_of_a_read_from_an_allowed_origin_is_allowed(string path, string method)
    {
        var response = await _client.SendAsync(Preflight(path, method, headers: "accept"));

        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        Assert.Equal(SummitApiFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains(method, response.Headers.GetValues("Access-Control-Allow-Methods").Single());
    }

    [Fact]
    public async Task The_preflight_of_a_read_from_another_origin_is_refused()
    {
        var response = await _client.SendAsync(Preflight("/api/search?q=kyiv", "GET", "https://elsewhere.example"));

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("GET", "/summit-search.js")]
    [InlineData("HEAD", "/summit-search.js")]
    [InlineData("GET", "/api/search?q=kyiv")]
    [InlineData("HEAD", "/api/search?q=kyiv")]
    [InlineData("HEAD", "/api/articles/jp-ua")]
    public async Task Reads_by_get_and_head_from_an_allowed_origin_get_cors_headers(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Headers.Add("Origin", SummitApiFactory.AllowedOrigin);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(SummitApiFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    public async Task The_page_may_not_be_framed_and_has_a_content_policy(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var policy = Directives(response);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        // What the page and the widget need: their own script, the widget's <style> in its shadow root, fetches to /api.
        Assert.Equal("'self'", policy["script-src"]);
        Assert.Contains("'unsafe-inline'", policy["style-src"]);
        Assert.Contains("'self'", policy["connect-src"]);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_widget_script_can_be_loaded_by_other_sites()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/summit-search.js");
        request.Headers.Add("Origin", SummitApiFactory.AllowedOrigin);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.Equal(SummitApiFactory.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Theory]
    [InlineData("/api/search?q=kyiv")]
    [InlineData("/api/search?page=x")]
    [InlineData("/api/nothing-here")]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_other_response_is_nosniff_and_not_frameable(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("'none'", Directives(response)["frame-ancestors"]);
    }

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        response.Headers.GetValues("Content-Security-Policy").Single()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}

/// <summary>The API allowing a burst of 3 requests per client, then 1 per second.</summary>
public sealed class TightRateLimitFactory : SummitApiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:RateLimitPerSecond", "1");
        builder.UseSetting("Search:RateLimitBurst", "3");
    }
}

public sealed class RateLimitHeadAndCorsTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task Head_requests_count_against_the_limit_and_the_429_is_readable_by_an_allowed_origin()
    {
        var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/search?q=kyiv"))).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=kyiv");
        request.Headers.Add("Origin", SummitApiFactory.AllowedOrigin);

        var throttled = await client.SendAsync(request);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.Contains("Retry-After"));
        Assert.Equal(SummitApiFactory.AllowedOrigin, throttled.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Retry-After", throttled.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }
}

public sealed class SteadyRateLimitTests(TightRateLimitFactory factory) : IClassFixture<TightRateLimitFactory>
{
    [Fact]
    public async Task After_the_burst_a_client_gets_about_one_request_a_second()
    {
        var client = factory.CreateClient();
        var ok = 0;
        var log = new List<string>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // A request every 50 ms for 2.5 s: the burst of 3, then 1 a second (a limiter refilling too fast lets dozens through).
        while (clock.Elapsed < TimeSpan.FromSeconds(2.5))
        {
            var status = (await client.GetAsync("/api/suggest?q=ky")).StatusCode;
            log.Add($"{clock.ElapsedMilliseconds}:{(int)status}");
            if (status == HttpStatusCode.OK) ok++;
            await Task.Delay(50);
        }

        Assert.True(ok >= 3 && ok <= 3 + Math.Ceiling(clock.Elapsed.TotalSeconds), string.Join(" ", log));
    }
}
