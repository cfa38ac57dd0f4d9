using System.Net;
using System.Net.Http.Json;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.Api;

namespace Summit.Tests.Entities;

/// <summary>The test archive plus persons written several ways, so the API must speak entities.</summary>
public sealed class EntityArchiveFactory : SummitApiFactory
{
    public EntityArchiveFactory()
    {
        using var builder = IndexBuilder.Open(IndexPath);
        foreach (var (article, facts) in EntityArticles.All()) builder.Upsert(article, facts);
        builder.Commit();
    }
}

public static class EntityArticles
{
    public static IEnumerable<(Summit.Engine.Articles.Article, Summit.Engine.Extraction.ArticleFacts)> All()
    {
        yield return TestArticles.Make("reagan-1", "Ronald Reagan vetoes the bill", "Ronald Reagan vetoed the trade bill.", "1987-03-02T10:00:00Z",
            countries: ["US"], persons: ["Ronald Reagan"]);
        yield return TestArticles.Make("reagan-2", "Reagan on trade", "President Reagan spoke on trade.", "1987-03-03T10:00:00Z",
            countries: ["US"], persons: ["Reagan"], quotes: [("on trade", "Reagan")]);
        yield return TestArticles.Make("reagan-3", "Reagan and Japan", "Reagan met Yasuhiro Nakasone.", "1987-04-30T10:00:00Z",
            countries: ["US", "JP"], persons: ["Reagan", "Yasuhiro Nakasone"]);
        yield return TestArticles.Make("reagan-4", "White House view", "President Reagan said the deficit would fall.", "1987-05-01T10:00:00Z",
            countries: ["US"], persons: ["President Reagan"]);
        var (tory, toryFacts) = TestArticles.Make("tory-1", "Tories set out tax plans", "The Conservatives said taxes would fall. \"We will cut taxes,\" the party said.",
            "2005-04-11T10:00:00Z", countries: ["GB"], persons: ["Michael Howard"], quotes: [("We will cut taxes,", "Conservatives")]);
        yield return (tory, toryFacts with { Organizations = [new Summit.Engine.Extraction.OrganizationMention("Conservatives", [])] });
        yield return TestArticles.Make("bibi-1", "Netanyahu in Washington", "Benjamin Netanyahu arrived.", "2023-07-01T10:00:00Z",
            countries: ["IL"], persons: ["Benjamin Netanyahu"]);
        yield return TestArticles.Make("bibi-2", "Bibi returns", "Bibi Netanyahu returned.", "2023-07-02T10:00:00Z",
            countries: ["IL"], persons: ["Bibi Netanyahu"]);
    }
}

public sealed class EntitiesApiTests(EntityArchiveFactory factory) : IClassFixture<EntityArchiveFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<T> GetAsync<T>(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [Theory]
    [InlineData("Ronald%20Reagan")]
    [InlineData("Reagan")]
    [InlineData("President%20Reagan")]
    [InlineData("reagan")]
    public async Task A_filter_by_any_alias_finds_what_the_canonical_value_finds(string person)
    {
        var result = await GetAsync<SearchResponse>($"/api/search?person={person}&pageSize=10");

        Assert.Equal(["reagan-1", "reagan-2", "reagan-3", "reagan-4"], result.Hits.Select(h => h.Id).Order());
        var value = Assert.Single(result.Facets.Person, v => v.Selected);
        Assert.Equal("Ronald Reagan", value.Value);
        Assert.Equal(4, value.Count);
    }

    [Fact]
    public async Task The_person_facet_lists_one_value_per_entity()
    {
        var result = await GetAsync<SearchResponse>("/api/search?facetLimit=100");

        Assert.Contains(result.Facets.Person, v => v is { Value: "Ronald Reagan", Count: 4 });
        Assert.Contains(result.Facets.Person, v => v is { Value: "Benjamin Netanyahu", Count: 2 });
        Assert.DoesNotContain(result.Facets.Person, v => v.Value is "Reagan" or "President Reagan" or "Bibi Netanyahu");
        Assert.All(result.Hits.Where(h => h.Id.StartsWith("reagan-", StringComparison.Ordinal)), h => Assert.Equal(["Ronald Reagan"], h.Persons.Where(p => p.Contains("Reagan"))));
    }

    [Fact]
    public async Task A_speaker_is_shown_and_filtered_as_its_entity()
    {
        var quotes = await GetAsync<QuoteSearchResponse>("/api/quotes?speaker=Ronald%20Reagan");

        var hit = Assert.Single(quotes.Hits);
        Assert.Equal("Ronald Reagan", hit.Speaker);
        Assert.Equal("reagan-2", hit.ArticleId);
    }

    [Theory]
    [InlineData("bibi", "Benjamin Netanyahu")]
    [InlineData("reag", "Ronald Reagan")]
    public async Task Suggest_finds_an_entity_by_any_alias(string typed, string expected)
    {
        var result = await GetAsync<SuggestResponse>($"/api/suggest?q={typed}");

        Assert.Contains(result.Suggestions, s => s.Kind == "person" && s.Value == expected);
    }

    [Fact]
    public async Task The_entity_endpoint_gives_name_aliases_counts_co_mentions_and_quotes()
    {
        var entity = await GetAsync<EntityDetails>("/api/entities/person/reagan");

        Assert.Equal("Ronald Reagan", entity.Name);
        Assert.Equal("person", entity.Type);
        Assert.Equal(["President Reagan", "Reagan"], entity.Aliases);
        Assert.Equal(4, entity.Articles);
        Assert.Equal(1, entity.Quotes);
        Assert.Equal("on trade", Assert.Single(entity.LatestQuotes).Text);
        Assert.Equal(["Yasuhiro Nakasone"], entity.Persons.Select(p => p.Value));
        Assert.Contains(entity.Countries, c => c is { Value: "US", Count: 4 });
        Assert.Equal([("1987-03", 2), ("1987-04", 1), ("1987-05", 1)], entity.Months.Select(m => (m.Value, m.Count)));
    }

    [Fact]
    public async Task Organisations_are_a_facet_a_filter_a_speaker_and_an_entity()
    {
        var search = await GetAsync<SearchResponse>("/api/search?organization=conservatives");
        Assert.Equal("tory-1", Assert.Single(search.Hits).Id);
        Assert.Contains(search.Facets.Organization, v => v is { Value: "Conservatives", Count: 1, Selected: true });

        var quotes = await GetAsync<QuoteSearchResponse>("/api/quotes?speaker=Conservatives");
        Assert.Equal("Conservatives", Assert.Single(quotes.Hits).Speaker);

        var entity = await GetAsync<EntityDetails>("/api/entities/organization/conservatives");
        Assert.Equal(("Conservatives", "organization", 1, 1), (entity.Name, entity.Type, entity.Articles, entity.Quotes));
        Assert.Equal(["Michael Howard"], entity.Persons.Select(p => p.Value));
    }

    [Theory]
    [InlineData("/api/entities/person/Nobody%20Known")]
    [InlineData("/api/entities/organization/Michael%20Howard")]
    [InlineData("/api/entities/planet/Mars")]
    [InlineData("/api/entities/person/%3Cscript%3E")]
    public async Task An_unknown_entity_or_type_is_a_404_problem(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
