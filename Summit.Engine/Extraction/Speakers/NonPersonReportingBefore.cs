namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// The Dutch foreign ministry described the vote as "…": with nothing after it, a quote inside a sentence goes to the
/// subject, not a person, of the reporting clause before it.
/// </summary>
internal sealed class NonPersonReportingBefore : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote) =>
        quote.OpensSentence ? null : quote.Before;
}
