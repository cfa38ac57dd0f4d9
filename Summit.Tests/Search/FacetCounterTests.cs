using Summit.Engine.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Search;

public sealed class FacetCounterTests
{
    // Three segments with overlapping and segment-only values, so global ordinals differ from segment ordinals;
    // "dee" ties with "Dee" in count and in label order (which ignores case).
    private static readonly string[][][] Segments =
    [
        [["Ann", "Bob"], ["Bob"], ["Cid"]],
        [["Bob", "Dee"], ["Eve"], ["Ann", "Eve"], []],
        [["Zed", "dee"], ["Bob", "Eve"], ["Ann"]],
    ];

    private static IndexSearcher Searcher() => SegmentedIndex.Build(Segments, (doc, persons) =>
    {
        foreach (var person in persons) doc.Add(new SortedSetDocValuesField(SummitSchema.Source, new BytesRef(person)));
    });

    private static Dictionary<string, int> Expected() => Segments.SelectMany(s => s).SelectMany(p => p)
        .GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void One_dimensions_ordinals_are_each_documents_ordinals_in_its_range_in_their_order()
    {
        // Documents with no ordinals, with many, and with repeats; ranges at the edges, of one value and empty.
        var random = new Random(5);
        var docs = Enumerable.Range(0, 300).Select(_ => Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(0, 100)).ToArray()).ToArray();
        var start = new int[docs.Length + 1];
        for (var d = 0; d < docs.Length; d++) start[d + 1] = start[d] + docs[d].Length;
        var combined = new FacetDocOrdinals(start, [.. docs.SelectMany(d => d)]);

        foreach (var (from, to) in new[] { (0, 30), (30, 31), (31, 99), (99, 100), (50, 50) })
        {
            var within = combined.Within(from, to);
            for (var d = 0; d < docs.Length; d++)
                Assert.Equal(docs[d].Where(ord => ord >= from && ord < to), within.Of(d).ToArray());
            Assert.Same(within, combined.Within(from, to));
        }
    }

    [Fact]
    public void Counts_every_value_across_segments_through_global_ordinals()
    {
        var searcher = Searcher();
        Assert.Equal(3, searcher.IndexReader.Leaves.Count);
        var counter = new FacetCounter(searcher, [SummitSchema.Source]);

        searcher.Search(new MatchAllDocsQuery(), counter);

        Assert.Equal(Expected(), counter.Counts(SummitSchema.Source));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(10)]
    public void Top_candidates_rank_like_all_counts_including_ties_and_selected_values(int limit)
    {
        var searcher = Searcher();
        var counter = new FacetCounter(searcher, [SummitSchema.Source]);
        searcher.Search(new MatchAllDocsQuery(), counter);
        IReadOnlyList<string> selected = ["Zed", "Nobody"];

        var fromCandidates = ArticleSearcher.FacetValues(SummitSchema.Source,
            counter.TopCandidates(SummitSchema.Source, limit, selected), selected, limit);
        var fromAll = ArticleSearcher.FacetValues(SummitSchema.Source, counter.Counts(SummitSchema.Source), selected, limit);

        Assert.Equal(fromAll, fromCandidates);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Top_candidates_rank_like_all_counts_over_hundreds_of_values_with_runs_of_zeros_and_ties(int seed)
    {
        // Hundreds of values (the top list skips slots a vector at a time), counts skewed so that a few values are
        // high, many tie at small counts, and runs of values count nothing under the query.
        var random = new Random(seed);
        var names = Enumerable.Range(0, 700).Select(i => $"v{i:D3}").ToArray();
        string Draw() => names[(int)(names.Length * Math.Pow(random.NextDouble(), 3))];
        var segments = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, 400)
            .Select(_ => (Match: random.Next(3) > 0, Values: Enumerable.Range(0, random.Next(4)).Select(_ => Draw()).Distinct().ToArray())).ToArray()).ToArray();
        var searcher = SegmentedIndex.Build(segments, (doc, item) =>
        {
            doc.Add(new StringField("match", item.Match ? "yes" : "no", Field.Store.NO));
            foreach (var value in item.Values) doc.Add(new SortedSetDocValuesField(SummitSchema.Source, new BytesRef(value)));
        });
        var counter = new FacetCounter(searcher, [SummitSchema.Source]);
        searcher.Search(new TermQuery(new Term("match", "yes")), counter);
        var all = counter.Counts(SummitSchema.Source);
        Assert.InRange(all.Count, 100, names.Length - 50);
        IReadOnlyList<string> selected = ["v699", all.Keys.Max(StringComparer.Ordinal)!];

        foreach (var limit in new[] { 0, 1, 3, 10, 25, 100, 1000 })
        {
            var fromCandidates = ArticleSearcher.FacetValues(SummitSchema.Source,
                counter.TopCandidates(SummitSchema.Source, limit, selected), selected, limit);
            Assert.Equal(ArticleSearcher.FacetValues(SummitSchema.Source, all, selected, limit), fromCandidates);
        }
    }

    [Fact]
    public void A_refresh_that_adds_values_keeps_each_dimensions_room_and_an_old_segments_slices()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer())
            { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES });
        void Add(params string[] values)
        {
            var doc = new Document();
            foreach (var value in values)
            {
                doc.Add(new SortedSetDocValuesField(SummitSchema.Source, new BytesRef(value)));
                doc.Add(new SortedSetDocValuesField(SummitSchema.Country, new BytesRef("country " + value)));
            }
            writer.AddDocument(doc);
        }
        foreach (var segment in Segments)
        {
            foreach (var values in segment) Add(values);
            writer.Commit();
        }
        string[] dimensions = [SummitSchema.Source, SummitSchema.Country];
        using var before = DirectoryReader.Open(directory);
        var old = FacetOrdinals.For(before).Layout(dimensions);
        var rooms = dimensions.Select(d => (old.Base(d), old.End(d))).ToArray();
        var slices = dimensions.Select(d => old.Segment(before.Leaves[0].AtomicReader).Within(old.Base(d), old.End(d))).ToArray();

        // New values of both dimensions in a new segment: more ids, but within each dimension's room.
        Add("Aaa", "Bob");
        Add("Cat");
        writer.Commit();
        using var after = DirectoryReader.OpenIfChanged(before);
        Assert.NotNull(after);
        Assert.True(FacetOrdinals.For(after).ValueCount(SummitSchema.Source) > FacetOrdinals.For(before).ValueCount(SummitSchema.Source));
        var now = FacetOrdinals.For(after).Layout(dimensions);

        Assert.Equal(rooms, dimensions.Select(d => (now.Base(d), now.End(d))).ToArray());
        Assert.Same(old.Segment(before.Leaves[0].AtomicReader), now.Segment(after.Leaves[0].AtomicReader));
        for (var i = 0; i < dimensions.Length; i++)
            Assert.Same(slices[i], now.Segment(after.Leaves[0].AtomicReader).Within(now.Base(dimensions[i]), now.End(dimensions[i])));
    }

    [Fact]
    public void Cached_segment_ordinals_survive_a_refresh_that_reuses_old_segments_and_adds_a_new_one()
    {
        using var directory = new RAMDirectory();
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateAnalyzer())
            { MergePolicy = NoMergePolicy.NO_COMPOUND_FILES });
        var live = new Dictionary<string, string[]>();
        var next = 0;
        void Add(params string[] persons)
        {
            var id = (next++).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var doc = new Document
            {
                new StringField(SummitSchema.Kind, SummitSchema.KindArticle, Field.Store.NO),
                new StringField("id", id, Field.Store.NO),
            };
            foreach (var person in persons) doc.Add(new SortedSetDocValuesField(SummitSchema.Source, new BytesRef(person)));
            writer.AddDocument(doc);
            live[id] = persons;
        }
        foreach (var segment in Segments)
        {
            foreach (var persons in segment) Add(persons);
            writer.Commit();
        }
        using var before = DirectoryReader.Open(directory);
        var first = new FacetCounter(new IndexSearcher(before), [SummitSchema.Source]);
        new IndexSearcher(before).Search(new MatchAllDocsQuery(), first);
        Assert.Equal(Expected(), first.Counts(SummitSchema.Source));
        var cached = before.Leaves.Select(l => FacetDocOrdinals.For(l.AtomicReader, SummitSchema.Source)).ToArray();

        // A new segment whose values sort before and between the old ones (every global ordinal moves), and a
        // deletion in an old segment (same core, new live docs).
        Add("Aaa", "Bob");
        Add("Cat");
        writer.DeleteDocuments(new Term("id", "1"));
        live.Remove("1");
        writer.Commit();
        using var after = DirectoryReader.OpenIfChanged(before);
        Assert.NotNull(after);
        Assert.Equal(4, after.Leaves.Count);
        for (var i = 0; i < 3; i++)
        {
            Assert.Same(before.Leaves[i].AtomicReader.CoreCacheKey, after.Leaves[i].AtomicReader.CoreCacheKey);
            Assert.Same(cached[i], FacetDocOrdinals.For(after.Leaves[i].AtomicReader, SummitSchema.Source));
        }

        var refreshed = new FacetCounter(new IndexSearcher(after), [SummitSchema.Source]);
        new IndexSearcher(after).Search(new MatchAllDocsQuery(), refreshed);
        using var reopened = DirectoryReader.Open(directory);
        Assert.NotSame(after.Leaves[0].AtomicReader.CoreCacheKey, reopened.Leaves[0].AtomicReader.CoreCacheKey);
        var fresh = new FacetCounter(new IndexSearcher(reopened), [SummitSchema.Source]);
        new IndexSearcher(reopened).Search(new MatchAllDocsQuery(), fresh);

        var expected = live.Values.SelectMany(p => p).GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected, refreshed.Counts(SummitSchema.Source));
        Assert.Equal(expected, fresh.Counts(SummitSchema.Source));
        // The counts the old reader saw are unchanged by the refresh.
        var again = new FacetCounter(new IndexSearcher(before), [SummitSchema.Source]);
        new IndexSearcher(before).Search(new MatchAllDocsQuery(), again);
        Assert.Equal(Expected(), again.Counts(SummitSchema.Source));
    }
}
