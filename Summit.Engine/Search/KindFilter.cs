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

    // The default cache (WAH8) has no random access; a FixedBitSet has, and costs maxDoc/8 bytes per segment.
    protected override DocIdSet CacheImpl(DocIdSetIterator iterator, AtomicReader reader)
    {
        var bits = new FixedBitSet(reader.MaxDoc);
        bits.Or(iterator);
        return bits;
    }
}
