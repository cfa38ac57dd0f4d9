using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Summit.Search.Api.Search;

/// <summary>Bucket size of the date histogram facet.</summary>
public enum DateInterval { Year, Month }

/// <summary>
/// Counts facet values of the documents a query matches, like Lucene's SortedSetDocValuesFacetCounts:
/// per segment it counts ordinals of each dimension's SortedSetDocValues into an array, and when the segment
/// is done it maps the non-zero ordinals to their values. Optionally also buckets the date doc values.
/// </summary>
public sealed class FacetCounter(IReadOnlyList<string> dimensions, string? dateField = null, DateInterval? interval = null) : ICollector
{
    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        dimensions.ToDictionary(d => d, _ => new Dictionary<string, int>(StringComparer.Ordinal));
    private readonly Dictionary<string, int> _dates = new(StringComparer.Ordinal);
    private readonly SortedSetDocValues?[] _segmentValues = new SortedSetDocValues?[dimensions.Count];
    private readonly int[]?[] _segmentCounts = new int[dimensions.Count][];
    private NumericDocValues? _segmentDates;
    private IBits? _segmentHasDate;

    /// <summary>Documents collected.</summary>
    public int Hits { get; private set; }

    public IReadOnlyDictionary<string, int> Counts(string dimension)
    {
        Flush();
        return _counts.TryGetValue(dimension, out var counts) ? counts : new Dictionary<string, int>();
    }

    /// <summary>Date buckets ("2021" or "2021-03") with counts, when an interval was given.</summary>
    public IReadOnlyDictionary<string, int> DateCounts
    {
        get { Flush(); return _dates; }
    }

    public void SetScorer(Scorer scorer)
    {
        // Counting needs no scores.
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < dimensions.Count; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(dimensions[i]);
            _segmentValues[i] = values;
            _segmentCounts[i] = values is null ? null : new int[checked((int)values.ValueCount)];
        }
        if (dateField is not null && interval is not null)
        {
            _segmentDates = context.AtomicReader.GetNumericDocValues(dateField);
            _segmentHasDate = context.AtomicReader.GetDocsWithField(dateField);
        }
    }

    public void Collect(int doc)
    {
        Hits++;
        for (var i = 0; i < _segmentValues.Length; i++)
        {
            var values = _segmentValues[i];
            if (values is null) continue;
            values.SetDocument(doc);
            long ord;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                _segmentCounts[i]![ord]++;
        }
        if (_segmentDates is not null && _segmentHasDate is not null && _segmentHasDate.Get(doc))
        {
            var date = DateTimeOffset.FromUnixTimeMilliseconds(_segmentDates.Get(doc));
            var key = interval == DateInterval.Year ? date.ToString("yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            _dates[key] = _dates.GetValueOrDefault(key) + 1;
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    private void Flush()
    {
        var scratch = new BytesRef();
        for (var i = 0; i < _segmentValues.Length; i++)
        {
            var values = _segmentValues[i];
            var counts = _segmentCounts[i];
            if (values is null || counts is null) continue;
            var target = _counts[dimensions[i]];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, scratch);
                var value = scratch.Utf8ToString();
                target[value] = target.GetValueOrDefault(value) + counts[ord];
            }
            _segmentValues[i] = null;
            _segmentCounts[i] = null;
        }
    }
}
