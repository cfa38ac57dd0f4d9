using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.TestSupport;
using LuceneQueryBuilder = Lucene.Net.Util.QueryBuilder;

namespace Summit.Tests.Search;

/// <summary>
/// <see cref="ExactTwinPhrase"/> against Lucene's BooleanQuery of Lucene's phrase queries (the stemmed phrase
/// required, its unstemmed twin optional) on the same index: every matching document and every score, to the bit.
/// The texts mix words with several forms ("oil", "oils"; "price", "prices", "pricing"), words with one ("crude"),
/// a stop word and a possessive, so documents where the twin's words stand exactly where their stems do, and
/// documents where some word also stands in another form, both occur often.
/// </summary>
public sealed class ExactTwinPhraseTests
{
    private static readonly string[] Words = ["oil", "oils", "price", "prices", "pricing", "crude", "crude", "the", "opec's", "opec"];

    // Segments without some forms: the twin's words then occur as often as their stems there.
    private static DirectoryReader BuildIndex(int seed) =>
        SegmentedIndex.WithDeletions(seed, segments: 3, documentsPerSegment: 300, deleteEvery: 11, (random, segment) =>
        {
            var words = segment switch
            {
                0 => Words,
                1 => Words.Where(w => w != "oils").ToArray(),
                _ => Words.Where(w => !w.StartsWith("pric", StringComparison.Ordinal) || w == "price").ToArray(),
            };
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 25)).Select(_ => words[random.Next(words.Length)]));
            return [(SummitSchema.Body, text), (SummitSchema.BodyExact, text)];
        });

    /// <summary>Phrases of two or three words, as Lucene's phrase queries over the stemmed field and its twin.</summary>
    private static IEnumerable<(PhraseQuery Stemmed, PhraseQuery Exact)> Phrases(int seed)
    {
        var random = new Random(seed);
        var builder = new LuceneQueryBuilder(SummitSchema.CreateAnalyzer());
        for (var made = 0; made < 150;)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(2, 4)).Select(_ => Words[random.Next(Words.Length)]));
            if (builder.CreatePhraseQuery(SummitSchema.Body, text) is not PhraseQuery stemmed
                || builder.CreatePhraseQuery(SummitSchema.BodyExact, text) is not PhraseQuery exact) continue;
            made++;
            yield return (stemmed, exact);
        }
    }

    private static IEnumerable<(int Doc, int Score)> Hits(IndexSearcher searcher, Query query) =>
        searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.Select(h => (h.Doc, BitConverter.SingleToInt32Bits(h.Score)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Finds_and_scores_every_document_as_Lucenes_pair_of_phrases(int seed)
    {
        using var reader = BuildIndex(seed);
        var searcher = new IndexSearcher(reader);
        var states = TermStates.For(reader);
        var (compared, withOtherForms, twinsTaken) = (0, 0, 0);
        foreach (var (stemmed, exact) in Phrases(seed))
        {
            stemmed.Boost = 1f;
            exact.Boost = QueryBuilder.ExactFactor;
            var lucene = new BooleanQuery(disableCoord: true) { { stemmed, Occur.MUST }, { exact, Occur.SHOULD } };
            if (!CachedPhraseQuery.Supports(stemmed) || !CachedPhraseQuery.Supports(exact)) continue;
            var ours = new ExactTwinPhrase(new CachedPhraseQuery(states, stemmed), new CachedPhraseQuery(states, exact));
            var want = Hits(searcher, lucene).ToList();
            Assert.Equal(want, Hits(searcher, ours));
            // Also as Summit searches it: one of the word's fields, next to another clause.
            var other = new TermQuery(new Term(SummitSchema.Body, "crude"));
            Assert.Equal(Hits(searcher, new BooleanQuery { { lucene, Occur.SHOULD }, { other, Occur.SHOULD } }),
                Hits(searcher, new BooleanQuery { { ours, Occur.SHOULD }, { other, Occur.SHOULD } }));
            compared += want.Count;
            if (want.Count == 0) continue;
            // Documents where the stemmed phrase matched and the twin did not (another form stood there): the
            // comparison covers both ways to the twin's score only if such documents occur.
            var exactOnly = searcher.Search(exact, reader.MaxDoc).TotalHits;
            if (exactOnly < want.Count) withOtherForms++;
            if (exactOnly > 0) twinsTaken++;
        }
        Assert.True(compared > 2000, $"{compared} hits compared");
        Assert.True(withOtherForms > 20, $"{withOtherForms} phrases matched where the twin did not");
        Assert.True(twinsTaken > 20, $"{twinsTaken} phrases had twin matches");
    }

    [Fact]
    public void Explains_its_scores_as_Lucene_does()
    {
        using var reader = BuildIndex(3);
        var searcher = new IndexSearcher(reader);
        var states = TermStates.For(reader);
        var explained = 0;
        foreach (var (stemmed, exact) in Phrases(3).Take(30))
        {
            var lucene = new BooleanQuery(disableCoord: true) { { stemmed, Occur.MUST }, { exact, Occur.SHOULD } };
            var ours = new ExactTwinPhrase(new CachedPhraseQuery(states, stemmed), new CachedPhraseQuery(states, exact));
            foreach (var hit in searcher.Search(ours, 3).ScoreDocs)
            {
                var explanation = searcher.Explain(ours, hit.Doc);
                Assert.Equal(searcher.Explain(lucene, hit.Doc).Value, explanation.Value);
                Assert.Equal(hit.Score, explanation.Value, 5);
                explained++;
            }
        }
        Assert.True(explained > 20, $"{explained} hits explained");
    }
}
