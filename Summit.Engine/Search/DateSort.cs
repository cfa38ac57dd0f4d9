using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Index;
using JLong = J2N.Numerics.Int64;

namespace Summit.Engine.Search;

/// <summary>
/// Sorting by the date column in memory (<see cref="NumericColumn"/>, warmed with the searcher). Lucene's INT64
/// sort reads the date doc values from disk for every competitive hit (a positional read through NIOFSDirectory),
/// which was a few percent of every relevance search (dates break score ties) and more of a date-sorted one.
/// Sort values are boxed as J2N numbers, like Lucene's own, so cursors read them the same way.
/// </summary>
public static class DateSort
{
    /// <summary>Newest first; undated articles last.</summary>
    public static SortField Newest { get; } = new(SummitSchema.Date, new Source(missing: long.MinValue), true);

    /// <summary>Oldest first; undated articles last.</summary>
    public static SortField Oldest { get; } = new(SummitSchema.Date, new Source(missing: long.MaxValue), false);

    private sealed class Source(long missing) : FieldComparerSource
    {
        public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) =>
            new Comparer(fieldname, numHits, missing);
    }

    private sealed class Comparer(string field, int numHits, long missing) : FieldComparer<JLong>
    {
        private readonly long[] _slots = new long[numHits];
        private NumericColumn? _column;
        private long _bottom;
        private long _top;

        private long Value(int doc) => _column?.Get(doc) ?? missing;

        public override int Compare(int slot1, int slot2) => _slots[slot1].CompareTo(_slots[slot2]);
        public override void SetBottom(int slot) => _bottom = _slots[slot];
        public override void SetTopValue(JLong value) => _top = value?.ToInt64() ?? missing;
        public override int CompareBottom(int doc) => _bottom.CompareTo(Value(doc));
        public override int CompareTop(int doc) => _top.CompareTo(Value(doc));
        public override void Copy(int slot, int doc) => _slots[slot] = Value(doc);

        public override FieldComparer SetNextReader(AtomicReaderContext context)
        {
            _column = NumericColumn.For(context.AtomicReader, field);
            return this;
        }

        public override JLong this[int slot] => JLong.GetInstance(_slots[slot]);
    }
}
