using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Entities;

/// <summary>The seeds' index, built once with the real extractor.</summary>
public sealed class SeedIndexFixture : IDisposable
{
    private readonly TempDirectory _folder = new("summit-seed-entities");

    public SeedIndexFixture()
    {
        using (var builder = IndexBuilder.Open(_folder.Path, rebuild: true))
        {
            foreach (var article in ArticleReader.Read(RepoPaths.Seeds).OfType<ArticleRead>().Select(r => r.Article))
                builder.Upsert(article, Extractor.Default.Extract(article));
            builder.Commit();
        }
        Index = new SearchIndex(_folder.Path);
        var searcher = new ArticleSearcher(Index);
        var all = searcher.Search(new SearchRequest { FacetLimit = 1000, PageSize = 1 });
        Persons = all.Facets.Person.Select(v => v.Value).ToList();
        Speakers = searcher.SearchQuotes(new QuoteSearchRequest { FacetLimit = 1000, PageSize = 1 }).Facets.Speaker.Select(v => v.Value).ToList();
    }

    public SearchIndex Index { get; }
    public IReadOnlyList<string> Persons { get; }
    public IReadOnlyList<string> Speakers { get; }

    public void Dispose()
    {
        Index.Dispose();
        _folder.Dispose();
    }
}

/// <summary>What a user clicking the seeds' person and speaker facets gets: one value per person, no non-persons.</summary>
public sealed class SeedFacetTests(SeedIndexFixture seeds) : IClassFixture<SeedIndexFixture>
{
    [Theory]
    [InlineData("Joseph R. Biden", "Biden", "Joe Biden", "Joseph R. Biden Jr")]
    [InlineData("Vladimir Putin", "Putin")]
    [InlineData("Kamala Harris", "Harris", "Kamala")]
    [InlineData("Volodymyr Zelenskyy", "Zelenskyy", "Zelensky")]
    [InlineData("Xi Jinping", "Xi")]
    [InlineData("Narendra Modi", "Modi")]
    [InlineData("Benjamin Netanyahu", "Netanyahu", "Bibi Netanyahu")]
    [InlineData("Antony Blinken", "Blinken")]
    [InlineData("Andrés Manuel López Obrador", "López Obrador", "Manuel López Obrador")]
    [InlineData("Gina Raimondo", "Raimondo")]
    public void A_person_is_one_person_value(string person, params string[] splits)
    {
        Assert.Contains(person, seeds.Persons);
        Assert.Empty(splits.Intersect(seeds.Persons));
    }

    [Fact]
    public void The_Japanese_prime_minister_is_one_value_in_either_name_order()
    {
        Assert.Single(seeds.Persons, p => p.Contains("Kishida", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Americas Partnership", "Biden-Harris", "Order", "Development", "Good", "Naval Observatory", "Al Jazeera", "Al Qaeda", "Serafimovich St")]
    public void No_person_value_is_a_thing(params string[] notPersons) => Assert.Empty(notPersons.Intersect(seeds.Persons));

    [Theory]
    [InlineData("I can’t", "I don’t", "President", "Mr. President", "Vice President", "Madam Vice President", "Excellency", "Comments", "Controversial",
        "Both of us", "United States", "Russia")]
    public void No_speaker_value_is_a_fragment_title_or_country(params string[] notSpeakers) => Assert.Empty(notSpeakers.Intersect(seeds.Speakers));

    [Fact]
    public void Speakers_are_entities_under_their_canonical_names()
    {
        Assert.Contains("Joseph R. Biden", seeds.Speakers);
        Assert.DoesNotContain("Biden", seeds.Speakers);
        Assert.Empty(new[] { "Putin", "Kishida", "Xi" }.Intersect(seeds.Speakers));
    }
}
