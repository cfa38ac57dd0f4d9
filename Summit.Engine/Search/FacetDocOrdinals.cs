using Lucene.Net.Index;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// One segment's facet ordinals as flat arrays: the segment ordinals of document <c>d</c> are
/// <c>Ords[Start[d]..Start[d + 1]]</c>, in the order SortedSetDocValues returns them. Reading SortedSetDocValues
/// per hit through NIOFSDirectory costs positional file reads; these arrays are read once per segment and field.
/// </summary>
/// <remarks>
/// Cached per segment core (<see cref="IndexReader.CoreCacheKey"/>), so a segment that a refresh reuses under a new
/// top-level reader keeps its arrays, and they die with the segment. They hold segment ordinals; the combined
/// ordinals a counter reads (<see cref="FacetOrdinals"/>) are made from them. Doc values of a segment core never change
/// (SortedSet values cannot be updated in Lucene 4.8) and deletions do not matter, since only matching, live documents
/// are counted.
/// </remarks>
public sealed class FacetDocOrdinals
{
    internal FacetDocOrdinals(int[] start, int[] ords)
    {
        Start = start;
        Ords = ords;
    }

    /// <summary>Offsets into <see cref="Ords"/>, length maxDoc + 1.</summary>
    public int[] Start { get; }

    /// <summary>Segment ordinals of every document, one document after the other.</summary>
    public int[] Ords { get; }

    /// <summary>The ordinals of document <paramref name="doc"/>.</summary>
    public ReadOnlySpan<int> Of(int doc) => Ords.AsSpan(Start[doc], Start[doc + 1] - Start[doc]);

    /// <summary>Bytes the two arrays take (not those of <see cref="Within"/>).</summary>
    public long Bytes => 4L * (Start.Length + Ords.Length);

    // Arrays of Within, by range.
    private System.Collections.Concurrent.ConcurrentDictionary<(int From, int To), FacetDocOrdinals>? _within;

    /// <summary>
    /// Each document's ordinals from <paramref name="from"/> up to <paramref name="to"/> (one dimension of a combined
    /// layout) as arrays of their own, built on first use and kept with these. A multi-select pass counts most
    /// matches in the selected dimension only: reading that dimension's few ordinals per match, rather than every
    /// dimension's, cuts the memory it walks through.
    /// </summary>
    public FacetDocOrdinals Within(int from, int to) =>
        LazyInitializer.EnsureInitialized(ref _within).GetOrAdd((from, to), static (range, all) => all.Extract(range.From, range.To), this);

    private FacetDocOrdinals Extract(int from, int to)
    {
        var start = new int[Start.Length];
        var ords = new List<int>();
        for (var doc = 0; doc + 1 < Start.Length; doc++)
        {
            start[doc] = ords.Count;
            foreach (var ord in Of(doc))
                if (ord >= from && ord < to) ords.Add(ord);
        }
        start[^1] = ords.Count;
        return new FacetDocOrdinals(start, [.. ords]);
    }

    /// <summary>The segment's arrays for a field, built on first use; null when the segment has no such doc values.</summary>
    public static FacetDocOrdinals? For(AtomicReader segment, string field) => SegmentCache<FacetDocOrdinals>.Get(segment, field, Build);

    /// <summary>
    /// Builds the arrays of every segment of <paramref name="reader"/> that lacks them, and the reader's ids and
    /// combined ordinals, for every facet field.
    /// </summary>
    public static void Warm(IndexReader reader)
    {
        var global = FacetOrdinals.For(reader);
        foreach (var field in SummitSchema.FacetFields)
        {
            foreach (var leaf in reader.Leaves) For(leaf.AtomicReader, field);
            global.ValueCount(field);
        }
        global.Layout(ArticleSearcher.FacetDimensions);
        foreach (var field in ArticleSearcher.FacetDimensions) global.LabelOrder(field);
        // The quote search groups its candidates by these.
        foreach (var leaf in reader.Leaves)
        {
            NumericColumn.For(leaf.AtomicReader, SummitSchema.QuoteHash);
            NumericColumn.For(leaf.AtomicReader, SummitSchema.Date);
        }
    }

    private static FacetDocOrdinals? Build(AtomicReader segment, string field)
    {
        var values = segment.GetSortedSetDocValues(field);
        if (values is null) return null;
        var maxDoc = segment.MaxDoc;
        var start = new int[maxDoc + 1];
        var ords = new int[Math.Max(16, maxDoc)];
        var count = 0;
        for (var doc = 0; doc < maxDoc; doc++)
        {
            start[doc] = count;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (count == ords.Length) Array.Resize(ref ords, checked(ords.Length * 2));
                ords[count++] = checked((int)ord);
            }
        }
        start[maxDoc] = count;
        if (count != ords.Length) Array.Resize(ref ords, count);
        return new FacetDocOrdinals(start, ords);
    }
}
