using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Summit.Engine.Search;

/// <summary>
/// The indexed words within a misspelt word's allowed edits, one field at a time, expanded once per request.
/// Expanding walks the term dictionary with a Levenshtein automaton (the costly part of a typo search), and the
/// typo-tolerant search and "did you mean" need the same expansions of the body and title.
/// </summary>
public sealed class FuzzyExpansions(IndexReader reader)
{
    private readonly Dictionary<(string Field, string Word), Query> _expanded = [];
    // A word's Levenshtein automata (one per edit distance) depend on the word alone, not on the field: built for
    // the first field, they serve the others. Building them is most of an expansion's cost (for two edits, several
    // times the walk of the term dictionary).
    private readonly Dictionary<string, List<CompiledAutomaton>> _automata = new(StringComparer.Ordinal);

    private readonly Dictionary<string, int> _edits = new(StringComparer.Ordinal);

    public IndexReader Reader => reader;

    /// <summary>
    /// The edits a word is expanded with: <see cref="QueryBuilder.AllowedEdits"/>, except that only the first
    /// <see cref="QueryBuilder.MaxTwoEditWords"/> words expanded in a request get two (a two-edit automaton costs
    /// several times a one-edit one, and more the longer the word); later words get one. Fixed at the word's first
    /// expansion, so the search and "did you mean" agree.
    /// </summary>
    public int EditsFor(string word)
    {
        if (_edits.TryGetValue(word, out var edits)) return edits;
        edits = QueryBuilder.AllowedEdits(word);
        if (edits > 1 && _edits.Values.Count(e => e > 1) >= QueryBuilder.MaxTwoEditWords) edits = 1;
        _edits[word] = edits;
        return edits;
    }

    /// <summary>The word's fuzzy query on the field, already rewritten into its matching terms (boost 1).</summary>
    public Query For(string field, string word)
    {
        if (!_expanded.TryGetValue((field, word), out var query))
        {
            if (!_automata.TryGetValue(word, out var automata)) _automata[word] = automata = [];
            query = new SharedAutomataQuery(new Term(field, word), EditsFor(word), automata).Rewrite(reader);
            _expanded[(field, word)] = query;
        }
        return query;
    }

    /// <summary>The indexed words of the field the word's fuzzy query matched (<see cref="For(string, string)"/>).</summary>
    public IReadOnlyCollection<string> Matches(string field, string word)
    {
        var terms = new HashSet<Term>();
        For(field, word).ExtractTerms(terms);
        return [.. terms.Select(t => t.Text)];
    }

    /// <summary>The same, weighted: a rewritten query's clauses scale with the boost of the query around them.</summary>
    public Query For(string field, string word, float boost)
    {
        var query = (Query)For(field, word).Clone();
        query.Boost = boost;
        return query;
    }

    /// <summary>
    /// A <see cref="FuzzyQuery"/> (first letter fixed, transpositions count as one edit, at most
    /// <see cref="QueryBuilder.MaxTypoExpansions"/> terms) whose automata are taken from, or left in, a list shared
    /// with the same word's queries on other fields. Lucene keeps them in an attribute for the segments of one
    /// field; seeding that attribute skips the build and changes nothing else.
    /// </summary>
    private sealed class SharedAutomataQuery(Term term, int maxEdits, List<CompiledAutomaton> shared)
        : FuzzyQuery(term, maxEdits, prefixLength: 1, maxExpansions: QueryBuilder.MaxTypoExpansions, transpositions: true)
    {
        protected override TermsEnum GetTermsEnum(Terms terms, AttributeSource atts)
        {
            var automata = atts.AddAttribute<FuzzyTermsEnum.ILevenshteinAutomataAttribute>().Automata;
            if (automata.Count == 0) foreach (var automaton in shared) automata.Add(automaton);
            var termsEnum = base.GetTermsEnum(terms, atts);
            if (automata.Count > shared.Count)
            {
                shared.Clear();
                shared.AddRange(automata);
            }
            return termsEnum;
        }
    }
}
