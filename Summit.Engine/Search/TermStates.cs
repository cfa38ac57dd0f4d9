using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Summit.Engine.Search;

/// <summary>
/// The looked-up terms of one index reader: each term's per-segment state (<see cref="TermContext"/>), found once
/// and shared by every request on that reader. A request looks a word up in six text fields, compares document
/// counts of stemmed and exact forms, and builds its weights more than once; every lookup walked the term
/// dictionary of each segment anew, allocating its frames, which was a quarter of a search's garbage. Readers are
/// immutable, so a state stays right for the reader's life; the cache goes with the reader.
/// </summary>
internal sealed class TermStates
{
    private static readonly ConditionalWeakTable<IndexReader, TermStates> Cache = new();
    // Bounds the memory a stream of different words can take (a state is a few hundred bytes); when full it starts over.
    private const int MaxTerms = 20_000;

    private readonly IndexReader _reader;
    private readonly ConcurrentDictionary<Term, TermContext> _states = new();

    private TermStates(IndexReader reader) => _reader = reader;

    public static TermStates For(IndexReader reader) => Cache.GetValue(reader, r => new TermStates(r));

    public TermContext Get(Term term)
    {
        if (_states.TryGetValue(term, out var state)) return state;
        if (_states.Count >= MaxTerms) _states.Clear();
        return _states.GetOrAdd(term, t => TermContext.Build(_reader.Context, t));
    }

    /// <summary>True when <paramref name="segment"/> is a segment of this reader, so a state of <see cref="Get"/> at its
    /// <see cref="IndexReaderContext.Ord"/> is its state there.</summary>
    public bool Holds(AtomicReaderContext segment) => ReferenceEquals(ReaderUtil.GetTopLevelContext(segment), _reader.Context);

    /// <summary>Documents containing the term, as <see cref="IndexReader.DocFreq"/> counts them.</summary>
    public int DocFreq(Term term) => Get(term).DocFreq;

    /// <summary>The query itself, or for a plain term or phrase query one that scores the same and uses the cached
    /// states instead of looking its terms up again (same boost).</summary>
    public Query Cached(Query query) => query switch
    {
        TermQuery { Term: var term } tq when tq.GetType() == typeof(TermQuery) => new TermQuery(term, Get(term)) { Boost = tq.Boost },
        PhraseQuery phrase when phrase.GetType() == typeof(PhraseQuery) && CachedPhraseQuery.Supports(phrase) => new CachedPhraseQuery(this, phrase),
        _ => query,
    };
}
