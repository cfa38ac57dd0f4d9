namespace Summit.Engine.Search;

/// <summary>
/// Whether a query asks for much work, judged from its syntax before it runs, so the API can keep such searches from
/// crowding out ordinary ones. An ordinary search is a few words, a phrase, a filter; what costs is many words
/// (each a clause over three fields, each possibly corrected for typos), many prefixes (each expanded over the
/// vocabulary) and deep nesting. Heavy queries are still answered, just not many at once.
/// </summary>
public static class QueryCost
{
    /// <summary>More words than this (phrase words included) make a query heavy: past it the proximity boost stops
    /// (<see cref="QueryBuilder.MaxProximityWords"/>) and a query reads as pasted text, not typed words.</summary>
    public const int MaxLightWords = QueryBuilder.MaxProximityWords;

    /// <summary>More prefixes than this make a query heavy: each expands over the vocabulary.</summary>
    public const int MaxLightPrefixes = 2;

    /// <summary>Nesting deeper than this (parentheses, NOT) makes a query heavy.</summary>
    public const int MaxLightDepth = 3;

    /// <summary>True when <paramref name="query"/> is heavy; false for a light one and for one that does not parse
    /// (it is refused with a 400 before it costs anything).</summary>
    public static bool IsHeavy(string? query)
    {
        QueryNode? node;
        try
        {
            node = QuerySyntax.Parse(query);
        }
        catch (QuerySyntaxException)
        {
            return false;
        }
        if (node is null) return false;
        var (words, prefixes, depth) = Measure(node);
        return words > MaxLightWords || prefixes > MaxLightPrefixes || depth > MaxLightDepth;
    }

    private static (int Words, int Prefixes, int Depth) Measure(QueryNode node) => node switch
    {
        WordNode word => (1, word.Prefix ? 1 : 0, 0),
        PhraseNode phrase => (phrase.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, 0, 0),
        NotNode not => Deeper(Measure(not.Child)),
        AndNode and => Deeper(Sum(and.Children)),
        OrNode or => Deeper(Sum(or.Children)),
        _ => (0, 0, 0),
    };

    private static (int Words, int Prefixes, int Depth) Sum(IEnumerable<QueryNode> children) =>
        children.Select(Measure).Aggregate((0, 0, 0), (total, child) =>
            (total.Item1 + child.Words, total.Item2 + child.Prefixes, Math.Max(total.Item3, child.Depth)));

    private static (int Words, int Prefixes, int Depth) Deeper((int Words, int Prefixes, int Depth) measure) =>
        (measure.Words, measure.Prefixes, measure.Depth + 1);
}
