using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Summit.Engine.Search;

/// <summary>
/// One segment's numeric doc values as an array in memory. Lucene 4.8 reads numeric doc values from disk on
/// every <c>Get</c> (a positional read through NIOFSDirectory), which made grouping a few hundred quote
/// candidates by hash and date cost milliseconds. Cached per segment core like <see cref="FacetDocOrdinals"/>
/// (numeric doc values are not updated in place here), so a refresh reads only new segments.
/// </summary>
public sealed class NumericColumn
{
    private readonly long[] _values;
    private readonly FixedBitSet _has;

    private NumericColumn(long[] values, FixedBitSet has) => (_values, _has) = (values, has);

    /// <summary>The value of a document of the segment, or null when it has none.</summary>
    public long? Get(int doc) => _has.Get(doc) ? _values[doc] : null;

    /// <summary>The segment's column, built on first use; null when the segment has no such doc values.</summary>
    public static NumericColumn? For(AtomicReader segment, string field) => SegmentCache<NumericColumn>.Get(segment, field, Build);

    private static NumericColumn? Build(AtomicReader segment, string field)
    {
        var values = segment.GetNumericDocValues(field);
        var has = segment.GetDocsWithField(field);
        if (values is null || has is null) return null;
        var array = new long[segment.MaxDoc];
        var bits = new FixedBitSet(segment.MaxDoc);
        for (var doc = 0; doc < array.Length; doc++)
        {
            if (!has.Get(doc)) continue;
            bits.Set(doc);
            array[doc] = values.Get(doc);
        }
        return new NumericColumn(array, bits);
    }
}
