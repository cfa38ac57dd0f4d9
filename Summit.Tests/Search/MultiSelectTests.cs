using Summit.Engine.Search;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Search;

/// <summary>
/// Selecting a facet value narrows the hits and leaves that dimension's counts as they were. Checked against the
/// same search without the selection, on a generated index where words, quotes, persons and countries vary.
/// </summary>
public sealed class MultiSelectTests : IDisposable
{
    private static readonly string[] Persons = ["Ann Lee", "Bo Park", "Cy Ortiz", "Di Stone"];
    private static readonly string[] Countries = ["JP", "FR", "BR"];
    private static readonly string[] Words = ["oil", "oils", "prices", "talks", "talk", "the", "harbour", "closure", "Japan"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), "summit-multiselect-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly ArticleSearcher _searcher;

    public MultiSelectTests()
    {
        var random = new Random(7);
        using (var builder = IndexBuilder.Open(_path))
        {
            for (var i = 0; i < 80; i++)
            {
                string Sentence() => string.Join(' ', Enumerable.Range(0, random.Next(3, 9)).Select(_ => Words[random.Next(Words.Length)])) + ".";
                var quote = Sentence();
                var body = $"{Sentence()} \"{quote}\" {Sentence()} {Sentence()}";
                // Some words only in the title, so a match through the title alone is covered.
                var article = new Article($"a{i}", i % 5 == 0 ? "Oil talks" : "Market report", body, DateTimeOffset.UnixEpoch.AddDays(i));
                var persons = Persons.Where(_ => random.Next(3) == 0).Select(p => new PersonMention(p, [])).ToList();
                var countries = Countries.Where(_ => random.Next(3) == 0).ToList();
                var start = body.IndexOf(quote, StringComparison.Ordinal);
                var facts = new ArticleFacts([new Quote(start, start + quote.Length, quote, persons.FirstOrDefault()?.Name)], persons, [], countries);
                builder.Upsert(article, facts);
                if (i % 30 == 29) builder.Commit(); // several segments
            }
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

    private SearchResponse Search(string q, string[]? persons = null, string[]? countries = null) =>
        _searcher.Search(new SearchRequest { Query = q, Persons = persons ?? [], Countries = countries ?? [], PageSize = 100, FacetLimit = 100 });

    private static Dictionary<string, int> Counts(IReadOnlyList<FacetValue> values) =>
        values.Where(v => v.Count > 0).ToDictionary(v => v.Value, v => v.Count);

    public static TheoryData<string> Queries => ["oil", "oil prices", "\"oil prices\"", "oil -closure", "talks OR harbour", "the talks", "japan", "oil*", "title:oil"];

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_selected_person_keeps_the_unselected_hits_with_it_in_order_and_score(string q)
    {
        var all = Search(q);
        Assert.InRange(all.Total, 2, 99);
        foreach (var person in Persons)
        {
            var selected = Search(q, persons: [person]);

            var expected = all.Hits.Where(h => h.Persons.Contains(person)).ToList();
            Assert.Equal(expected.Count, selected.Total);
            Assert.Equal(expected.Select(h => h.Id).Order(), selected.Hits.Select(h => h.Id).Order());
            // Scores may differ in the last bits (the clauses are summed in another order), so order is
            // compared through the scores.
            foreach (var hit in selected.Hits)
                Assert.Equal(expected.Single(h => h.Id == hit.Id).Score, hit.Score, 4);
            Assert.True(selected.Hits.Zip(selected.Hits.Skip(1)).All(p => p.First.Score >= p.Second.Score - 1e-4), "hits out of score order");
            // The person facet counts every match as if nothing were selected; the others count the selection.
            Assert.Equal(Counts(all.Facets.Person), Counts(selected.Facets.Person));
            var expectedCountries = expected.SelectMany(h => h.Countries).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expectedCountries, Counts(selected.Facets.Country));
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Two_selected_dimensions_count_each_under_the_other(string q)
    {
        var (person, country) = (Persons[0], Countries[0]);
        var all = Search(q);

        var both = Search(q, persons: [person], countries: [country]);
        var personOnly = Search(q, persons: [person]);
        var countryOnly = Search(q, countries: [country]);

        Assert.Equal(all.Hits.Count(h => h.Persons.Contains(person) && h.Countries.Contains(country)), both.Total);
        Assert.Equal(Counts(personOnly.Facets.Country), Counts(both.Facets.Country));
        Assert.Equal(Counts(countryOnly.Facets.Person), Counts(both.Facets.Person));
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Two_values_of_one_dimension_select_the_hits_with_either(string q)
    {
        var all = Search(q);
        var secondOnly = 0;
        foreach (var (first, second) in new[] { (Persons[0], Persons[1]), (Persons[2], Persons[0]) })
        {
            var either = Search(q, persons: [first, second]);

            var expected = all.Hits.Where(h => h.Persons.Contains(first) || h.Persons.Contains(second)).ToList();
            Assert.Equal(expected.Select(h => h.Id).Order(), either.Hits.Select(h => h.Id).Order());
            secondOnly += either.Hits.Count(h => h.Persons.Contains(second) && !h.Persons.Contains(first));
            // The person facet still counts every match.
            Assert.Equal(Counts(all.Facets.Person), Counts(either.Facets.Person));
            var expectedCountries = expected.SelectMany(h => h.Countries).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(expectedCountries, Counts(either.Facets.Country));
        }
        // Hits with the second value only, found through it alone, are what the comparison is about.
        Assert.True(secondOnly > 0, "no hit had the second value only");
    }
}
