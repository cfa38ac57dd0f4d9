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
