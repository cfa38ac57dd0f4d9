using static Summit.Engine.Extraction.Speakers.SpeakerWindows;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>Pronoun speakers: he/she to the nearest earlier source or person that fits, they/we/it to the last speaker.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>he/she → the latest person of that gender mentioned before; they/we/it → the last speaker.</summary>
    private string? Antecedent(string pronoun, int before, bool sameSentence = false)
    {
        if (pronoun is "he" or "she")
        {
            var want = pronoun == "he" ? 'M' : 'F';
            if (_building) return null;
            // Without a reporting verb, a person named earlier in the same sentence ("As part of Kishida's
            // visit, he is to offer "…"") is the referent; "X criticised Y, he said" is not such a case.
            var at = Doc.TokenAt(before);
            if (sameSentence)
            {
                var floor = Math.Max(Doc.Sentences[Doc.SentenceOf[Math.Min(at, Doc.Tokens.Count - 1)]].Start, at - SentenceLookBack);
                for (var t = at - 1; t >= floor; t--)
                    if (PersonAt[t] is { } p && (p.Gender == '\0' || p.Gender == want)) return p.Name;
            }
            // The nearest earlier subject of a reporting verb ("Rendell said he …") that fits the pronoun.
            var sources = Sources();
            // Bounded look-back, so that a text of a thousand "he said" stays linear.
            var latest = LastSourceBefore(before);
            for (var k = latest; k >= 0 && k > latest - SourcesLookBack; k--)
            {
                var name = sources[k].Name;
                if (IsIndefinite(name)) continue;
                var fits = _byName.TryGetValue(name, out var sp) && (sp.Gender == want || sp.Gender == '\0');
                if (!fits && !_unlisted.Contains(name)) continue;
                // "…, which concerns Henry Crespo, president of the caucus." closing the paragraph before "…," he said: the
                // person a paragraph ends by introducing is who speaks next, though not the subject of a reporting verb.
                if (IntroducedSince(sources[k].Pos, at, want) is { } introduced) return introduced;
                return name;
            }
            // The last speaker, if a person of that gender, is the usual referent of "he said" in news.
            if (LastSpeaker != null && _byName.TryGetValue(LastSpeaker, out var last)
                && (last.Gender == want || last.Gender == '\0' && last.Name.Contains(' ')))
                return last.Name;
            // Else the nearest person named before it (a bounded look-back keeps long texts linear).
            for (var t = at - 1; t >= Math.Max(0, at - PersonLookBack); t--)
                if (PersonAt[t] is { } p && (p.Gender == '\0' || p.Gender == want) && !InQuote(t)) return p.Name;
            return null;
        }
        return pronoun is "i" ? null : LastSpeaker;
    }

    /// <summary>
    /// The person the previous paragraph ends by introducing with an appositive ("…, Henry Crespo, president of the
    /// caucus."), after the source at <paramref name="sourcePos"/>; null if anyone else is named after them.
    /// </summary>
    private string? IntroducedSince(int sourcePos, int at, char want)
    {
        var paragraph = Doc.ParagraphOf(Doc.Tokens[Math.Min(at, Doc.Tokens.Count - 1)].Start);
        // Bounded look-back (a paragraph's worth), so that many "he said" far from any source stay linear.
        for (var t = at - 1; t >= Math.Max(0, at - ParagraphLookBack) && Doc.Tokens[t].Start > sourcePos; t--)
        {
            if (PersonAt[t] is not { } p || InQuote(t)) continue;
            if (p.Gender != want || Doc.ParagraphOf(Doc.Tokens[t].Start) != paragraph - 1) return null;
            var e = t + 1;
            while (e < PersonAt.Length && PersonAt[e] == p) e++;
            if (!Doc.IsPunct(e, ',') || !Doc.IsWord(e + 1) || !(Doc[e + 1] is "a" or "an" or "the" || Lexicon.RoleNouns.Contains(Doc[e + 1]) || Lexicon.Titles.Contains(Doc[e + 1])))
                return null;
            for (var k = e + 1; k < Doc.Tokens.Count && Doc.ParagraphOf(Doc.Tokens[k].Start) == paragraph - 1; k++)
                if (PersonAt[k] != null && PersonAt[k] != p || Doc.Is(k, TokenKind.Quote)) return null;
            return p.Name;
        }
        return null;
    }
}
