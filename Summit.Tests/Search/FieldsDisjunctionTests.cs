using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Search;

/// <summary>
/// <see cref="FieldsDisjunction"/> against Lucene's BooleanQuery with the same clauses on the same index: the
/// documents its scorer stops at, their scores (to the bit) and match counts, stepping and advancing, alone and
/// inside a two-word search; with deleted documents, several segments and clauses that match nothing in a segment.
/// </summary>
public sealed class FieldsDisjunctionTests
{
    private static readonly string[] Words = ["oil", "oils", "price", "prices", "bank", "rate", "crude", "opec"];
    private static readonly (string Field, float Boost)[] Fields =
        [(SummitSchema.Title, 3f), (SummitSchema.TitleExact, 1.5f), (SummitSchema.Body, 1f), (SummitSchema.BodyExact, 0.5f)];

    // "opec" only in the first segment's titles: its clauses have no scorer in the others.
    private static DirectoryReader BuildIndex(int seed) =>
        SegmentedIndex.WithDeletions(seed, segments: 3, documentsPerSegment: 400, deleteEvery: 9, (random, segment) =>
        {
            var words = segment == 0 ? Words : Words[..^1];
            string Text(int most) => string.Join(' ', Enumerable.Range(0, random.Next(0, most)).Select(_ => words[random.Next(words.Length)]));
            var (title, body) = (Text(6), Text(40).Replace("opec", "oil"));
            return [(SummitSchema.Title, title), (SummitSchema.TitleExact, title), (SummitSchema.Body, body), (SummitSchema.BodyExact, body)];
        });

    /// <summary>The word over every field, as Lucene's BooleanQuery and as a FieldsDisjunction.</summary>
    private static (BooleanQuery Lucene, FieldsDisjunction Ours) Word(string word)
    {
        var (lucene, ours) = (new BooleanQuery(disableCoord: true), new FieldsDisjunction());
        foreach (var (field, boost) in Fields)
        {
            lucene.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
            ours.Add(new TermQuery(new Term(field, word)) { Boost = boost }, Occur.SHOULD);
        }
        return (lucene, ours);
    }

    /// <summary>Every stop of the query's in-order scorer over every segment, as (document, score bits, matches):
    /// stepping one document at a time, or advancing by random strides.</summary>
    private static List<(int Doc, int Score, int Freq)> Walk(IndexSearcher searcher, Query query, Random? strides)
    {
        var weight = searcher.CreateNormalizedWeight(query);
        var stops = new List<(int, int, int)>();
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer) continue;
            var doc = strides is null ? scorer.NextDoc() : scorer.Advance(strides.Next(0, 5));
            while (doc != DocIdSetIterator.NO_MORE_DOCS)
            {
                stops.Add((leaf.DocBase + doc, BitConverter.SingleToInt32Bits(scorer.GetScore()), scorer.Freq));
                doc = strides is null ? scorer.NextDoc() : scorer.Advance(doc + strides.Next(1, 12));
            }
        }
        return stops;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Stops_at_and_scores_every_document_as_Lucenes_disjunction(int seed)
    {
        using var reader = BuildIndex(seed);
        var searcher = new IndexSearcher(reader);
        var stops = 0;
        foreach (var word in Words)
        {
            var (lucene, ours) = Word(word);
            var expected = Walk(searcher, lucene, null);
            Assert.Equal(expected, Walk(searcher, ours, null));
            Assert.Equal(Walk(searcher, lucene, new Random(seed)), Walk(searcher, ours, new Random(seed)));
            stops += expected.Count;
        }
        // A document matching in several fields at once is what the sums and counts are about.
        Assert.True(stops > 3000, $"{stops} documents compared");
    }

    [Fact]
    public void Two_words_and_their_proximity_rank_as_with_Lucenes_queries()
    {
        using var reader = BuildIndex(3);
        var searcher = new IndexSearcher(reader);
        var compared = 0;
        foreach (var (first, second) in Words.SelectMany(a => Words.Where(b => b != a).Select(b => (a, b))))
        {
            var (lucene1, ours1) = Word(first);
            var (lucene2, ours2) = Word(second);
            var (luceneNear, oursNear) = (new BooleanQuery(disableCoord: true), new FieldsDisjunction());
            foreach (var field in new[] { SummitSchema.TitleExact, SummitSchema.BodyExact })
            {
                luceneNear.Add(Near(field, first, second), Occur.SHOULD);
                oursNear.Add(Near(field, first, second), Occur.SHOULD);
            }
            var lucene = new BooleanQuery { { lucene1, Occur.MUST }, { lucene2, Occur.MUST }, { luceneNear, Occur.SHOULD } };
            var ours = new BooleanQuery { { ours1, Occur.MUST }, { ours2, Occur.MUST }, { oursNear, Occur.SHOULD } };
            var want = searcher.Search(lucene, reader.MaxDoc).ScoreDocs;
            Assert.Equal(want.Select(h => (h.Doc, BitConverter.SingleToInt32Bits(h.Score))),
                searcher.Search(ours, reader.MaxDoc).ScoreDocs.Select(h => (h.Doc, BitConverter.SingleToInt32Bits(h.Score))));
            compared += want.Length;
        }
        Assert.True(compared > 5000, $"{compared} hits compared");
    }

    private static PhraseQuery Near(string field, string first, string second)
    {
        var phrase = new PhraseQuery { new Term(field, first), new Term(field, second) };
        phrase.Slop = 3;
        return phrase;
    }

    [Fact]
    public void Explains_its_scores_as_Lucene_does()
    {
        using var reader = BuildIndex(4);
        var searcher = new IndexSearcher(reader);
        var (lucene, ours) = Word("oil");
        var hits = Walk(searcher, ours, null);
        Assert.NotEmpty(hits);
        foreach (var (doc, score, _) in hits.Take(50))
        {
            var explanation = searcher.Explain(ours, doc);
            Assert.Equal(searcher.Explain(lucene, doc).ToString(), explanation.ToString());
            Assert.Equal(BitConverter.Int32BitsToSingle(score), explanation.Value, 5);
        }
    }
}
