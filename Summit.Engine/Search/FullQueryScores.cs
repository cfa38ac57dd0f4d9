using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Summit.Engine.Search;

/// <summary>
/// Gives the page collector the full query's scores while the search iterates a cheaper query with the same
/// matches. Multi-select facets (<see cref="FacetCounter"/>) must see every match of the query without the selected
/// values, though only the documents with them reach the page; a filter on a frequent word (person=X, "oil") used
/// to score tens of thousands of matches to keep a few hundred. Now the cheap query (<see cref="QueryBuilder.MatchOnly"/>:
/// no unstemmed twins, no proximity) walks them, and the full query is advanced to the survivors only.
/// </summary>
public sealed class FullQueryScores(Weight full, ICollector page) : ICollector
{
    private readonly FixedScore _score = new();
    private Scorer? _full;

    public void SetScorer(Scorer scorer) => page.SetScorer(_score);

    public void SetNextReader(AtomicReaderContext context)
    {
        // Deleted documents never reach Collect: the cheap query's search leaves them out.
        _full = full.GetScorer(context, null);
        page.SetNextReader(context);
        page.SetScorer(_score);
    }

    public void Collect(int doc)
    {
        if (_full is null) return;
        var at = _full.DocID < doc ? _full.Advance(doc) : _full.DocID;
        // Both queries match the same documents; should they ever differ, the page leaves the document out
        // rather than show it with a wrong score.
        if (at != doc) return;
        (_score.Doc, _score.Value) = (doc, _full.GetScore());
        page.Collect(doc);
    }

    // Advance needs increasing document numbers.
    public bool AcceptsDocsOutOfOrder => false;

    private sealed class FixedScore() : Scorer(null)
    {
        public float Value;
        // Read by the page collector's score cache.
        public int Doc = -1;

        public override float GetScore() => Value;
        public override int Freq => 1;
        public override int DocID => Doc;
        public override int NextDoc() => throw new NotSupportedException();
        public override int Advance(int target) => throw new NotSupportedException();
        public override long GetCost() => 1;
    }
}
