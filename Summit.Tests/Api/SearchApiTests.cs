using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Tests.Api;

public sealed class SearchApiTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<SearchResponse> SearchAsync(string query)
    {
        var response = await _client.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchResponse>())!;
    }

    private static List<string> Ids(SearchResponse response) => response.Hits.Select(h => h.Id).ToList();

    [Fact]
    public async Task Word_search_finds_matching_articles_with_marked_snippets()
    {
        var result = await SearchAsync("q=kishida");

        Assert.Contains("jp-ua", Ids(result));
        var hit = result.Hits.Single(h => h.Id == "jp-ua");
        Assert.Contains("<mark>Kishida</mark>", string.Join(" ", hit.Snippets));
        Assert.Equal(new DateTimeOffset(2023, 3, 22, 9, 0, 0, TimeSpan.Zero), hit.Date);
        Assert.Equal("Test Wire", hit.Source);
    }

    [Fact]
    public async Task A_hits_title_marks_every_word_searched_in_any_form()
    {
        var result = await SearchAsync("q=visit%20kyiv%20kishida");

        Assert.Equal("<mark>Kishida</mark> <mark>visits</mark> <mark>Kyiv</mark>", result.Hits.Single(h => h.Id == "jp-ua").TitleHtml);
    }

    [Fact]
    public async Task Phrase_finds_the_seed_article_and_marks_the_phrase()
    {
        var result = await SearchAsync("q=%22great%20neighbouring%20powers%22");

        Assert.Equal([TestArticles.SeedId], Ids(result));
        Assert.Contains("<mark>great neighbouring powers</mark>", string.Join(" ", result.Hits[0].Snippets));
    }

    [Fact]
    public async Task Stemming_finds_other_forms_and_the_exact_form_ranks_first()
    {
        var result = await SearchAsync("q=talks&pageSize=50");
        var ids = Ids(result);

        Assert.Contains("stem-talk", ids);
        Assert.True(ids.IndexOf("stem-talks") < ids.IndexOf("stem-talk"), string.Join(",", ids));
    }

    [Fact]
    public async Task Snippets_escape_html_in_the_body()
    {
        var result = await SearchAsync("q=geneva");

        var snippet = string.Join(" ", result.Hits.Single(h => h.Id == "xss").Snippets);
        Assert.DoesNotContain("<script>", snippet);
        Assert.Contains("&lt;script&gt;", snippet);
        Assert.Contains("<mark>Geneva</mark>", snippet);
        Assert.Contains("&amp; symbols", snippet);
    }

    [Fact]
    public async Task A_match_only_in_a_facet_field_shows_the_lead_sentence()
    {
        var result = await SearchAsync("q=france");

        var hit = result.Hits.Single(h => h.Id == "fr-wine");
        Assert.Equal(["Growers started picking grapes three weeks ahead of schedule."], hit.Snippets);
    }

    [Fact]
    public async Task Matching_quotes_are_highlighted_with_their_speaker()
    {
        var result = await SearchAsync("q=cooperation");

        var hit = result.Hits.Single(h => h.Id == "ru-cn");
        var quote = Assert.Single(hit.Quotes);
        Assert.Equal("Xi Jinping", quote.Speaker);
        Assert.Contains("<mark>cooperation</mark>", quote.Text);
    }

    [Fact]
    public async Task Exclusion_OR_grouping_and_prefix_work()
    {
        var excluded = await SearchAsync("q=moscow%20-kishida");
        var either = await SearchAsync("q=kishida%20OR%20kremlin");
        var grouped = await SearchAsync("q=(kishida%20OR%20kremlin)%20budget");
        var prefix = await SearchAsync("q=negot*");

        Assert.DoesNotContain(TestArticles.SeedId, Ids(excluded));
        Assert.Contains("ru-cn", Ids(excluded));
        Assert.Contains("jp-ua", Ids(either));
        Assert.Contains("ru-only", Ids(either));
        Assert.Equal(["ru-only"], Ids(grouped));
        Assert.Contains("ru-only", Ids(prefix));
    }

    [Theory]
    [InlineData("speaker:xi", "ru-cn")]
    [InlineData("speaker:%22Fumio%20Kishida%22", "jp-ua")]
    [InlineData("person:zelensky", "jp-ua")]
    [InlineData("country:japan", "jp-ua")]
    [InlineData("country:JP", "jp-ua")]
    [InlineData("title:kyiv", "jp-ua")]
    [InlineData("quote:%22stands%20with%20ukraine%22", "jp-ua")]
    public async Task Field_scopes_restrict_to_their_field(string query, string expectedId)
    {
        var result = await SearchAsync("q=" + query);

        Assert.Equal([expectedId], Ids(result));
    }

    [Fact]
    public async Task Words_standing_together_rank_above_the_same_words_apart()
    {
        var result = await SearchAsync("q=harbour%20closure");

        Assert.Equal(["prox-near", "prox-far"], Ids(result));
        Assert.True(result.Hits[0].Score > result.Hits[1].Score * 1.2, $"{result.Hits[0].Score} vs {result.Hits[1].Score}");
    }

    [Fact]
    public async Task Stop_words_next_to_other_words_do_not_filter()
    {
        var result = await SearchAsync("q=growers%20with%20the%20grapes");

        Assert.Equal(["fr-wine"], Ids(result));
    }

    [Fact]
    public async Task A_query_of_stop_words_alone_still_matches_them()
    {
        var result = await SearchAsync("q=the&pageSize=100");

        Assert.Contains("ru-only", Ids(result));
        Assert.DoesNotContain("fr-wine", Ids(result));
    }

    [Fact]
    public async Task Title_scope_does_not_match_body_words()
    {
        var result = await SearchAsync("q=title:growers");

        Assert.Equal(0, result.Total);
    }

    [Fact]
    public async Task Unclosed_quote_is_read_as_a_phrase_to_the_end()
    {
        var result = await SearchAsync("q=%22great%20neighbouring");

        Assert.Equal([TestArticles.SeedId], Ids(result));
    }

    [Fact]
    public async Task Empty_query_with_filter_browses_newest_first()
    {
        var result = await SearchAsync("source=Other%20Daily");

        Assert.Equal(["ru-only", "stem-talk", "stem-talks"], Ids(result));
        Assert.Equal(3, result.Total);
    }

    [Fact]
    public async Task Sort_oldest_and_paging()
    {
        var first = await SearchAsync("sort=oldest&pageSize=2&page=1");
        var second = await SearchAsync("sort=oldest&pageSize=2&page=2");

        Assert.Equal(["fr-wine", "xss"], Ids(first));
        Assert.Equal(["stem-talks", "stem-talk"], Ids(second));
        Assert.Equal(12, second.Total);
    }

    [Fact]
    public async Task Date_range_filters_inclusive_of_the_whole_period()
    {
        var result = await SearchAsync("from=2023-03&to=2023-03-21");

        Assert.Equal([TestArticles.SeedId, "ru-cn"], Ids(result).Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Country_values_are_OR_within_the_dimension()
    {
        var result = await SearchAsync("country=RU&country=Japan");

        Assert.Equal(["jp-ua", "ru-cn", "ru-only"], Ids(result).Order().ToList());
    }

    [Fact]
    public async Task Dimensions_are_AND_across()
    {
        var result = await SearchAsync("country=RU&source=Other%20Daily");

        Assert.Equal(["ru-only"], Ids(result));
    }

    [Fact]
    public async Task Facet_counts_ignore_their_own_filter_but_apply_the_others()
    {
        var result = await SearchAsync("country=RU&source=Test%20Wire");

        var country = result.Facets.Country.ToDictionary(f => f.Value);
        Assert.Equal(["ru-cn"], Ids(result));
        Assert.Equal(1, country["RU"].Count);       // ru-cn (ru-only is Other Daily)
        Assert.Equal(1, country["JP"].Count);       // jp-ua: counted although country=RU is selected
        Assert.True(country["RU"].Selected);
        Assert.False(country["JP"].Selected);
        Assert.Equal("Russia", country["RU"].Label);
        var source = result.Facets.Source.ToDictionary(f => f.Value);
        Assert.Equal(1, source["Test Wire"].Count);
        Assert.Equal(1, source["Other Daily"].Count); // ru-only: other sources stay choosable
    }

    [Fact]
    public async Task A_selected_value_is_listed_even_at_zero()
    {
        var result = await SearchAsync("person=Nobody%20Known&country=FR");

        var person = Assert.Single(result.Facets.Person, f => f.Value == "Nobody Known");
        Assert.Equal(0, person.Count);
        Assert.True(person.Selected);
        Assert.Equal(0, result.Total);
        var france = Assert.Single(result.Facets.Country, f => f.Value == "FR");
        Assert.Equal(0, france.Count);
        Assert.True(france.Selected);
    }

    [Fact]
    public async Task Country_filter_accepts_a_name_and_facets_list_persons_and_speakers()
    {
        var result = await SearchAsync("country=russia");

        Assert.Equal(["ru-cn", "ru-only"], Ids(result).Order().ToList());
        Assert.Equal(2, result.Facets.Person.Single(f => f.Value == "Vladimir Putin").Count);
        Assert.Equal(1, result.Facets.Speaker.Single(f => f.Value == "Xi Jinping").Count);
        Assert.True(result.Facets.Country.Single(f => f.Value == "RU").Selected);
    }

    [Fact]
    public async Task A_misspelt_name_is_tolerated_and_corrected()
    {
        var result = await SearchAsync("q=Kishda");

        Assert.True(result.TypoTolerance);
        Assert.Equal("Kishida", result.DidYouMean);
        Assert.Contains("jp-ua", Ids(result));
        // The body's snippet marks the name the misspelt word matched.
        Assert.Contains("<mark>Kishida</mark>", string.Join(" ", result.Hits.Single(h => h.Id == "jp-ua").Snippets));
    }

    [Theory]
    [InlineData("Kishda OR Kishda")]
    [InlineData("Kishda kishda")]
    public async Task A_misspelt_word_typed_twice_is_one_typo(string query)
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString(query));

        Assert.True(result.TypoTolerance);
        Assert.Contains("<mark>Kishida</mark>", string.Join(" ", result.Hits.Single(h => h.Id == "jp-ua").Snippets));
    }

    [Fact]
    public async Task Exact_matches_do_not_use_typo_tolerance()
    {
        var result = await SearchAsync("q=kishida");

        Assert.False(result.TypoTolerance);
        Assert.Null(result.DidYouMean);
    }

    [Fact]
    public async Task Random_queries_are_answered_with_200_or_400_never_500()
    {
        var random = new Random(20261126);
        string[] pieces = ["kyiv", "talks", "\"", "(", ")", "-", "*", "OR", "AND", "NOT", "speaker:", "country:", "title:", "quote:",
            "person:", "xi", "ne*", " ", " ", "\u201C", "\u00AB", ":", "+", "&&", "||", "!", "\\", "<script>", "%", "é", "日本", "\t", "a"];
        var failures = new List<string>();
        for (var i = 0; i < 200; i++)
        {
            var query = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var response = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest)) failures.Add($"{(int)response.StatusCode}: {query}");
            var quotes = await _client.GetAsync("/api/quotes?q=" + Uri.EscapeDataString(query));
            if (quotes.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest)) failures.Add($"quotes {(int)quotes.StatusCode}: {query}");
        }

        Assert.Empty(failures);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "q=(kishida", "q" },
        { "q=kishida)", "q" },
        { "q=-", "q" },
        { "q=*", "q" },
        { "q=k*", "q" },
        { "q=kishida%20OR", "q" },
        { "q=()", "q" },
        { "q=speaker:", "q" },
        { "q=country:narnia", "q" },
        { "q=%21%21%21", "q" },
        { "q=" + new string('a', 10_000), "q" },
        { "q=%22", "q" },
        { "q=%22%22", "q" },
        { "q=AND", "q" },
        { "to=9999-12-31", "to" },
        { "from=9999", "from" },
        { "q=a&q=b", "q" },
        { "page=-1", "page" },
        { "page=abc", "page" },
        { "page=0", "page" },
        { "pageSize=100000", "pageSize" },
        { "pageSize=0", "pageSize" },
        { "page=200&pageSize=100", "page" },
        { "sort=random", "sort" },
        { "from=yesterday", "from" },
        { "to=2023-13-45", "to" },
        { "from=2024-01-01&to=2023-01-01", "to" },
        { "country=Narnia", "country" },
        { "recency=fast", "recency" },
        { "dateHistogram=week", "dateHistogram" },
        { "facetLimit=1000", "facetLimit" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_input_is_a_400_problem_naming_the_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("   at ", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Date_histogram_counts_by_year()
    {
        var result = await SearchAsync("dateHistogram=year");

        Assert.NotNull(result.DateHistogram);
        Assert.Equal(3, result.DateHistogram!.Single(b => b.Value == "2023").Count);
        Assert.Equal(4, result.DateHistogram!.Single(b => b.Value == "2021").Count);
    }

    [Fact]
    public async Task Recency_boost_lifts_the_newest_matching_article()
    {
        var plain = await SearchAsync("q=talks");
        var recent = await SearchAsync("q=talks&recency=10");

        Assert.NotEqual("dup-a", plain.Hits[0].Id);
        Assert.Equal("dup-a", recent.Hits[0].Id);
    }

    [Fact]
    public async Task Facet_endpoint_filters_values_by_word_prefix()
    {
        var persons = await _client.GetFromJsonAsync<FacetResponse>("/api/facets/person?prefix=vla");
        var countries = await _client.GetFromJsonAsync<FacetResponse>("/api/facets/country?prefix=rus&q=kremlin");

        var putin = Assert.Single(persons!.Values);
        Assert.Equal(("Vladimir Putin", 2), (putin.Value, putin.Count));
        var russia = Assert.Single(countries!.Values);
        Assert.Equal(("RU", "Russia", 1), (russia.Value, russia.Label, russia.Count));
    }

    [Fact]
    public async Task Facet_endpoint_rejects_an_unknown_dimension()
    {
        var response = await _client.GetAsync("/api/facets/colour");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var dimension in SummitSchema.Facets) Assert.Contains(dimension.Name, body);
    }

    [Fact]
    public async Task Facet_dimensions_are_listed_from_the_schema_with_their_labels()
    {
        var list = await _client.GetFromJsonAsync<FacetDimensionsResponse>("/api/facets");

        Assert.Equal(
            [("country", "Country", true, true), ("person", "Person", true, true), ("speaker", "Speaker", true, false),
             ("source", "Source", true, true), ("organization", "Organisation", true, true), ("place", "Place", false, false)],
            list!.Articles.Select(d => (d.Name, d.Label, d.Counted, d.Widget)));
        Assert.Equal(
            [("speaker", "Speaker", true, true), ("country", "Country", true, true), ("person", "Person", true, false)],
            list.Quotes.Select(d => (d.Name, d.Label, d.Counted, d.Widget)));
    }

    [Fact]
    public async Task Every_dimension_the_search_counts_is_in_its_facets_and_is_a_filter_parameter()
    {
        using var search = JsonDocument.Parse(await _client.GetStringAsync("/api/search?q=&pageSize=1"));
        using var quotes = JsonDocument.Parse(await _client.GetStringAsync("/api/quotes?pageSize=1"));
        var list = (await _client.GetFromJsonAsync<FacetDimensionsResponse>("/api/facets"))!;

        Assert.Equal(list.Articles.Where(d => d.Counted).Select(d => d.Name),
            search.RootElement.GetProperty("facets").EnumerateObject().Select(p => p.Name));
        Assert.Equal(list.Quotes.Select(d => d.Name), quotes.RootElement.GetProperty("facets").EnumerateObject().Select(p => p.Name));
        var parameters = typeof(Summit.Search.Api.Endpoints.SearchParameters).GetProperties()
            .Select(p => p.GetCustomAttributes(typeof(Microsoft.AspNetCore.Mvc.FromQueryAttribute), false)
                .Cast<Microsoft.AspNetCore.Mvc.FromQueryAttribute>().Single().Name).ToHashSet();
        Assert.All(SummitSchema.Facets, d => Assert.Contains(d.Name, parameters));
    }

    [Fact]
    public async Task Cursor_pages_through_every_result_once()
    {
        var all = Ids(await SearchAsync("sort=oldest&pageSize=100"));
        var seen = new List<string>();
        var page = await SearchAsync("sort=oldest&pageSize=3");
        seen.AddRange(Ids(page));
        while (page.NextCursor is { } cursor)
        {
            page = await SearchAsync("sort=oldest&pageSize=3&cursor=" + Uri.EscapeDataString(cursor));
            seen.AddRange(Ids(page));
        }

        Assert.Equal(all, seen);
    }

    [Fact]
    public async Task Cursor_works_with_relevance_order()
    {
        var all = Ids(await SearchAsync("q=talks&pageSize=100"));
        var first = await SearchAsync("q=talks&pageSize=2");
        var second = await SearchAsync("q=talks&pageSize=2&cursor=" + Uri.EscapeDataString(first.NextCursor!));

        Assert.Equal(all.Skip(2).Take(2), Ids(second));
    }

    [Theory]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("cursor=UmVsZXZhbmNlfDF8MXwx&sort=date")]
    public async Task A_bad_cursor_is_a_400(string query)
    {
        var response = await _client.GetAsync("/api/search?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
