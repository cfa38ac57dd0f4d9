using System.Globalization;
using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Summit.Engine.Search;

/// <summary>Bucket size of the date histogram facet.</summary>
public enum DateInterval { Year, Month }

/// <summary>
/// Counts facet values of the documents a query matches, like Lucene's SortedSetDocValuesFacetCounts: each
/// dimension's SortedSetDocValues ordinals are mapped to the index's value ids (<see cref="FacetOrdinals"/>) and counted
/// into one array; values are looked up only for the counts a caller asks for. A hit's values of every facet field
/// sit in one slice of combined ordinals (<see cref="FacetLayout"/>), so a hit is counted in one pass over
/// adjacent memory for all its dimensions at once.
/// Optionally also buckets the date doc values.
/// <para>
/// Multi-select ("drill sideways", as Lucene's DrillSideways): given the selected values of its dimensions and the
/// collector of the page (<see cref="Around"/>), the counter sees every match of the query without those
/// selections, passes on the documents that have a selected value in every selected dimension, counts all
/// dimensions of those, and counts a document missing exactly one selected dimension in that dimension only. So
/// each dimension is counted under every filter but its own, in the one pass that also finds the page.
/// </para>
/// </summary>
public sealed class FacetCounter : ICollector, IDisposable
{
    private readonly IReadOnlyList<string> _dimensions;
    private readonly FacetOrdinals _ordinals;
    private readonly FacetLayout _layout;
    private readonly string? _dateField;
    private readonly DateInterval? _interval;
    // Rented: the count array has one slot per facet value of the index, past the large object heap's threshold
    // on a larger archive, and a fresh one per query made the runtime collect the whole heap every few hundred.
    private int[] _counts;
    // Buckets as yyyy or yyyymm numbers: formatting a string per document was the histogram's main cost.
    private readonly Dictionary<int, int> _dates = [];
    // Hits of the current segment not counted yet (see Flush).
    private readonly int[] _pending = new int[256];
    private int _pendingCount;
    private int[] _start = [];
    private int[] _ords = [];
    private NumericColumn? _segmentDates;
    // Drill sideways: per dimension with a selection, its bit, its room of combined ordinals and its selected
    // values' ordinals, and the current segment's ordinals of that dimension alone; the bits of those dimensions;
    // each dimension's combined ordinal range; the collector of the page.
    private readonly (int Bit, int From, int To, int[] Values)[] _selections = [];
    private FacetDocOrdinals[] _selectedSlices = [];
    private readonly int _required;
    private readonly (int From, int To)[] _ranges;
    private ICollector? _hits;

    /// <param name="selected">Selected values per dimension; dimensions with a selection are counted sideways and
    /// their selections are applied here rather than by the query's filter.</param>
    public FacetCounter(IndexSearcher searcher, IReadOnlyList<string> dimensions, string? dateField = null, DateInterval? interval = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? selected = null)
    {
        _dimensions = dimensions;
        _ordinals = FacetOrdinals.For(searcher.IndexReader);
        _dateField = dateField;
        _interval = interval;
        _layout = _ordinals.Layout(dimensions);
        _ranges = dimensions.Select(d => (_layout.Base(d), _layout.Base(d) + _ordinals.ValueCount(d))).ToArray();
        _counts = RentCounts();
        for (var i = 0; i < dimensions.Count; i++)
        {
            if (selected?.GetValueOrDefault(dimensions[i]) is not { Count: > 0 } values) continue;
            _required |= 1 << i;
            // The dimension's whole room in the layout, not just this reader's ids: the room stays the same while a
            // segment keeps its layout (a refresh that adds values keeps it), so the segment's slices are built once.
            var from = _ranges[i].From;
            var dimension = dimensions[i];
            _selections = [.. _selections, (1 << i, from, _layout.End(dimension),
                [.. values.Select(v => _ordinals.GlobalOrd(dimension, v)).Where(ord => ord >= 0).Select(ord => from + ord).Distinct()])];
        }
    }

    /// <summary>An array over the layout's combined space with the slots this reader's values use cleared: each
    /// dimension's ids and the trash slot (a field's room for ids of later readers is never touched).</summary>
    private int[] RentCounts()
    {
        var array = System.Buffers.ArrayPool<int>.Shared.Rent(_layout.Count);
        foreach (var (from, to) in _ranges) Array.Clear(array, from, to - from);
        array[_layout.Trash] = 0;
        return array;
    }

    /// <summary>Gives the counter's arrays back to the pool; read every count needed before.</summary>
    public void Dispose()
    {
        if (_counts.Length > 0) System.Buffers.ArrayPool<int>.Shared.Return(_counts);
        _counts = [];
    }

    /// <summary>True when some dimension has selected values, so the search must see matches without them.</summary>
    public bool CountsSideways => _required != 0;

    /// <summary>The collector to search with so that <paramref name="hits"/> sees the matches (under every
    /// selection) and this counter counts them.</summary>
    public ICollector Around(ICollector hits)
    {
        if (_required == 0) return MultiCollector.Wrap(hits, this);
        _hits = hits;
        return this;
    }

    /// <summary>Every value of a dimension with a non-zero count.</summary>
    public IReadOnlyDictionary<string, int> Counts(string dimension) =>
        IdCounts(dimension).ToDictionary(c => _ordinals.Label(dimension, c.Id), c => c.Count, StringComparer.Ordinal);

    /// <summary>Every id of a dimension with a non-zero count (labels through <see cref="FacetOrdinals.Label"/>).</summary>
    public List<(int Id, int Count)> IdCounts(string dimension)
    {
        var result = new List<(int Id, int Count)>();
        if (IndexOf(dimension) < 0) return result;
        var counts = Slice(dimension);
        for (var id = 0; id < counts.Length; id++)
            if (counts[id] > 0) result.Add((id, counts[id]));
        return result;
    }

    /// <summary>
    /// The values that can make a top-<paramref name="limit"/> list (every count above the limit-th highest, and
    /// the values at it that come first by label) plus the <paramref name="selected"/> values that have a count. Ranking these
    /// gives the same top list as ranking <see cref="Counts"/>, without looking up every value.
    /// </summary>
    public IReadOnlyDictionary<string, int> TopCandidates(string dimension, int limit, IReadOnlyList<string> selected)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = IndexOf(dimension);
        if (index < 0) return result;
        var counts = Slice(dimension);
        var threshold = Threshold(counts, limit);
        // Every value above the threshold makes the list; of those at it, only the ones first by label can, so
        // only they are looked up (a rare word's facets have thousands of values tied at 1).
        var rank = _ordinals.LabelOrder(dimension);
        var (candidates, above, tied) = (new List<int>(), 0, new List<long>());
        for (var id = NextAtLeast(counts, threshold, 0); id >= 0; id = NextAtLeast(counts, threshold, id + 1))
        {
            candidates.Add(id);
            if (counts[id] > threshold) above++;
            else tied.Add(rank[id]);
        }
        tied.Sort();
        var lastRank = tied.Count == 0 ? -1 : tied[Math.Clamp(limit - above, 1, tied.Count) - 1];
        foreach (var id in candidates)
            if (counts[id] > threshold || rank[id] <= lastRank)
                result[_ordinals.Label(dimension, id)] = counts[id];
        foreach (var value in selected)
        {
            var ord = _ordinals.GlobalOrd(dimension, value);
            if (ord >= 0 && counts[ord] > 0) result[value] = counts[ord];
        }
        return result;
    }

    /// <summary>
    /// The limit-th highest count (at least 1: fewer values than the limit have a count), int.MaxValue when the limit
    /// is not positive. A person dimension has tens of thousands of slots, most of them zero or below the counts
    /// already kept: a vector of slots that holds none above them is passed over at once.
    /// </summary>
    private static int Threshold(ReadOnlySpan<int> counts, int limit)
    {
        if (limit <= 0) return int.MaxValue;
        // The highest counts so far, lowest first; a count enters when above the floor.
        Span<int> top = limit <= 64 ? stackalloc int[limit] : new int[limit];
        var (filled, floor, at) = (0, 0, 0);
        var width = Vector<int>.Count;
        while (at < counts.Length)
        {
            var end = Math.Min(counts.Length, at + width);
            if (end - at == width && Vector.LessThanOrEqualAll(new Vector<int>(counts[at..]), new Vector<int>(floor)))
            {
                at = end;
                continue;
            }
            for (; at < end; at++)
            {
                var count = counts[at];
                if (count <= floor) continue;
                if (filled < top.Length)
                {
                    var j = filled++;
                    for (; j > 0 && top[j - 1] > count; j--) top[j] = top[j - 1];
                    top[j] = count;
                }
                else
                {
                    var j = 0;
                    for (; j + 1 < top.Length && top[j + 1] < count; j++) top[j] = top[j + 1];
                    top[j] = count;
                }
                if (filled == top.Length) floor = top[0];
            }
        }
        return filled < limit ? 1 : top[0];
    }

    /// <summary>The first id from <paramref name="from"/> on whose count is at least <paramref name="threshold"/>, or -1.</summary>
    private static int NextAtLeast(ReadOnlySpan<int> counts, int threshold, int from)
    {
        var width = Vector<int>.Count;
        var below = new Vector<int>(threshold);
        var at = from;
        for (; at + width <= counts.Length; at += width)
            if (!Vector.LessThanAll(new Vector<int>(counts[at..]), below)) break;
        for (; at < counts.Length; at++)
            if (counts[at] >= threshold) return at;
        return -1;
    }

    /// <summary>Date buckets ("2021" or "2021-03") with counts, when an interval was given.</summary>
    public IReadOnlyDictionary<string, int> DateCounts => _dates.ToDictionary(
        kv => _interval == DateInterval.Year
            ? kv.Key.ToString("D4", CultureInfo.InvariantCulture)
            : $"{(kv.Key / 100).ToString("D4", CultureInfo.InvariantCulture)}-{(kv.Key % 100).ToString("D2", CultureInfo.InvariantCulture)}",
        kv => kv.Value, StringComparer.Ordinal);

    public void SetScorer(Scorer scorer) => _hits?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _hits?.SetNextReader(context);
        var segment = _layout.Segment(context.AtomicReader);
        (_start, _ords) = (segment.Start, segment.Ords);
        if (_required != 0) _selectedSlices = [.. _selections.Select(s => segment.Within(s.From, s.To))];
        // The in-memory column (warmed with the searcher), not doc values read from disk per hit.
        if (_dateField is not null && _interval is not null) _segmentDates = NumericColumn.For(context.AtomicReader, _dateField);
    }

    public void Collect(int doc)
    {
        if (_required != 0 && _hits is not null)
        {
            if (!(_selections.Length == 1 ? HasTheSelection(doc) : HasEverySelection(doc))) return;
            _hits.Collect(doc);
        }
        _pending[_pendingCount++] = doc;
        if (_pendingCount == _pending.Length) Flush();
        if (_segmentDates?.Get(doc) is { } millis)
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(millis);
            var key = _interval == DateInterval.Year ? date.Year : date.Year * 100 + date.Month;
            _dates[key] = _dates.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>
    /// With one dimension selected (the usual multi-select), most matches lack the selection and are counted in that
    /// dimension alone: its ordinals are counted while they are searched for the selected values, in one pass, and
    /// a match that has one gets those counts taken back. False when the match lacks the selection (counted here).
    /// </summary>
    private bool HasTheSelection(int doc)
    {
        var (slice, values, counts) = (_selectedSlices[0], _selections[0].Values, _counts);
        var (ords, from, to) = (slice.Ords, slice.Start[doc], slice.Start[doc + 1]);
        var single = values.Length == 1 ? values[0] : -1;
        for (var j = from; j < to; j++)
        {
            var ord = ords[j];
            if (ord == single || (values.Length > 1 && values.AsSpan().Contains(ord)))
            {
                for (var k = from; k < j; k++) counts[ords[k]]--;
                return true;
            }
            counts[ord]++;
        }
        return false;
    }

    /// <summary>True when the match has a selected value in every selected dimension; a match missing exactly one
    /// is counted in that dimension only, one missing more is not counted at all.</summary>
    private bool HasEverySelection(int doc)
    {
        var has = 0;
        for (var k = 0; k < _selections.Length; k++)
            if (_selectedSlices[k].Of(doc).IndexOfAny(_selections[k].Values) >= 0) has |= _selections[k].Bit;
        var missing = _required & ~has;
        if (missing == 0) return true;
        if ((missing & (missing - 1)) != 0) return false;
        for (var k = 0; k < _selections.Length; k++)
            if (_selections[k].Bit == missing)
                foreach (var ord in _selectedSlices[k].Of(doc)) _counts[ord]++;
        return false;
    }

    public bool AcceptsDocsOutOfOrder => _hits?.AcceptsDocsOutOfOrder ?? true;

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

    /// <summary>A dimension's counts by id.</summary>
    private ReadOnlySpan<int> Slice(string dimension)
    {
        Flush();
        return _counts.AsSpan(_layout.Base(dimension), _ordinals.ValueCount(dimension));
    }
}
