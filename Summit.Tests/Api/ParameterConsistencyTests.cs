using System.Net;
using System.Text.Json;

namespace Summit.Tests.Api;

/// <summary>One parameter, one value; /api/search and /api/quotes check their parameters alike; from and to follow
/// the same rules.</summary>
public sealed class ParameterConsistencyTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<JsonElement> ProblemAsync(string url, string parameter)
    {
        var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out var errors), $"{url}: {body}");
        return errors.Clone();
    }

    public static TheoryData<string, string> RepeatedSingleValues => new()
    {
        { "/api/search?q=a&q=b", "q" },
        { "/api/search?q=kyiv&Q=kishida", "q" },
        { "/api/search?page=1&page=2", "page" },
        { "/api/search?pageSize=1&pageSize=2", "pageSize" },
        { "/api/search?from=2020&from=2021", "from" },
        { "/api/search?to=2020&to=2021", "to" },
        { "/api/search?sort=date&sort=oldest", "sort" },
        { "/api/search?recency=1&recency=2", "recency" },
        { "/api/search?facetLimit=1&facetLimit=2", "facetLimit" },
        { "/api/search?dateHistogram=year&dateHistogram=month", "dateHistogram" },
        { "/api/search?cursor=a&cursor=b", "cursor" },
        { "/api/quotes?q=a&q=b", "q" },
        { "/api/quotes?page=1&page=1", "page" },
        { "/api/quotes?sort=date&sort=date", "sort" },
        { "/api/facets/person?prefix=v&prefix=x", "prefix" },
        { "/api/facets/person?q=a&q=b", "q" },
        { "/api/suggest?q=ky&q=ki", "q" },
        { "/api/suggest?q=ky&limit=2&limit=3", "limit" },
        { "/api/speakers/Xi%20Jinping/quotes?pageSize=1&pageSize=2", "pageSize" },
        { "/api/speakers/Xi%20Jinping/quotes?page=1&page=2", "page" },
    };

    [Theory]
    [MemberData(nameof(RepeatedSingleValues))]
    public async Task A_single_valued_parameter_given_twice_is_a_400_naming_it(string url, string parameter)
    {
        var errors = await ProblemAsync(url, parameter);

        Assert.Contains("one value", errors[0].GetString());
    }

    [Theory]
    [InlineData("/api/search?country=RU&country=CN")]
    [InlineData("/api/search?person=Vladimir%20Putin&person=Xi%20Jinping&source=AFP&source=Test%20Wire")]
    [InlineData("/api/quotes?speaker=Xi%20Jinping&speaker=Fumio%20Kishida")]
    public async Task Repeatable_filters_may_still_be_repeated(string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(url)).StatusCode);
    }

    [Theory]
    [InlineData("recency=NaN", "recency")]
    [InlineData("recency=fast", "recency")]
    [InlineData("dateHistogram=day", "dateHistogram")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("facetLimit=1000", "facetLimit")]
    [InlineData("sort=random", "sort")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=9999", "to")]
    [InlineData("q=%22", "q")]
    public async Task Search_and_quotes_reject_a_bad_value_alike(string query, string parameter)
    {
        var search = await ProblemAsync("/api/search?" + query, parameter);
        var quotes = await ProblemAsync("/api/quotes?" + query, parameter);

        Assert.Equal(search.ToString(), quotes.ToString());
    }

    [Theory]
    [InlineData("cursor=garbage", "cursor")]
    [InlineData("recency=2", "recency")]
    [InlineData("dateHistogram=year", "dateHistogram")]
    [InlineData("source=AFP", "source")]
    [InlineData("place=Moscow", "place")]
    public async Task Quotes_refuse_article_only_parameters_instead_of_ignoring_them(string query, string parameter)
    {
        await ProblemAsync("/api/quotes?q=ukraine&" + query, parameter);
    }

    [Fact]
    public async Task A_garbage_cursor_is_a_400_for_search_too()
    {
        await ProblemAsync("/api/search?q=kyiv&cursor=garbage", "cursor");
    }

    [Theory]
    [InlineData("9999")]
    [InlineData("9999-01")]
    [InlineData("9999-12-31")]
    [InlineData("9999-12-31T23:59:59.9999999Z")]
    [InlineData("0000")]
    [InlineData("0001-01-01T00:00:00+05:00")]
    [InlineData("12345")]
    [InlineData("2023-02-30")]
    [InlineData("soon")]
    public async Task From_and_to_reject_the_same_values_with_the_same_message(string value)
    {
        var escaped = Uri.EscapeDataString(value);
        foreach (var endpoint in new[] { "/api/search", "/api/quotes" })
        {
            var from = await ProblemAsync($"{endpoint}?from={escaped}", "from");
            var to = await ProblemAsync($"{endpoint}?to={escaped}", "to");

            Assert.Equal(from[0].GetString()!.Replace("'from'", "'to'"), to[0].GetString());
        }
    }

    [Theory]
    [InlineData("from=9998&to=9998")]
    [InlineData("from=0001&to=0001")]
    [InlineData("from=9998-12-31&to=9998-12-31")]
    [InlineData("from=0001-01-01T00:00:00Z&to=9998-12-31T23:59:59.9999999Z")]
    public async Task The_first_and_last_supported_dates_work_for_from_and_to(string query)
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/search?" + query)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/quotes?" + query)).StatusCode);
    }
}
