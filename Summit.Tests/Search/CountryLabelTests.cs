using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Tests.Search;

/// <summary>
/// Every country label the search gives (facets, suggestions, article details, the places of an article) is the
/// gazetteer's, the name the extractor gave the country at index time; ICU's region names ("Côte d’Ivoire",
/// "Myanmar (Burma)", "Congo - Kinshasa") never show up.
/// </summary>
public sealed class CountryLabelTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "summit-countries-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly ArticleSearcher _searcher;

    private static readonly Dictionary<string, string> Expected = new()
    {
        ["CI"] = "Ivory Coast", ["MM"] = "Myanmar", ["CD"] = "Democratic Republic of the Congo",
    };

    public CountryLabelTests()
    {
        using (var builder = IndexBuilder.Open(_path))
        {
            var article = new Article("cocoa", "Cocoa and rubber prices climb",
                "Cocoa farmers in Ivory Coast expect a smaller harvest. Rubber exports from Myanmar fell, and mines in the " +
                "Democratic Republic of the Congo shipped less cobalt this month.",
                new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero));
            var facts = Extractor.Default.Extract(article);
            Assert.Subset(facts.Countries.ToHashSet(), Expected.Keys.ToHashSet());
            builder.Upsert(article, facts);
            builder.Commit();
        }
        _index = new SearchIndex(_path);
        _searcher = new ArticleSearcher(_index);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    [Fact]
    public void Facet_labels_are_the_gazetteers_names()
    {
        var facets = _searcher.Search(new SearchRequest { Query = "cocoa" }).Facets.Country;

        foreach (var (code, name) in Expected) Assert.Contains(facets, f => f.Value == code && f.Label == name);
    }

    [Fact]
    public void Article_details_name_countries_and_places_alike()
    {
        var article = _searcher.GetArticle("cocoa")!;

        foreach (var (code, name) in Expected)
        {
            Assert.Contains(article.Countries, c => c.Code == code && c.Name == name);
            // A place that is a country: its own name (from extraction) and its country's name are one.
            Assert.Contains(article.Places, p => p.Country == code && p.Name == name && p.CountryName == name);
        }
        Assert.All(article.Places, p => Assert.Equal(Countries.Label(p.Country), p.CountryName));
    }

    [Theory]
    [InlineData("ivory", "CI", "Ivory Coast")]
    [InlineData("myanm", "MM", "Myanmar")]
    public void Suggestions_use_the_gazetteers_names(string typed, string code, string name)
    {
        var suggestions = _searcher.Suggest(typed).Suggestions;

        Assert.Contains(suggestions, s => s.Kind == SummitSchema.Country && s.Value == code && s.Label == name);
    }

    [Theory]
    [InlineData("country:\"Ivory Coast\"")]
    [InlineData("country:\"Côte d'Ivoire\"")]
    [InlineData("country:CI")]
    [InlineData("country:ivo*")]
    [InlineData("country:Burma")]
    [InlineData("country:\"DR Congo\"")]
    public void Country_scope_resolves_gazetteer_names_and_aliases(string query)
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest { Query = query }).Total);
    }

    [Theory]
    [InlineData("Ivory Coast")]
    [InlineData("Côte d'Ivoire")]
    [InlineData("ci")]
    [InlineData("Zaire")]
    public void Country_filter_takes_codes_names_and_aliases(string country)
    {
        Assert.Equal(1, _searcher.Search(new SearchRequest { Countries = [country] }).Total);
    }
}
