using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Summit.Engine.Search;

namespace Summit.Tests.Api;

/// <summary>The API with a result cache of 64 KiB (and the default entry cap).</summary>
public sealed class SmallResultCacheFactory : SummitApiFactory
{
    public const long Budget = 64 * 1024;

    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Search:ResultCacheBytes", Budget.ToString());
}

public sealed class ResultCacheBudgetTests(SmallResultCacheFactory factory) : IClassFixture<SmallResultCacheFactory>
{
    [Fact]
    public async Task Many_distinct_large_responses_keep_the_cache_under_its_byte_budget()
    {
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResultCache>();
        long offered = 0, most = 0;
        var peakEntries = 0;

        for (var i = 1; i <= 100; i++)
        {
            // Distinct requests (each facetLimit is another key) for every article on one page.
            var url = $"/api/search?pageSize=100&facetLimit={i}";
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            offered += (await response.Content.ReadAsByteArrayAsync()).Length;
            var (entries, bytes) = cache.Usage;
            Assert.InRange(bytes, 0, SmallResultCacheFactory.Budget);
            most = Math.Max(most, bytes);
            peakEntries = Math.Max(peakEntries, entries);
        }

        // The budget was really in play: more was offered than it holds, it filled up, and the cache still worked.
        Assert.True(offered > 2 * SmallResultCacheFactory.Budget, $"only {offered:N0} bytes of responses");
        Assert.True(most > SmallResultCacheFactory.Budget / 2, $"the cache only ever held {most:N0} bytes");
        Assert.InRange(peakEntries, 2, 99);
    }

    [Fact]
    public async Task The_most_recent_response_is_answered_from_the_cache_after_evictions()
    {
        var client = factory.CreateClient();
        var cache = factory.Services.GetRequiredService<ResultCache>();
        for (var i = 1; i <= 30; i++) await client.GetAsync($"/api/search?pageSize=100&facetLimit={i}&sort=oldest");
        var before = cache.Usage;

        await client.GetAsync("/api/search?pageSize=100&facetLimit=30&sort=oldest");

        // Asked again: a hit, so nothing was added or evicted.
        Assert.Equal(before, cache.Usage);
    }

    [Fact]
    public void An_entry_is_estimated_at_two_and_a_half_times_its_json()
    {
        var response = new { text = new string('x', 10_000) };

        var estimate = ResultCache.EstimateBytes("search{}", response);

        // {"text":"xxx…"} is 10,011 bytes of JSON.
        Assert.Equal(5 * 10_011 / 2 + 2 * "search{}".Length + ResultCache.EntryOverheadBytes, estimate);
    }
}
