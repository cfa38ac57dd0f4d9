namespace Summit.Engine.Extraction.Speakers;

/// <summary>One way of finding a quote's speaker. <see cref="SpeakerResolver"/> asks the rules in order; the first that answers wins.</summary>
internal interface ISpeakerRule
{
    /// <summary>The rule's name, as in docs/extraction.md and the test tables: its class name.</summary>
    string Name => GetType().Name;

    /// <summary>The quote's speaker by this rule, or null when the rule does not apply or finds none.</summary>
    string? Try(SpeakerContext article, QuoteSite quote);
}
