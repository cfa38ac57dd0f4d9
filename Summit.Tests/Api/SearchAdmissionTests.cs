extern alias api;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Summit.Engine.Search;
using Summit.Search.Api.Endpoints;

namespace Summit.Tests.Api;

public sealed class OneHeavySearchFactory : SummitApiFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:HeavySearchConcurrency", "1");
        builder.UseSetting("Search:HeavySearchWaitMs", "200");
    }
}

public sealed class SearchAdmissionTests(OneHeavySearchFactory factory) : IClassFixture<OneHeavySearchFactory>
{
    private const string Heavy = "ukraine sanctions talks minister trade growth harvest border rate";
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/api/quotes?q=")]
    [InlineData("/api/facets/person?q=")]
    public async Task A_heavy_search_waits_for_a_slot_and_gets_503_with_retry_after_while_ordinary_searches_pass(string path)
    {
        var slots = factory.Services.GetRequiredService<SearchAdmission>().HeavySlots;
        await slots.WaitAsync();
        HttpResponseMessage busy, ordinary;
        try
        {
            busy = await _client.GetAsync(path + Uri.EscapeDataString(Heavy));
            ordinary = await _client.GetAsync(path + "ukraine");
        }
        finally
        {
            slots.Release();
        }
        var admitted = await _client.GetAsync(path + Uri.EscapeDataString(Heavy));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.True(busy.Headers.RetryAfter?.Delta > TimeSpan.Zero, "503 without Retry-After");
        Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, ordinary.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(1, slots.CurrentCount);
    }
}

public sealed class QueryCostTests
{
    [Theory]
    [InlineData("biden", false)]
    [InlineData("\"great neighbouring powers\" -china", false)]
    [InlineData("one two three four five six seven eight", false)]
    [InlineData("one two three four five six seven eight nine", true)]
    [InlineData("\"one two three four five six seven eight nine\"", true)]
    [InlineData("a OR b OR c OR d OR e OR f OR g OR h OR i", true)]
    [InlineData("elect* vote*", false)]
    [InlineData("elect* vote* poll*", true)]
    [InlineData("person:jo* talks", false)]
    [InlineData("a (b OR (c (d OR (e f))))", true)]
    [InlineData("(unbalanced", false)]
    [InlineData("", false)]
    public void A_query_is_heavy_for_many_words_prefixes_or_deep_nesting(string query, bool heavy) =>
        Assert.Equal(heavy, QueryCost.IsHeavy(query));
}
