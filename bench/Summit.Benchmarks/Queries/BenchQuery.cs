namespace Summit.Benchmarks.Queries;

/// <summary>One benchmark query, in the terms a user of the API would give it.</summary>
/// <param name="Class">One of <see cref="QueryClasses"/>.</param>
/// <param name="Terms">The words of the query, lower case, without operators.</param>
/// <param name="Phrase">Search the words as an exact phrase.</param>
/// <param name="Country">ISO code filter (the country facet), if any.</param>
/// <param name="Person">Person facet filter, if any.</param>
/// <param name="SortByDate">Newest first instead of relevance.</param>
/// <param name="Quotes">Search quote documents (the quote search) instead of articles.</param>
public sealed record BenchQuery(
    string Class,
    IReadOnlyList<string> Terms,
    bool Phrase = false,
    string? Country = null,
    string? Person = null,
    bool SortByDate = false,
    bool Quotes = false)
{
    /// <summary>The query text in Lucene/Summit syntax: words joined by AND, or one quoted phrase.</summary>
    public string Text => Phrase ? $"\"{string.Join(' ', Terms)}\"" : string.Join(" AND ", Terms);

    public override string ToString()
    {
        var parts = new List<string> { Text };
        if (Country is not null) parts.Add($"country={Country}");
        if (Person is not null) parts.Add($"person={Person}");
        if (SortByDate) parts.Add("sort=date");
        if (Quotes) parts.Add("quotes");
        return $"[{Class}] {string.Join(' ', parts)}";
    }
}

/// <summary>The query classes, in report order.</summary>
public static class QueryClasses
{
    public const string HighTerm = "term-high";
    public const string MediumTerm = "term-medium";
    public const string LowTerm = "term-low";
    public const string TwoWordAnd = "and-2";
    public const string Phrase = "phrase";
    public const string CountryFilter = "country+term";
    public const string PersonFacet = "person+term";
    public const string DateSort = "date-sort";
    public const string Typo = "typo";
    public const string Quote = "quote";

    public static readonly IReadOnlyList<string> All =
        [HighTerm, MediumTerm, LowTerm, TwoWordAnd, Phrase, CountryFilter, PersonFacet, DateSort, Typo, Quote];
}
