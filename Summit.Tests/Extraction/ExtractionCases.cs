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
