using Summit.Engine.Extraction.Speakers;

namespace Summit.Engine.Extraction;

/// <summary>
/// Attributes quotes to speakers without a parser: asks the rules of <see cref="Rules"/> in order for each quote, and
/// the first that answers wins. The rules find the reporting verb next to the quote (after it: "…," X said / said X;
/// before it: X said: "…" / X said that … "…" / according to X), take the noun phrase on its subject side (skipping
/// appositives) and map it to a canonical person, a pronoun's antecedent, or the organisation / government named.
/// Quotes with no verb of their own continue the previous quote's speaker when they follow it closely, else belong to
/// their sentence's subject, else to the article's latest source. Last, a role description ("the Tory leader") gets
/// the one person the article names in that role (<see cref="RoleHolders"/>). All per-article state is in a
/// <see cref="SpeakerContext"/>, made per call.
/// </summary>
internal static class SpeakerResolver
{
    /// <summary>The rules in the order they are asked (docs/extraction.md describes each).</summary>
    public static readonly IReadOnlyList<ISpeakerRule> Rules =
    [
        new AttributionAfterOpeningQuote(),
        new AttributionBeforeOpeningQuote(),
        new QuoteList(),
        new InvertedSaidRightAfter(),
        new PersonReportingBefore(),
        new AttributionAfterInsideQuote(),
        new ClosingAttribution(),
        new NonPersonReportingBefore(),
        new SubjectBeforeColon(),
        new ReporterOfPreviousSentence(),
        new LastSpeakerGoesOn(),
        new IntroducedByPreviousSentence(),
        new SentenceSubject(),
        new LastSpeakerNearby(),
        new PersonEarlierInParagraph(),
        new LatestSource(),
        new LastSpeaker(),
    ];

    /// <summary>
    /// Set by tests to learn which rule gave each quote its speaker: (the quote's start offset, the rule's name or
    /// <see cref="SpeakerContext.ParagraphRun"/>; null when none did), added for every article extracted in this flow.
    /// </summary>
    internal static readonly AsyncLocal<List<(int Start, string? Rule)>?> Trace = new();

    /// <summary>
    /// The speaker of each quote, in order (null: none found), and for a speaker that is a role description the person
    /// the article names in that role (<see cref="RoleHolders"/>; else null).
    /// </summary>
    public static (List<string?> Speakers, List<string?> RoleHolders) Resolve(TextDocument doc, List<Person> persons, Person?[] personAt, PlaceHit?[] placeAt, List<RawQuote> quotes)
    {
        var article = new SpeakerContext(doc, persons, personAt, placeAt, quotes);
        for (var qi = 0; qi < quotes.Count; qi++)
        {
            var quote = new QuoteSite(article, qi);
            string? speaker = null, rule = null;
            if (doc.Tokens.Count > 0)
                foreach (var r in Rules)
                    if (r.Try(article, quote) is { } found)
                    {
                        (speaker, rule) = (found, r.Name);
                        break;
                    }
            article.Settle(quote, speaker, rule);
        }
        var result = article.Speakers;
        // "Analysts said …", "Some traders said": a description that opens its sentence with a capital names nobody
        // (lowercased only here, when every rule has used the phrase as found).
        for (var i = 0; i < result.Count; i++)
            if (result[i] is { Length: > 1 } sp && char.IsUpper(sp[0]) && SpeakerContext.IsDescription(sp.Split(' ')[0]))
                result[i] = char.ToLowerInvariant(sp[0]) + sp[1..];
        // "The Tory leader said": the quote keeps the description it was attributed to, as written (PolNeAR's sources
        // are such spans); the person holding the role is who the quote is by in the speaker facet.
        var roles = new RoleHolders(doc, personAt);
        var holders = result.Select(s => s != null && !article.IsPerson(s) ? roles.HolderOf(s) : null).ToList();
        if (Trace.Value is { } trace)
            for (var i = 0; i < quotes.Count; i++) trace.Add((quotes[i].Start, article.AnsweredBy[i]));
        return (result, holders);
    }
}
