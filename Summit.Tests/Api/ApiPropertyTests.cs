using System.Net;
using System.Net.Http.Json;
using CsCheck;
using Summit.Engine.Search;

namespace Summit.Tests.Api;

/// <summary>Properties of the API over many generated inputs, checked against the real endpoints.</summary>
public sealed class ApiPropertyTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] Pieces =
    [
        "kyiv", "talks", "\"", "(", ")", "-", "*", "OR", "AND", "NOT", "speaker:", "country:", "title:", "quote:", "person:",
        "xi", "ne*", " ", "\u201C", "\u00AB", ":", "+", "&&", "||", "!", "\\", "<script>", "%00", "é", "日本", "\t", "\u0000",
        "\uD800", "🙂", "'", "?", "&page=", "=", "#", "..", "/", "a",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.String,
        Gen.Int[0, Pieces.Length - 1].Array[1, 14].Select(ix => string.Concat(ix.Select(i => Pieces[i]))),
        Gen.Char.Array[0, 300].Select(c => new string(c)));

    private static readonly Gen<string> Parameter = Gen.OneOf(
        Gen.Const("page"), Gen.Const("pageSize"), Gen.Const("sort"), Gen.Const("from"), Gen.Const("to"), Gen.Const("country"),
        Gen.Const("person"), Gen.Const("speaker"), Gen.Const("source"), Gen.Const("facetLimit"), Gen.Const("recency"),
        Gen.Const("dateHistogram"), Gen.Const("cursor"), Gen.Const("limit"), Gen.Const("prefix"), Gen.Const("place"), Gen.Const("q"));

    private static readonly Gen<string> Url = Gen.Select(
        Gen.OneOf(Gen.Const("/api/search"), Gen.Const("/api/quotes"), Gen.Const("/api/suggest"), Gen.Const("/api/facets/person"),
            Gen.Const("/api/facets/nonsense"), Gen.Const("/api/speakers/Xi%20Jinping/quotes"), Gen.Const("/api/articles/jp-ua")),
        Text,
        Gen.Select(Parameter, Gen.OneOf(Text, Gen.Int.Select(i => i.ToString()), Gen.Const("-1"), Gen.Const("100000"))).Array[0, 4],
        (path, q, extra) => path + "?q=" + Uri.EscapeDataString(q)
            + string.Concat(extra.Select(p => "&" + p.Item1 + "=" + Uri.EscapeDataString(p.Item2))));

    [Fact]
    public void Thousands_of_random_and_adversarial_requests_never_get_a_5xx()
    {
        Url.Sample(url =>
        {
            using var response = _client.GetAsync(url).GetAwaiter().GetResult();
            return (int)response.StatusCode < 500;
        }, iter: 2_000, threads: 1);
    }

    // Words of the test articles (5+ letters, so each tolerates a typo) to misspell, and frequent words.
    private static readonly string[] Known =
    [
        "kishida", "kremlin", "negotiations", "fishermen", "harbour", "geneva", "officials", "cooperation", "agreements",
        "japanese", "minister", "surprise", "schedule", "weather", "growers", "protested", "closure", "pressure", "budget",
        "reviewed", "regions", "leaders", "building", "visits", "picking", "grapes", "silent", "letter", "markup",
    ];
    private static readonly string[] Frequent = ["the", "of", "and", "to", "in", "a", "was", "said", "with", "on", "we", "will"];

    /// <summary>A known word with one letter changed after the first (typo tolerance keeps the first letter).</summary>
    private static readonly Gen<string> Misspelt = Gen.Select(Gen.Int[0, Known.Length - 1], Gen.Int[1, 100], Gen.Char['a', 'z'],
        (i, at, c) => { var w = Known[i]; var k = 1 + at % (w.Length - 1); return w[..k] + c + w[(k + 1)..]; });
    private static readonly Gen<string> MadeUp = Gen.Char['a', 'z'].Array[8, 24].Select(c => new string(c));
    private static readonly Gen<string> ShortPrefix = Gen.Char['a', 'z'].Array[2].Select(c => new string(c) + "*");
    private static readonly Gen<string> Scope = Gen.OneOf(Gen.Const(""), Gen.Const("title:"), Gen.Const("quote:"), Gen.Const("person:"),
        Gen.Const("speaker:"), Gen.Const("country:"));

    /// <summary>The most expensive queries within the limits (1,000 characters, 64 words, 16 levels of parentheses):
    /// many misspelt and made-up words, long words, many short prefixes, OR lists, deep groups, long phrases, scopes.</summary>
    private static readonly Gen<string> Worst = Gen.OneOf(
        Gen.Select(Gen.OneOf(Misspelt, MadeUp, ShortPrefix, Gen.OneOf(Frequent.Select(Gen.Const).ToArray())).Array[8, 64],
            Gen.OneOf(Gen.Const(" "), Gen.Const(" OR "), Gen.Const(" AND ")), (words, join) => string.Join(join, words)),
        Gen.Select(Scope, Gen.OneOf(Misspelt, MadeUp, ShortPrefix), (scope, word) => scope + word).Array[8, 64].Select(w => string.Join(' ', w)),
        Gen.Select(Gen.Int[1, 16], Misspelt.Array[1, 4], (depth, words) =>
            string.Concat(Enumerable.Repeat("(" + string.Join(" OR ", words) + " OR ", depth)) + words[0] + new string(')', depth)),
        Gen.OneOf(Frequent.Select(Gen.Const).ToArray()).Array[8, 64].Select(w => "\"" + string.Join(' ', w) + "\""))
        .Select(q => q.Length <= 1000 ? q : q[..1000]);

    [Fact]
    public void Worst_case_queries_are_answered_without_a_5xx_and_correct_at_most_three_words()
    {
        Worst.Sample(q =>
        {
            using var response = _client.GetAsync("/api/search?q=" + Uri.EscapeDataString(q)).GetAwaiter().GetResult();
            if ((int)response.StatusCode >= 500) return false;
            if (response.StatusCode != HttpStatusCode.OK) return true;
            var result = response.Content.ReadFromJsonAsync<SearchResponse>().GetAwaiter().GetResult()!;
            // "Did you mean" rewrites only the words that got typo tolerance: at most three per query.
            var typed = q.Split(' ', '(', ')', '"').Select(w => w.ToLowerInvariant()).ToHashSet();
            var corrected = (result.DidYouMean ?? "").Split(' ', '(', ')', '"').Where(w => w.Length > 0 && !typed.Contains(w.ToLowerInvariant()))
                .Distinct(StringComparer.OrdinalIgnoreCase).Count();
            return corrected <= 3;
        }, iter: 150, threads: 1);
    }

    [Fact]
    public async Task Six_misspelt_words_get_the_first_three_corrected_and_nine_prefixes_are_refused()
    {
        var result = await SearchAsync("q=" + Uri.EscapeDataString("Kishda Kremln negotiatoins Fishermn harbuor Genva"));

        Assert.Equal("Kishida Kremlin negotiations Fishermn harbuor Genva", result.DidYouMean);

        var refused = await _client.GetAsync("/api/search?q=" + Uri.EscapeDataString("ki* kr* ne* fi* ha* ge* of* co* ag*"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("9 words ending in *", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Random_requests_by_head_never_get_a_5xx()
    {
        Url.Sample(url =>
        {
            using var response = _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url)).GetAwaiter().GetResult();
            return (int)response.StatusCode < 500;
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Random_admin_uploads_never_get_a_5xx()
    {
        var contentType = Gen.OneOf(Gen.Const("application/json"), Gen.Const("application/x-ndjson"), Gen.Const("text/plain"), Gen.Const("application/jsonl"));
        var body = Gen.OneOf(Text, Gen.Const("{\"id\":"), Gen.Const("{\"body\":1}"), Gen.Const("{\"id\":\"\",\"body\":\"x\"}\n{"),
            Gen.Const("{\"body\":\"x\",\"date\":\"99999-99\"}"), Gen.Const("[]"), Gen.Const("null"), Gen.Const("\"text\""));
        Gen.Select(body, contentType).Sample((text, type) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = new StringContent(text) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            request.Headers.Add("X-Api-Key", SummitApiFactory.AdminKey);
            using var response = _client.SendAsync(request).GetAwaiter().GetResult();
            return (int)response.StatusCode < 500;
        }, iter: 200, threads: 1);
    }

    [Fact]
    public async Task Multi_select_facet_counts_equal_a_brute_force_count_over_every_article()
    {
        var articles = new List<SearchHit>();
        for (var page = 1; ; page++)
        {
            var browse = await SearchAsync($"pageSize=100&page={page}");
            articles.AddRange(browse.Hits);
            if (articles.Count >= browse.Total) break;
        }
        var dimensions = new Dictionary<string, Func<SearchHit, IEnumerable<string>>>
        {
            ["country"] = h => h.Countries,
            ["person"] = h => h.Persons,
            ["speaker"] = h => h.Speakers,
            ["source"] = h => h.Source is null ? [] : [h.Source],
        };
        var random = new Random(42);

        for (var trial = 0; trial < 25; trial++)
        {
            // Up to two values in each of up to two dimensions, drawn from what the articles really have.
            var filters = dimensions.Keys.OrderBy(_ => random.Next()).Take(random.Next(0, 3)).ToDictionary(
                d => d,
                d => articles.SelectMany(dimensions[d]).Distinct().OrderBy(_ => random.Next()).Take(random.Next(1, 3)).ToList());
            bool Matches(SearchHit hit, string? except) =>
                filters.All(f => f.Key == except || dimensions[f.Key](hit).Intersect(f.Value).Any());
            var query = string.Join("&", filters.SelectMany(f => f.Value.Select(v => $"{f.Key}={Uri.EscapeDataString(v)}")));

            var result = await SearchAsync(query + "&facetLimit=100&pageSize=1");

            Assert.Equal(articles.Count(h => Matches(h, null)), result.Total);
            foreach (var (dimension, values) in dimensions)
            {
                var expected = articles.Where(h => Matches(h, dimension)).SelectMany(values)
                    .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
                var actual = Facet(result.Facets, dimension).Where(f => f.Count > 0).ToDictionary(f => f.Value, f => f.Count);
                Assert.True(expected.Count == actual.Count && expected.All(e => actual.GetValueOrDefault(e.Key) == e.Value),
                    $"{dimension} counts for '{query}': expected {Show(expected)}, got {Show(actual)}");
                foreach (var selected in filters.GetValueOrDefault(dimension) ?? [])
                    Assert.Contains(Facet(result.Facets, dimension), f => f.Value == selected && f.Selected);
            }
        }
    }

    private static IReadOnlyList<FacetValue> Facet(SearchFacets facets, string dimension) => dimension switch
    {
        "country" => facets.Country,
        "person" => facets.Person,
        "speaker" => facets.Speaker,
        _ => facets.Source,
    };

    private static string Show(Dictionary<string, int> counts) =>
        "{" + string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}")) + "}";

    private async Task<SearchResponse> SearchAsync(string query)
    {
        var response = await _client.GetAsync("/api/search?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchResponse>())!;
    }
}
