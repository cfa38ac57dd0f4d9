using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Summit.Engine.Search;

/// <summary>
/// The documents holding any of a few terms, as a bit set per segment filled from the terms' postings (documents
/// only, no frequencies), with their states from the reader's cache (<see cref="TermStates"/>). A search that only
/// needs a word's matches (<see cref="QueryBuilder.MatchOnly"/>) walked a scoring disjunction of the word's
/// fields, moving a heap per document and scoring every match; this walks each term's postings once.
/// </summary>
internal sealed class AnyTermFilter(TermStates states, IReadOnlyList<Term> terms) : Filter
{
    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        var cached = states.Holds(context);
        FixedBitSet? bits = null;
        DocsEnum? docs = null;
        foreach (var term in terms)
        {
            if (reader.GetTerms(term.Field) is not { } fieldTerms) continue;
            var termsEnum = fieldTerms.GetEnumerator();
            if (!cached)
            {
                if (!termsEnum.SeekExact(term.Bytes)) continue;
            }
            else if (states.Get(term).Get(context.Ord) is { } state) termsEnum.SeekExact(term.Bytes, state);
            else continue;
            docs = termsEnum.Docs(acceptDocs, docs, DocsFlags.NONE);
            bits ??= new FixedBitSet(reader.MaxDoc);
            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc()) bits.Set(doc);
        }
        return bits;
    }

    public override string ToString() => $"AnyTermFilter({string.Join(' ', terms)})";
}
