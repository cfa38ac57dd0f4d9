using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Summit.Engine.Search;

/// <summary>
/// A word (or phrase) over the text fields and their unstemmed twins: a BooleanQuery of a few SHOULD clauses that
/// scores exactly as Lucene's, but whose in-order scorer keeps its clauses side by side instead of in Lucene's heap
/// (<c>DisjunctionSumScorer</c>). For three to six clauses the heap cost more than it saved: every step of a
/// two-word search moved scorers about an array of the abstract Scorer type, which .NET type-checks on each store,
/// and scored every document it stopped at, also those the other word then skipped.
/// Everything else (weights, normalisation, explanations, the out-of-order bulk scorer) is Lucene's BooleanQuery.
/// </summary>
internal sealed class FieldsDisjunction : BooleanQuery
{
    /// <summary>Clauses up to which the clauses are walked side by side; a longer disjunction (a misspelt word's
    /// expansions, say) keeps Lucene's heap.</summary>
    public const int MaxClauses = 12;

    public FieldsDisjunction() : base(disableCoord: true) { }

    public override Weight CreateWeight(IndexSearcher searcher) => new FieldsWeight(this, searcher);

    private sealed class FieldsWeight : BooleanWeight
    {
        // Lucene's coord factors by number of matching clauses (BooleanWeight.Coord; 1 with coord disabled); null when
        // the clauses are not a few SHOULD ones, and Lucene scores them.
        private readonly float[]? _coord;

        public FieldsWeight(FieldsDisjunction query, IndexSearcher searcher) : base(query, searcher, query.CoordDisabled)
        {
            var clauses = query.Clauses;
            if (clauses.Count > MaxClauses || query.MinimumNumberShouldMatch > 1 || clauses.Any(c => c.Occur != Occur.SHOULD)) return;
            _coord = new float[m_weights.Count + 1];
            for (var i = 0; i < _coord.Length; i++) _coord[i] = query.CoordDisabled ? 1f : Coord(i, m_maxCoord);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_coord is null) return base.GetScorer(context, acceptDocs);
            var scorers = new List<Scorer>(m_weights.Count);
            foreach (var weight in m_weights)
                if (weight.GetScorer(context, acceptDocs) is { } scorer) scorers.Add(scorer);
            return scorers.Count == 0 ? null : new SideBySideScorer(this, [.. scorers], _coord);
        }
    }

    /// <summary>
    /// The union of a few scorers, each one's current document kept in a plain array. A step moves the scorers
    /// at the current document (NextDoc) or behind the target (Advance) and takes the least; the score is summed
    /// only when asked, over the scorers at the document. Lucene sums the same float scores in double (exact for
    /// so few, so the order of the sum does not change it) and multiplies by the same coord factor.
    /// </summary>
    internal sealed class SideBySideScorer : Scorer
    {
        private readonly Scorer[] _scorers;
        private readonly int[] _docs;
        private readonly float[] _coord;
        private int _doc = -1;

        public SideBySideScorer(Weight weight, Scorer[] scorers, float[] coord) : base(weight)
        {
            _scorers = scorers;
            _coord = coord;
            _docs = new int[scorers.Length];
            for (var i = 0; i < scorers.Length; i++) _docs[i] = scorers[i].DocID;
        }

        public override int DocID => _doc;

        public override int NextDoc()
        {
            var (current, least) = (_doc, NO_MORE_DOCS);
            for (var i = 0; i < _docs.Length; i++)
            {
                var doc = _docs[i];
                if (doc == current) doc = _docs[i] = _scorers[i].NextDoc();
                if (doc < least) least = doc;
            }
            return _doc = least;
        }

        public override int Advance(int target)
        {
            var least = NO_MORE_DOCS;
            for (var i = 0; i < _docs.Length; i++)
            {
                var doc = _docs[i];
                if (doc < target) doc = _docs[i] = _scorers[i].Advance(target);
                if (doc < least) least = doc;
            }
            return _doc = least;
        }

        public override float GetScore()
        {
            var (sum, matching) = (0d, 0);
            for (var i = 0; i < _docs.Length; i++)
            {
                if (_docs[i] != _doc) continue;
                sum += _scorers[i].GetScore();
                matching++;
            }
            return (float)sum * _coord[matching];
        }

        public override int Freq
        {
            get
            {
                var matching = 0;
                foreach (var doc in _docs)
                    if (doc == _doc) matching++;
                return matching;
            }
        }

        public override long GetCost()
        {
            var cost = 0L;
            foreach (var scorer in _scorers) cost += scorer.GetCost();
            return cost;
        }

        public override ICollection<ChildScorer> GetChildren() => [.. _scorers.Select(s => new ChildScorer(s, "SHOULD"))];
    }
}
