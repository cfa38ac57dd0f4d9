using static Summit.Engine.Extraction.Speakers.SpeakerWindows;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>The quote's place among the others: in a list of quotes, after the last quote, in its paragraph.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>Only "and", "or" and commas stand between the previous quote's closing mark and this opening one.</summary>
    internal bool JoinedToPrevious(RawQuote previous, int open)
    {
        if (previous.Close >= Doc.Text.Length) return false;
        var close = Doc.TokenAt(previous.Close);
        if (close >= open || Doc.SentenceOf[close] != Doc.SentenceOf[open]) return false;
        var conjunction = false;
        for (var t = close + 1; t < open; t++)
        {
            if (Doc.IsWord(t) && Doc[t] is "and" or "or") conjunction = true;
            else if (!Doc.IsPunct(t, ',')) return false;
        }
        return conjunction;
    }

    /// <summary>
    /// The person named last before a quote in its own paragraph, outside quotations: with nothing else to go by, the
    /// paragraph's own person is a likelier source than the article's latest speaker.
    /// </summary>
    internal string? PersonEarlierInParagraph(int open)
    {
        for (var t = Math.Min(open, PersonAt.Length) - 1; t >= Math.Max(0, open - ParagraphPersonLookBack) && Doc.Tokens[t].Kind != TokenKind.Newline; t--)
            if (PersonAt[t] is { } p && !InQuote(t)) return p.Name;
        return null;
    }

    internal bool IsNear(int sentence, int paragraph) =>
        LastSpeaker != null && (sentence - _lastQuoteSentence <= 1 || paragraph - _lastQuoteParagraph <= 1);

    internal bool StartsItsSentence(int open) => open >= Doc.Tokens.Count || Doc.IsSentenceStart(open) || Doc.IsPunct(open - 1, ':');

    internal int ParagraphOf(int offset) => Doc.ParagraphOf(offset);
}
