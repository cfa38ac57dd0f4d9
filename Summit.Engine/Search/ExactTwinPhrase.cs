using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Summit.Engine.Search;

/// <summary>
/// A phrase in a stemmed field (required) and the same phrase in its unstemmed twin (optional): Lucene's
/// BooleanQuery of the two, scoring exactly as Lucene's, with a cheaper way to the twin's score. The twin used to
/// read every word's positions again in each document where the stemmed phrase matched, two fifths of a phrase
/// of common words. But every occurrence of an exact word has its stem at the same position, so where each exact
/// word occurs as often as its stem (most documents: the other forms are rarer), the exact words stand exactly
/// where the stems do, and the twin's phrase frequency is the stemmed one's. A word whose exact form occurs as
/// often in the whole index as its stem needs no look at all; only the documents where some word also stands in
/// another form are matched through the twin's positions.
/// </summary>
internal sealed class ExactTwinPhrase : BooleanQuery
{
    /// <summary>Any two queries may be given; the cheaper way is taken for two phrases with their words at the same
    /// places (<see cref="CachedPhraseQuery"/>), as a stemmed field and its twin make them, and Lucene's otherwise.</summary>
    public ExactTwinPhrase(Query stemmed, Query exact) : base(disableCoord: true)
    {
        Add(stemmed, Occur.MUST);
        Add(exact, Occur.SHOULD);
    }

    public override Weight CreateWeight(IndexSearcher searcher) => new TwinWeight(this, searcher);

    private sealed class TwinWeight : BooleanWeight
    {
        // Null when the clauses are not two exact phrases with their words at the same places (a clause rewritten, a
        // stop word only the twin has): then Lucene scores them. Otherwise the phrases' word places, the twin's
        // weight, and the words whose exact form is not their stem's only form in the index (compared per document).
        private readonly (IReadOnlyList<int> Offsets, CachedPhraseQuery.PhraseStatesWeight Twin, int[] Compared)? _twins;

        public TwinWeight(ExactTwinPhrase query, IndexSearcher searcher) : base(query, searcher, query.CoordDisabled)
        {
            if (query.Clauses is [{ Occur: Occur.MUST, Query: CachedPhraseQuery stemmed }, { Occur: Occur.SHOULD, Query: CachedPhraseQuery exact }]
                && stemmed.Slop == 0 && exact.Slop == 0 && stemmed.Positions.SequenceEqual(exact.Positions)
                && stemmed.Positions.Distinct().Count() == stemmed.Positions.Count
                && m_weights is [CachedPhraseQuery.PhraseStatesWeight stems, CachedPhraseQuery.PhraseStatesWeight twin])
                _twins = (stemmed.Positions, twin,
                    [.. Enumerable.Range(0, stemmed.Positions.Count).Where(i => stems.TotalTermFreq(i) != twin.TotalTermFreq(i))]);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_twins is not var (offsets, twin, compared)) return base.GetScorer(context, acceptDocs);
            if (m_weights[0].GetScorer(context, acceptDocs) is not CachedPhraseQuery.PhraseScorer phrase) return null;
            return new TwinScorer(this, phrase, offsets, compared, twin, context, acceptDocs);
        }
    }

    /// <summary>The stemmed phrase's documents, scored as Lucene's BooleanScorer2 scores a required and an optional
    /// clause with coord disabled: the stemmed score, plus the twin's where the twin matches.</summary>
    private sealed class TwinScorer : Scorer
    {
        private readonly CachedPhraseQuery.PhraseScorer _phrase;
        private readonly IReadOnlyList<int> _offsets;
        private readonly int[] _compared;
        private readonly CachedPhraseQuery.PhraseStatesWeight _twin;
        private readonly AtomicReaderContext _context;
        private readonly IBits? _acceptDocs;
        // The twin's words' documents and frequencies (null: a word is not in this segment, so neither is the twin),
        // how the twin scores a phrase frequency, and the twin's own scorer for documents where the frequencies differ.
        private readonly DocsEnum[]? _twinDocs;
        private readonly Similarity.SimScorer _twinSimilarity;
        private Scorer? _twinPhrase;
        private bool _twinPhraseMade;
        private int _scoredDoc = -1;
        private float _score;
        private bool _twinMatched;

        public TwinScorer(Weight weight, CachedPhraseQuery.PhraseScorer phrase, IReadOnlyList<int> offsets, int[] compared,
            CachedPhraseQuery.PhraseStatesWeight twin, AtomicReaderContext context, IBits? acceptDocs) : base(weight)
        {
            (_phrase, _offsets, _compared, _twin, _context, _acceptDocs) = (phrase, offsets, compared, twin, context, acceptDocs);
            _twinDocs = twin.TermDocs(context, acceptDocs);
            _twinSimilarity = twin.SimScorer(context);
        }

        public override int DocID => _phrase.DocID;

        public override int NextDoc() => _phrase.NextDoc();

        public override int Advance(int target) => _phrase.Advance(target);

        public override long GetCost() => _phrase.GetCost();

        public override int Freq
        {
            get
            {
                Score();
                return _twinMatched ? 2 : 1;
            }
        }

        public override float GetScore() => Score();

        public override ICollection<ChildScorer> GetChildren() => [new ChildScorer(_phrase, "MUST")];

        private float Score()
        {
            var doc = _phrase.DocID;
            if (doc == _scoredDoc) return _score;
            _scoredDoc = doc;
            var stemmed = _phrase.GetScore();
            var twin = TwinScore(doc);
            _twinMatched = twin.HasValue;
            // ReqOptSumScorer's sum, in float (coord disabled: times 1).
            _score = twin is { } score ? stemmed + score : stemmed;
            return _score;
        }

        /// <summary>The twin phrase's score in the document, null when the twin does not match it.</summary>
        private float? TwinScore(int doc)
        {
            if (_twinDocs is null) return null;
            var same = true;
            foreach (var i in _compared)
            {
                var docs = _twinDocs[i];
                var at = docs.DocID < doc ? docs.Advance(doc) : docs.DocID;
                if (at != doc) return null;
                if (docs.Freq != _phrase.TermFreqAt(_offsets[i])) same = false;
            }
            if (same) return _twinSimilarity.Score(doc, _phrase.PhraseFrequency);
            // Some word also stands in another form here: the twin's own positions decide.
            if (!_twinPhraseMade)
            {
                _twinPhrase = _twin.GetScorer(_context, _acceptDocs!);
                _twinPhraseMade = true;
            }
            if (_twinPhrase is null) return null;
            var twinAt = _twinPhrase.DocID < doc ? _twinPhrase.Advance(doc) : _twinPhrase.DocID;
            return twinAt == doc ? _twinPhrase.GetScore() : null;
        }
    }
}
