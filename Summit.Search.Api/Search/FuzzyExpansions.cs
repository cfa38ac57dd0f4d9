using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Summit.Search.Api.Search;

/// <summary>
/// The indexed words within a misspelt word's allowed edits, one field at a time, expanded once per request.
/// Expanding walks the term dictionary with a Levenshtein automaton (the costly part of a typo search), and the
/// typo-tolerant search and "did you mean" need the same expansions of the body and title.
/// </summary>
public sealed class FuzzyExpansions(IndexReader reader)
{
    private readonly Dictionary<(string Field, string Word), Query> _expanded = [];

    public IndexReader Reader => reader;

    /// <summary>The word's fuzzy query on the field, already rewritten into its matching terms (boost 1).</summary>
    public Query For(string field, string word)
    {
        if (!_expanded.TryGetValue((field, word), out var query))
        {
            query = new FuzzyQuery(new Term(field, word), QueryBuilder.AllowedEdits(word), prefixLength: 1,
                maxExpansions: QueryBuilder.MaxTypoExpansions, transpositions: true).Rewrite(reader);
            _expanded[(field, word)] = query;
        }
        return query;
    }

    /// <summary>The same, weighted: a rewritten query's clauses scale with the boost of the query around them.</summary>
    public Query For(string field, string word, float boost)
    {
        var query = (Query)For(field, word).Clone();
        query.Boost = boost;
        return query;
    }
}
