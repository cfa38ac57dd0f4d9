using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Summit.Search.Api.Search;

/// <summary>Bucket size of the date histogram facet.</summary>
public enum DateInterval { Year, Month }

/// <summary>
/// Counts facet values of the documents a query matches, like Lucene's SortedSetDocValuesFacetCounts: each
/// dimension's SortedSetDocValues ordinals are mapped to global ordinals (<see cref="FacetOrdinals"/>) and counted
/// into one array; values are looked up only for the counts a caller asks for. A hit's values of every facet field
/// sit in one slice of combined ordinals (<see cref="FacetLayout"/>), so a hit is counted in one pass over
/// adjacent memory for all its dimensions at once.
/// Optionally also buckets the date doc values.
/// </summary>
public sealed class FacetCounter : ICollector
{
    private readonly IReadOnlyList<string> _dimensions;
    private readonly FacetOrdinals _ordinals;
    private readonly FacetLayout _layout;
    private readonly string? _dateField;
    private readonly DateInterval? _interval;
    private readonly int[] _counts;
    // Buckets as yyyy or yyyymm numbers: formatting a string per document was the histogram's main cost.
    private readonly Dictionary<int, int> _dates = [];
    // Hits of the current segment not counted yet (see Flush).
    private readonly int[] _pending = new int[256];
    private int _pendingCount;
    private int[] _start = [];
    private int[] _ords = [];
    private NumericDocValues? _segmentDates;
    private Lucene.Net.Util.IBits? _segmentHasDate;

    public FacetCounter(IndexSearcher searcher, IReadOnlyList<string> dimensions, string? dateField = null, DateInterval? interval = null)
    {
        _dimensions = dimensions;
        _ordinals = FacetOrdinals.For(searcher.IndexReader);
        _dateField = dateField;
        _interval = interval;
        _layout = _ordinals.Layout(dimensions);
        _counts = new int[_layout.Count];
    }

    /// <summary>Every value of a dimension with a non-zero count.</summary>
    public IReadOnlyDictionary<string, int> Counts(string dimension)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = IndexOf(dimension);
        if (index < 0) return result;
        var counts = Slice(dimension);
        for (var ord = 0; ord < counts.Length; ord++)
            if (counts[ord] > 0) result[_ordinals.Label(dimension, ord)] = counts[ord];
        return result;
    }

    /// <summary>
    /// The values that can make a top-<paramref name="limit"/> list (every count at least the limit-th highest,
    /// so ties can be broken by label) plus the <paramref name="selected"/> values that have a count. Ranking these
    /// gives the same top list as ranking <see cref="Counts"/>, without looking up every value.
    /// </summary>
    public IReadOnlyDictionary<string, int> TopCandidates(string dimension, int limit, IReadOnlyList<string> selected)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = IndexOf(dimension);
        if (index < 0) return result;
        var counts = Slice(dimension);
        var threshold = Threshold(counts, limit);
        for (var ord = 0; ord < counts.Length; ord++)
            if (counts[ord] >= threshold) result[_ordinals.Label(dimension, ord)] = counts[ord];
        foreach (var value in selected)
        {
            var ord = _ordinals.GlobalOrd(dimension, value);
            if (ord >= 0 && counts[ord] > 0) result[value] = counts[ord];
        }
        return result;
    }

    /// <summary>The limit-th highest non-zero count (at least 1); int.MaxValue when the limit is not positive.</summary>
    private static int Threshold(ReadOnlySpan<int> counts, int limit)
    {
        if (limit <= 0) return int.MaxValue;
        var top = new PriorityQueue<int, int>(limit + 1);
        foreach (var count in counts)
        {
            if (count == 0) continue;
            if (top.Count < limit) top.Enqueue(count, count);
            else if (count > top.Peek()) top.EnqueueDequeue(count, count);
        }
        return top.Count < limit ? 1 : top.Peek();
    }

    /// <summary>Date buckets ("2021" or "2021-03") with counts, when an interval was given.</summary>
    public IReadOnlyDictionary<string, int> DateCounts => _dates.ToDictionary(
        kv => _interval == DateInterval.Year
            ? kv.Key.ToString("D4", CultureInfo.InvariantCulture)
            : $"{(kv.Key / 100).ToString("D4", CultureInfo.InvariantCulture)}-{(kv.Key % 100).ToString("D2", CultureInfo.InvariantCulture)}",
        kv => kv.Value, StringComparer.Ordinal);

    public void SetScorer(Scorer scorer)
    {
        // Counting needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var segment = _layout.Segment(context.AtomicReader);
        (_start, _ords) = (segment.Start, segment.Ords);
        if (_dateField is not null && _interval is not null)
        {
            _segmentDates = context.AtomicReader.GetNumericDocValues(_dateField);
            _segmentHasDate = context.AtomicReader.GetDocsWithField(_dateField);
        }
    }

    public void Collect(int doc)
    {
        _pending[_pendingCount++] = doc;
        if (_pendingCount == _pending.Length) Flush();
        if (_segmentDates is not null && _segmentHasDate is not null && _segmentHasDate.Get(doc))
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(_segmentDates.Get(doc));
            var key = _interval == DateInterval.Year ? date.Year : date.Year * 100 + date.Month;
            _dates[key] = _dates.GetValueOrDefault(key) + 1;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    /// <summary>
    /// Counts the buffered hits of the current segment. Hits are sparse in the arrays, so each costs cache misses;
    /// looking up a batch's slices first lets those misses overlap instead of waiting for one after the other.
    /// </summary>
    private void Flush()
    {
        var (start, ords, counts, pending, n) = (_start, _ords, _counts, _pending, _pendingCount);
        _pendingCount = 0;
        Span<int> from = stackalloc int[n];
        Span<int> to = stackalloc int[n];
        for (var k = 0; k < n; k++) (from[k], to[k]) = (start[pending[k]], start[pending[k] + 1]);
        for (var k = 0; k < n; k++)
            for (var j = from[k]; j < to[k]; j++) counts[ords[j]]++;
    }

    private int IndexOf(string dimension)
    {
        for (var i = 0; i < _dimensions.Count; i++)
            if (_dimensions[i] == dimension) return i;
        return -1;
    }

    /// <summary>A dimension's counts by global ordinal.</summary>
    private ReadOnlySpan<int> Slice(string dimension)
    {
        Flush();
        return _counts.AsSpan(_layout.Base(dimension), _ordinals.ValueCount(dimension));
    }
}
