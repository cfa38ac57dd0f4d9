using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;
using Summit.Engine.Search;
using Summit.Tests.TestSupport;
using LuceneQueryBuilder = Lucene.Net.Util.QueryBuilder;

namespace Summit.Tests.Search;

/// <summary>
/// <see cref="CachedPhraseQuery"/> against Lucene's <see cref="PhraseQuery"/> on the same index: every matching
/// document and every score (to the bit), for exact and sloppy phrases, with stop-word gaps, repeated words,
/// deleted documents and several segments.
/// </summary>
public sealed class CachedPhraseQueryTests
{
    // Few words, so phrases match often and in many arrangements; "the" and "of" are stop words in the stemmed field.
    private static readonly string[] Words = ["oil", "oils", "price", "prices", "bank", "rate", "the", "of"];

    // Deleted documents (every 7th): the scorers must skip them as Lucene's do.
    private static DirectoryReader BuildIndex(int seed, int segments = 3, int documentsPerSegment = 250) =>
        SegmentedIndex.WithDeletions(seed, segments, documentsPerSegment, deleteEvery: 7, (random, _) =>
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => Words[random.Next(Words.Length)]));
            return [(SummitSchema.Body, text), (SummitSchema.BodyExact, text)];
        });

    private static IEnumerable<PhraseQuery> Phrases(int seed, int count)
    {
        var random = new Random(seed);
        var builder = new LuceneQueryBuilder(SummitSchema.CreateAnalyzer());
        for (var made = 0; made < count;)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(2, 5)).Select(_ => Words[random.Next(Words.Length)]));
            var field = random.Next(2) == 0 ? SummitSchema.Body : SummitSchema.BodyExact;
            if (builder.CreatePhraseQuery(field, text, random.Next(3) == 0 ? 0 : random.Next(1, 4)) is not PhraseQuery phrase) continue;
            made++;
            yield return phrase;
        }
    }

    private static void AssertSameHits(IndexSearcher searcher, Query expected, Query actual)
    {
        var n = searcher.IndexReader.MaxDoc;
        var want = searcher.Search(expected, n).ScoreDocs;
        var got = searcher.Search(actual, n).ScoreDocs;
        Assert.Equal(want.Select(h => (h.Doc, BitConverter.SingleToInt32Bits(h.Score))),
            got.Select(h => (h.Doc, BitConverter.SingleToInt32Bits(h.Score))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Finds_and_scores_every_document_as_Lucene_phrase_query_does(int seed)
    {
        using var reader = BuildIndex(seed);
        var searcher = new IndexSearcher(reader);
        var states = TermStates.For(reader);
        int compared = 0, exactWithHits = 0, sloppyWithHits = 0;
        foreach (var phrase in Phrases(seed, 300))
        {
            if (!CachedPhraseQuery.Supports(phrase)) continue;
            var cached = new CachedPhraseQuery(states, phrase);
            AssertSameHits(searcher, phrase, cached);
            compared++;
            if (searcher.Search(phrase, 1).TotalHits > 0)
            {
                if (phrase.Slop == 0) exactWithHits++;
                else sloppyWithHits++;
            }
        }
        // The comparison means something only if both kinds of phrase matched documents many times.
        Assert.True(compared >= 150, $"{compared} phrases compared");
        Assert.True(exactWithHits >= 20, $"{exactWithHits} exact phrases matched");
        Assert.True(sloppyWithHits >= 50, $"{sloppyWithHits} sloppy phrases matched");
    }

    [Fact]
    public void Boosts_and_normalisation_inside_a_boolean_query_match_Lucene()
    {
        using var reader = BuildIndex(4);
        var searcher = new IndexSearcher(reader);
        var states = TermStates.For(reader);
        foreach (var phrase in Phrases(4, 60).Where(CachedPhraseQuery.Supports))
        {
            phrase.Boost = 2.5f;
            var cached = new CachedPhraseQuery(states, phrase);
            Assert.Equal(2.5f, cached.Boost);
            AssertSameHits(searcher,
                new BooleanQuery { { phrase, Occur.SHOULD }, { new TermQuery(new Term(SummitSchema.Body, "bank")), Occur.SHOULD } },
                new BooleanQuery { { cached, Occur.SHOULD }, { new TermQuery(new Term(SummitSchema.Body, "bank")), Occur.SHOULD } });
        }
    }

    [Fact]
    public void Repeated_words_in_an_exact_phrase_are_counted_like_Lucene()
    {
        using var reader = BuildIndex(5);
        var searcher = new IndexSearcher(reader);
        var repeated = new PhraseQuery { new Term(SummitSchema.BodyExact, "oil"), new Term(SummitSchema.BodyExact, "oil") };
        Assert.True(CachedPhraseQuery.Supports(repeated));
        Assert.True(searcher.Search(repeated, 1).TotalHits > 0);
        AssertSameHits(searcher, repeated, new CachedPhraseQuery(TermStates.For(reader), repeated));
    }

    [Fact]
    public void A_sloppy_phrase_with_a_repeated_word_stays_Lucenes()
    {
        using var reader = BuildIndex(6);
        var sloppy = new PhraseQuery { new Term(SummitSchema.BodyExact, "oil"), new Term(SummitSchema.BodyExact, "oil") };
        sloppy.Slop = 2;

        Assert.False(CachedPhraseQuery.Supports(sloppy));
        Assert.Same(sloppy, TermStates.For(reader).Cached(sloppy));
    }

    [Fact]
    public void Explains_the_score_it_gives()
    {
        using var reader = BuildIndex(7);
        var searcher = new IndexSearcher(reader);
        var states = TermStates.For(reader);
        var explained = 0;
        foreach (var phrase in Phrases(7, 40).Where(CachedPhraseQuery.Supports))
        {
            var cached = new CachedPhraseQuery(states, phrase);
            foreach (var hit in searcher.Search(cached, 3).ScoreDocs)
            {
                var explanation = searcher.Explain(cached, hit.Doc);
                Assert.True(explanation.IsMatch);
                Assert.Equal(hit.Score, explanation.Value, 5);
                Assert.Equal(searcher.Explain(phrase, hit.Doc).Value, explanation.Value);
                explained++;
            }
        }
        Assert.True(explained > 20, $"{explained} hits explained");
    }

    [Fact]
    public void A_searcher_over_another_reader_looks_the_terms_up_itself()
    {
        using var built = BuildIndex(8);
        using var other = BuildIndex(9, segments: 2);
        var searcher = new IndexSearcher(other);
        foreach (var phrase in Phrases(8, 40).Where(CachedPhraseQuery.Supports))
            AssertSameHits(searcher, phrase, new CachedPhraseQuery(TermStates.For(built), phrase));
    }
}
