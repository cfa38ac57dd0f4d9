using Summit.Engine.Extraction;

namespace Summit.Tests.Extraction;

/// <summary>
/// One row of a table of speaker cases: the rule that must find each listed quote's speaker (a class name of
/// <c>SpeakerResolver.Rules</c>, or <see cref="NoRule"/>), the name of the case (the name of the test it used to be),
/// the article body and the speaker expected for each quote, found by how the quote starts.
/// <see cref="ToString"/> is the rule and the name, so a failing row says which rule broke.
/// </summary>
public sealed record SpeakerCase(string? Rule, string Name, string Body, params (string QuoteStart, string? Speaker)[] Expected)
{
    /// <summary>No rule finds a speaker.</summary>
    public const string? NoRule = null;

    /// <summary>
    /// The person a listed quote's role description resolves to (<see cref="Quote.RoleHolder"/>, by the RoleHolders
    /// step after the rules), by how the quote starts; every listed quote not here must have none.
    /// </summary>
    public (string QuoteStart, string? Holder)[] RoleHolders { get; init; } = [];

    public override string ToString() => $"{Rule ?? "no rule"}: {Name}";

    /// <summary>Extracts the body and checks each listed quote's speaker and the rule that gave it.</summary>
    public void AssertHolds(Func<string, ArticleFacts> extract)
    {
        var trace = new List<(int Start, string? Rule)>();
        SpeakerResolver.Trace.Value = trace;
        ArticleFacts facts;
        try
        {
            facts = extract(Body);
        }
        finally
        {
            SpeakerResolver.Trace.Value = null;
        }
        foreach (var (quoteStart, speaker) in Expected)
        {
            var quote = facts.Quotes.SingleOrDefault(q => q.Text.StartsWith(quoteStart, StringComparison.Ordinal));
            Assert.True(quote is not null, $"no quote starting with \"{quoteStart}\"; found: {string.Join(" | ", facts.Quotes.Select(q => q.Text))}");
            Assert.Equal(speaker, quote.Speaker);
            Assert.Equal(RoleHolders.SingleOrDefault(h => h.QuoteStart == quoteStart).Holder, quote.RoleHolder);
            Assert.Equal(Rule, trace.Single(t => t.Start == quote.Start).Rule);
        }
    }
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
