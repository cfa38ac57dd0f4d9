using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// "Only articles" / "only quote documents" as a per-segment bit set, cached per segment core. Every search is
/// restricted to one kind; as a term filter that restriction walked the postings of half the index per query (the
/// biggest single cost of a frequent word), while a bit set with random access is tested per candidate document.
/// </summary>
public sealed class KindFilter : CachingWrapperFilter
{
    private static readonly KindFilter Articles = new(SummitSchema.KindArticle);
    private static readonly KindFilter Quotes = new(SummitSchema.KindQuote);

    private KindFilter(string kind) : base(new QueryWrapperFilter(new TermQuery(new Term(SummitSchema.Kind, kind))))
    {
    }

    public static KindFilter For(string kind) => kind switch
    {
        SummitSchema.KindArticle => Articles,
        SummitSchema.KindQuote => Quotes,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown document kind"),
    };

    /// <summary>The segment's documents of a kind as its cached bit set; null when the segment has none.</summary>
    public static FixedBitSet? BitsOf(string kind, AtomicReader segment) => For(kind).GetDocIdSet(segment.AtomicContext, null) as FixedBitSet;

    /// <summary>The documents a bit set holds, in order.</summary>
    public static IEnumerable<int> Docs(FixedBitSet bits)
    {
        for (var doc = bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1) yield return doc;
    }

    // The default cache (WAH8) has no random access; a FixedBitSet has, and costs maxDoc/8 bytes per segment.
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }
}
