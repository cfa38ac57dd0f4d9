using Summit.Engine.Gazetteer;
using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>Turning a subject phrase into a speaker: a person, a pronoun's antecedent, a place or the phrase itself.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>Turns the noun phrase [s, e) into a speaker name: a person, a pronoun's antecedent or the phrase.</summary>
    private string? Phrase(int s, int e, int verb)
    {
        while (s < e && !Doc.IsWord(s) && Doc.Tokens[s].Kind != TokenKind.Number) s++;
        while (e > s && Doc.Tokens[e - 1].Kind is TokenKind.Punct or TokenKind.Possessive) e--;
        if (e <= s) return null;
        // The last person named in the phrase ("US Secretary of State Antony Blinken", "Mr Putin's spokesman"
        // counts as Putin's side, which is what readers search for).
        for (var t = e - 1; t >= s; t--)
            if (PersonAt[t] is { } p)
                return p.Name;
        // A pronoun subject of a reporting verb: the nearest earlier source (measured better than the same
        // sentence's first person, which is right for "X condemned what he called …" but wrong more often).
        if (e - s == 1 && Lexicon.PronounOf(Doc[s]) is { } pronoun)
            return Antecedent(pronoun, Doc.Tokens[s].Start, sameSentence: false);
        if (!NamesASource(s, e)) return null;
        if (e - s > MaxSourceHeadTokens) e = s + MaxSourceHeadTokens; // "a German user from Hanover going by the handle …": its head is enough
        while (e - s > 1 && IsFunctionWord(Doc[e - 1])) e--; // "U.S. Court of Appeals for" → "U.S. Court of Appeals"
        // Drop a leading determiner; keep "Ukraine's foreign ministry", "the Kremlin" → "Kremlin".
        while (s < e && Doc.IsWord(s) && Lexicon.Determiners.Contains(Doc[s])) s++;
        if (e <= s) return null;
        // "…, Harris Upham and Co said": a legal form alone names nobody; the firm's name before it does.
        if (e - s == 1 && Lexicon.LegalForms.Contains(Doc[s]))
        {
            var k = s - 1;
            while (k >= 0 && s - k < MaxFirmNameTokens && (Doc.Is(k, TokenKind.Newline) || Doc.IsWord(k) && (char.IsUpper(Doc[k][0]) || Doc[k] == "and") || Doc.IsPunct(k, '&'))) k--;
            k++;
            while (k < s && !(Doc.IsWord(k) && char.IsUpper(Doc[k][0]))) k++;
            if (k == s) return null;
            return string.Join(' ', Doc.Slice(k, e).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        }
        var text = Doc.Slice(s, e);
        if (!text.Any(char.IsLetter)) return null;
        // A time phrase is no speaker ("Tuesday morning", "two weeks ago", "at one point", "in the past"); a numeral
        // alone may be a source ("…," read one).
        var timeOnly = true;
        for (var t = s; t < e && timeOnly; t++)
            timeOnly = !Doc.IsWord(t) || Lexicon.Calendar.Contains(Doc[t]) || TimeWords.Contains(Doc[t])
                       || FewNumerals.Contains(Doc[t]) && t + 1 < e;
        if (timeOnly) return null;
        if (e - s == 1 && PlaceAt[s] is { } place && place.Readings[0].Kind != PlaceKind.Demonym)
            return place.Readings[0].Name;
        return text;
    }

    /// <summary>A plural role ("Analysts", "Economists") or quantifier ("Some", "Many") that describes, not names, the speakers.</summary>
    internal static bool IsDescription(string w)
    {
        var lower = w.ToLowerInvariant();
        return DescriptionWords.Contains(lower)
               || lower.EndsWith('s') && Lexicon.RoleNouns.Contains(lower[..^1]);
    }

    /// <summary>
    /// A misread clause rather than a noun phrase ("Heaping", "don't", "Shortly afterward", "do a cover", "member of
    /// the", "decided against"): returning null lets the next rule try.
    /// </summary>
    private bool NamesASource(int s, int e)
    {
        var last = Doc[e - 1];
        if (IsFunctionWord(last) && !(e - s > 1 && Lexicon.NameParticles.Contains(last))) return false;
        if (Doc[s] is "do" or "to" or "be") return false;
        // "…, said of the encounter" / "…, said at the time": a prepositional phrase after the verb, not its subject.
        if (PhrasePrepositions.Contains(Doc[s])) return false;
        if (e - s > 1) return true;
        if (char.IsLower(last[0]))
            return !(last.EndsWith("ly") || last.EndsWith("ing") || last.Contains('\'') || last.Contains('\u2019') || last.EndsWith("ed") && last.Length > 4 || AdverbsNotSources.Contains(last));
        // A capitalised word opening a sentence may be any word ("Fundraising was …", "Appearing on …").
        return CapitalisedSources.Contains(last)
               || !(Lexicon.CapitalisedCommon.Contains(last) || Doc.IsSentenceStart(s) && (last.EndsWith("ing") || last.EndsWith("ed") || last.EndsWith("ly")));
    }

    private static bool IsFunctionWord(string w) => FunctionWords.Contains(w);
}
