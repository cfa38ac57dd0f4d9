using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Search;

public sealed class AnyTermFilterTests
{
    private static IndexSearcher Index(int seed)
    {
        var random = new Random(seed);
        string[] words = ["oil", "talks", "harbour", "prices", "closure"];
        string Text() => string.Join(' ', Enumerable.Range(0, random.Next(0, 4)).Select(_ => words[random.Next(words.Length)]));
        return SegmentedIndex.Build(Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 40).Select(_ => (Title: Text(), Body: Text())).ToList()),
            (doc, text) =>
            {
                doc.Add(new TextField(SummitSchema.Title, text.Title, Field.Store.NO));
                doc.Add(new TextField(SummitSchema.Body, text.Body, Field.Store.NO));
            });
    }

    [Theory]
    [InlineData("oil")]
    [InlineData("harbour")]
    [InlineData("missing")]
    public void Matches_what_a_disjunction_of_the_terms_matches_with_its_readers_states_or_another_readers(string word)
    {
        var searcher = Index(1);
        Assert.Equal(3, searcher.IndexReader.Leaves.Count);
        Term[] terms = [new(SummitSchema.Title, word), new(SummitSchema.Body, word)];
        var disjunction = new BooleanQuery();
        foreach (var term in terms) disjunction.Add(new TermQuery(term), Occur.SHOULD);
        var expected = Docs(searcher, disjunction);

        // States of the searched reader, and of another index's reader (the filter then looks the terms up itself).
        foreach (var states in new[] { TermStates.For(searcher.IndexReader), TermStates.For(Index(2).IndexReader) })
            Assert.Equal(expected, Docs(searcher, new ConstantScoreQuery(new AnyTermFilter(states, terms))));
        if (word != "missing") Assert.NotEmpty(expected);
    }

    private static List<int> Docs(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, 1000).ScoreDocs.Select(d => d.Doc).Order()];
}
