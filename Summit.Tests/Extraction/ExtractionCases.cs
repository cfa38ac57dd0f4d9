namespace Summit.Tests.Extraction;

/// <summary>
/// One row of a table of extraction cases: the name of the rule it pins (the name of the test it used to be),
/// the article body and the speaker expected for each quote, found by how the quote starts.
/// <see cref="ToString"/> is the name, so a failing row says which rule broke.
/// </summary>
public sealed record SpeakerCase(string Name, string Body, params (string QuoteStart, string? Speaker)[] Expected)
{
    public override string ToString() => Name;
}

/// <summary>
/// One row of a table of extraction cases whose fact is a list of names or codes (the persons found, the countries):
/// the name of the rule it pins (the name of the test it used to be), the article body (and headline) and the whole list expected, in order.
/// </summary>
public sealed record FactsCase(string Name, string Body, params string[] Expected)
{
    /// <summary>The headline of the article; rows that test headlines set it.</summary>
    public string Title { get; init; } = "Test";

    public override string ToString() => Name;
}
