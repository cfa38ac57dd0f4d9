using static Summit.Engine.Extraction.Speakers.SpeakerWindows;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>
/// "… about "how the system is rigged," and "wounded American families" and "…"": a quote joined to the one before it
/// by "and", "or" or commas continues its list and its speaker; an attribution right after the list ("Guns are "…" and
/// "…," Howard Dean proclaimed") names the speaker of the whole list, unless a person introduced its first quote.
/// </summary>
internal sealed class QuoteList : ISpeakerRule
{
    public string? Try(SpeakerContext article, QuoteSite quote)
    {
        var qi = quote.Index;
        var quotes = article.Quotes;
        if (quote.OpensSentence || qi == 0 || article.Speakers[qi - 1] is not { } previous || !article.JoinedToPrevious(quotes[qi - 1], quote.Open))
            return null;
        var first = qi - 1;
        while (first > 0 && qi - first < MaxListQuotes && article.JoinedToPrevious(quotes[first - 1], article.Doc.TokenAt(quotes[first].Open))) first--;
        var introduced = article.Before(article.Doc.TokenAt(quotes[first].Open));
        var speaker = introduced != null && article.IsPerson(introduced) ? previous : quote.After ?? previous;
        for (var k = first; k < qi; k++) article.Reattribute(k, speaker, ((ISpeakerRule)this).Name);
        return speaker;
    }
}
