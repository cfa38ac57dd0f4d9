using System.Net;
using System.Net.Http.Json;
using Summit.Engine.Search;

namespace Summit.Tests.Api;

public sealed class QuotesAndSuggestApiTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<T> GetAsync<T>(string url)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    [Fact]
    public async Task A_quote_reported_twice_is_one_hit_from_the_earliest_article()
    {
        var result = await GetAsync<QuoteSearchResponse>("/api/quotes?q=%22back%20down%22");

        var hit = Assert.Single(result.Hits);
        Assert.Equal(2, hit.ReportedBy);
        Assert.Equal("dup-b", hit.ArticleId);
        Assert.Equal("Envoy rejects pressure", hit.ArticleTitle);
        Assert.Equal("Anna Berg", hit.Speaker);
        Assert.Contains("<mark>back down</mark>", hit.Text);
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public async Task Quote_hits_carry_context_and_facets()
    {
        var result = await GetAsync<QuoteSearchResponse>("/api/quotes?speaker=Fumio%20Kishida");

        var hit = Assert.Single(result.Hits);
        Assert.Equal("jp-ua", hit.ArticleId);
        Assert.Contains("Kishida said.", hit.Context);
        Assert.Contains("&quot;Japan stands with Ukraine,&quot;", hit.Context);
        var speaker = Assert.Single(result.Facets.Speaker, f => f.Value == "Fumio Kishida");
        Assert.True(speaker.Selected);
        Assert.Contains(result.Facets.Speaker, f => f.Value == "Anna Berg" && f.Count == 2);
    }

    [Fact]
    public async Task Quote_hits_carry_the_article_link_and_author_for_its_credit()
    {
        var result = await GetAsync<QuoteSearchResponse>("/api/quotes?q=%22stands%20with%20ukraine%22");

        var hit = Assert.Single(result.Hits);
        Assert.Equal("https://example.test/jp-ua", hit.Url);
        Assert.Equal("Mika Tanaka", hit.Author);
    }

    [Fact]
    public async Task Quote_search_only_looks_at_quote_text()
    {
        var result = await GetAsync<QuoteSearchResponse>("/api/quotes?q=growers");

        Assert.Empty(result.Hits);
    }

    [Fact]
    public async Task Speaker_quotes_are_newest_first_and_match_any_case()
    {
        var result = await GetAsync<QuoteSearchResponse>("/api/speakers/anna%20berg/quotes");

        var hit = Assert.Single(result.Hits);
        Assert.Equal(2, hit.ReportedBy);
    }

    [Fact]
    public async Task Unknown_speaker_is_a_404_problem()
    {
        var response = await _client.GetAsync("/api/speakers/Nobody%20Known/quotes");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/quotes?page=0")]
    [InlineData("/api/quotes?q=(back")]
    [InlineData("/api/quotes?pageSize=1000")]
    [InlineData("/api/suggest?limit=50")]
    public async Task Bad_quote_and_suggest_input_is_a_400(string url)
    {
        var response = await _client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Suggest_matches_any_word_of_a_name_by_prefix()
    {
        var result = await GetAsync<SuggestResponse>("/api/suggest?q=jin");

        Assert.Contains(result.Suggestions, s => s is { Kind: "person", Value: "Xi Jinping", Count: 1 });
        Assert.Contains(result.Suggestions, s => s is { Kind: "speaker", Value: "Xi Jinping" });
    }

    [Fact]
    public async Task Suggest_finds_countries_by_name_and_titles_by_prefix()
    {
        var country = await GetAsync<SuggestResponse>("/api/suggest?q=jap");
        var title = await GetAsync<SuggestResponse>("/api/suggest?q=wine%20harv");

        Assert.Contains(country.Suggestions, s => s is { Kind: "country", Value: "JP", Label: "Japan", Count: 1 });
        var hit = Assert.Single(title.Suggestions);
        Assert.Equal(("title", "fr-wine", "Wine harvest begins early"), (hit.Kind, hit.Id, hit.Label));
    }

    [Fact]
    public async Task Suggest_offers_a_repeated_title_once_as_its_newest_article()
    {
        var result = await GetAsync<SuggestResponse>("/api/suggest?q=fishing");

        var title = Assert.Single(result.Suggestions, s => s.Kind == "title");
        Assert.Equal("prox-near", title.Id);
    }

    [Fact]
    public async Task Suggest_returns_at_most_ten_and_nothing_for_blank()
    {
        var many = await GetAsync<SuggestResponse>("/api/suggest?q=e");
        var blank = await GetAsync<SuggestResponse>("/api/suggest?q=");

        Assert.InRange(many.Suggestions.Count, 1, 10);
        Assert.Empty(blank.Suggestions);
    }
}
