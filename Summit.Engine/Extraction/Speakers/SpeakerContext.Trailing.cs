using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>A closing "…, X said" of the quote's sentence, after the rest of a reported clause.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>
    /// "“Boots on the ground” would be appropriate, Carson said." / "“…” if she lost, said X, an analyst.": a
    /// partial quote inside a reported clause, attributed by a closing "…, X said" / "…, said X" of its sentence.
    /// </summary>
    internal string? Trailing(int close)
    {
        var n = Doc.Tokens.Count;
        if (close >= n) return null;
        var sentence = Doc.SentenceOf[close];
        for (var c = close + 1; c < Math.Min(n - 1, close + TrailingAttributionTokens); c++)
        {
            if (Doc.SentenceOf[c] != sentence || Doc.Tokens[c].Kind is TokenKind.Quote or TokenKind.Newline) return null;
            if (!Doc.IsPunct(c, ',')) continue;
            var k = c + 1;
            if (Doc.IsWord(k) && IsAttributionVerb(k))
                return RestIsPlain(k + 1, sentence) ? Phrase(k + 1, InvertedEnd(k + 1), k) : null;
            // "… greeted with chants of "Bobby!" at a conference last month, according to union president Doris Crouse-Mays."
            if (Doc.IsWord(k) && Doc[k] == "according" && Doc.IsWord(k + 1) && Doc[k + 1] == "to")
                return RestIsPlain(k + 2, sentence) ? Phrase(k + 2, InvertedEnd(k + 2), k + 1) : null;
            for (var v = k + 1; v < Math.Min(n, k + MaxSubjectTokens); v++)
            {
                if (!Doc.IsWord(v) || !IsSubjectToken(v - 1) && !Doc.IsPunct(v - 1, '.')) break;
                if (IsAttributionVerb(v))
                    return RestIsPlain(v + 1, sentence) && (!Doc.IsWord(v + 1) || Doc[v + 1] != "that") ? Subject(v, k) : null;
            }
        }
        return null;
    }

    /// <summary>No further quote in the rest of the sentence: the attribution closes it.</summary>
    private bool RestIsPlain(int from, int sentence)
    {
        for (var t = from; t < Doc.Tokens.Count && Doc.SentenceOf[t] == sentence; t++)
        {
            if (Doc.Tokens[t].Kind == TokenKind.Newline) return true; // the paragraph ends the sentence
            if (Doc.Tokens[t].Kind == TokenKind.Quote) return false;
            // "…, Hollande said Tuesday, noting the nominee "…"": a participle after a comma goes on with the same speaker.
            if (Doc.IsPunct(t, ',') && Doc.IsWord(t + 1) && ContinuingParticiples.Contains(Doc[t + 1])) return true;
        }
        return true;
    }
}
