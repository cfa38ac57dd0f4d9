using Summit.Engine.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Search;

public sealed class DateSortTests
{
    // Dates in milliseconds, null for undated; two segments, one date before 1970, and ties.
    private static readonly long?[][] Segments =
    [
        [5_000, null, -86_400_000, 9_000],
        [9_000, 1_000, null, 7_000, 3_000],
    ];

    private static IndexSearcher Searcher() => SegmentedIndex.Build(Segments, (doc, date) =>
    {
        if (date is { } millis) doc.Add(new NumericDocValuesField(SummitSchema.Date, millis));
    });

    private static long? DateOf(IndexSearcher searcher, int doc)
    {
        var leaf = searcher.IndexReader.Leaves[ReaderUtil.SubIndex(doc, searcher.IndexReader.Leaves)];
        return NumericColumn.For(leaf.AtomicReader, SummitSchema.Date)?.Get(doc - leaf.DocBase);
    }

    [Fact]
    public void Newest_first_orders_by_date_descending_with_undated_last()
    {
        var searcher = Searcher();
        var all = Segments.SelectMany(s => s).ToList();

        var top = searcher.Search(new MatchAllDocsQuery(), null, all.Count, new Sort(DateSort.Newest));

        var dates = top.ScoreDocs.Select(d => DateOf(searcher, d.Doc)).ToList();
        Assert.Equal(all.OfType<long>().OrderDescending().Select(d => (long?)d).Concat(all.Where(d => d is null)), dates);
    }

    [Fact]
    public void Oldest_first_orders_by_date_ascending_with_undated_last()
    {
        var searcher = Searcher();
        var all = Segments.SelectMany(s => s).ToList();

        var top = searcher.Search(new MatchAllDocsQuery(), null, all.Count, new Sort(DateSort.Oldest));

        var dates = top.ScoreDocs.Select(d => DateOf(searcher, d.Doc)).ToList();
        Assert.Equal(all.OfType<long>().Order().Select(d => (long?)d).Concat(all.Where(d => d is null)), dates);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Paging_after_a_hit_continues_the_single_page_order(bool newest)
    {
        var searcher = Searcher();
        var sort = new Sort(newest ? DateSort.Newest : DateSort.Oldest);
        var total = Segments.Sum(s => s.Length);
        var expected = searcher.Search(new MatchAllDocsQuery(), null, total, sort).ScoreDocs.Select(d => d.Doc).ToList();

        var paged = new List<int>();
        FieldDoc? after = null;
        while (paged.Count < total)
        {
            var page = searcher.SearchAfter(after, new MatchAllDocsQuery(), null, 2, sort);
            Assert.NotEmpty(page.ScoreDocs);
            paged.AddRange(page.ScoreDocs.Select(d => d.Doc));
            after = (FieldDoc)page.ScoreDocs[^1];
        }

        Assert.Equal(expected, paged);
    }

    [Fact]
    public void Sort_values_are_the_dates_as_Lucene_boxes_them()
    {
        var searcher = Searcher();

        var top = searcher.Search(new MatchAllDocsQuery(), null, 1, new Sort(DateSort.Newest));

        var value = Assert.IsType<J2N.Numerics.Int64>(Assert.Single(((FieldDoc)top.ScoreDocs[0]).Fields));
        Assert.Equal(Segments.SelectMany(s => s).Max(), value.ToInt64());
    }
}
