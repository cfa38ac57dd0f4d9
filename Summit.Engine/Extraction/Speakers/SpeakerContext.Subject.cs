using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>The subject phrase of a reporting verb: before it (skipping appositives, relative clauses and party tags) or,
/// inverted, after it.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>The noun phrase ending just before a reporting verb, not reaching before <paramref name="sentStart"/>.</summary>
    private string? Subject(int verb, int sentStart)
    {
        if (RelativeClauseSubject(verb, sentStart) is { } beforeWho) return beforeWho;
        var e = SkipParenthesis(TrimAuxiliaries(sentStart, verb), sentStart);
        if (e <= sentStart) return null;
        // Appositive: "Hugh Hill, a doctor at the clinic, said" / "His partner, Lawrence Cummings, said"
        string? inner = null;
        // Up to two appositives or relative clauses ("X, a spokeswoman for Y, which represents Z, said").
        for (var level = 0; level < MaxAppositives && Doc.IsPunct(e - 1, ','); level++)
        {
            var comma = -1;
            for (var k = e - 2; k >= Math.Max(sentStart, e - MaxRelativeClauseTokens); k--)
            {
                if (Doc.Tokens[k].Kind == TokenKind.Quote) return null;
                if (Doc.IsPunct(k, ',')) { comma = k; break; }
            }
            if (comma < 0 || comma <= sentStart) return level == 0 ? null : inner;
            var relative = Doc.IsWord(comma + 1) && RelativePronouns.Contains(Doc[comma + 1]);
            if (!relative && e - comma > MaxAppositiveTokens) return level == 0 ? null : inner;
            if (!relative) inner ??= PersonIn(comma + 1, e - 1);
            e = SkipParenthesis(comma, sentStart);
        }
        var s = e;
        while (s > sentStart && e - s < MaxSubjectTokens && IsSubjectToken(s - 1)) s--;
        if (s == e) return inner;
        // "Clinton, during a meeting in Columbus, Ohio, said": a place after a preposition is its object, not the subject.
        if (s > sentStart && Doc.IsWord(s - 1) && Doc[s - 1] is "in" or "at" or "near" && PlaceAt[s] != null && PersonIn(s, e) == null)
            return inner;
        // A pronoun inside the phrase is the subject itself ("… network RT he blasted").
        for (var k = e - 1; k >= s; k--)
            if (Doc.IsWord(k) && Lexicon.PronounOf(Doc[k]) is { } pr && pr is not ("it" or "i")) { s = k; e = k + 1; break; }
        if (inner != null && PersonIn(s, e) == null) return inner;
        // "The town released a statement Wednesday saying …": a past tense with its object ends the subject.
        for (var k = s + 1; k < e - 1; k++)
            if (Doc.IsWord(k) && char.IsLower(Doc[k][0]) && (Doc[k].EndsWith("ed") || Lexicon.IrregularPast.Contains(Doc[k]))
                && Doc.IsWord(k + 1) && ObjectOpeners.Contains(Doc[k + 1]) && PersonIn(s, k) == null)
            {
                e = k;
                break;
            }
        return Phrase(s, e, verb);
    }

    /// <summary>
    /// "Michael Seaman, who lives in an area outside the state capital, Sacramento, said": a relative clause, commas and
    /// all, between a person and the verb; the person before ", who" is the subject.
    /// </summary>
    private string? RelativeClauseSubject(int verb, int sentStart)
    {
        if (!Doc.IsPunct(verb - 1, ',')) return null;
        for (var k = verb - 2; k >= Math.Max(sentStart + 2, verb - MaxRelativeClauseTokens); k--)
        {
            if (Doc.Tokens[k].Kind is TokenKind.Quote or TokenKind.Newline || IsAttributionVerb(k)) return null;
            if (Doc.IsWord(k) && Doc[k] == "who" && Doc.IsPunct(k - 1, ',')) return PersonAt[k - 2]?.Name;
        }
        return null;
    }

    /// <summary>"Rep. John Mica (R-Fla.) said": the party/state tag between name and verb is skipped.</summary>
    private int SkipParenthesis(int e, int floor)
    {
        if (!Doc.IsPunct(e - 1, ')')) return e;
        for (var k = e - 2; k >= Math.Max(floor, e - MaxParenthesisTokens); k--)
            if (Doc.IsPunct(k, '(')) return k;
        return e;
    }

    private int TrimAuxiliaries(int from, int verb)
    {
        var e = verb;
        while (e > from && Doc.IsWord(e - 1) && (Lexicon.Auxiliaries.Contains(Doc[e - 1])
               || char.IsLower(Doc[e - 1][0]) && Doc[e - 1].EndsWith("ly") && Doc[e - 1].Length > 4)) e--;
        return e;
    }

    /// <summary>End of the inverted subject in "said X, a spokesman": up to a comma, colon or the sentence end.</summary>
    private int InvertedEnd(int from)
    {
        var n = Doc.Tokens.Count;
        if (from >= n) return from;
        var sentence = Doc.SentenceOf[from];
        var e = from;
        while (e < n && e - from < MaxSubjectTokens && Doc.SentenceOf[e] == sentence
               && Doc.Tokens[e].Kind is not (TokenKind.Newline or TokenKind.Quote)
               && !(Doc.Tokens[e].Kind == TokenKind.Punct && Doc.Text[Doc.Tokens[e].Start] is ',' or ';' or ':' or '(' or '!' or '?')
               // "said X when asked about Y": a clause after the name is not part of it.
               && !(e > from && Doc.IsWord(e) && InvertedSubjectEnders.Contains(Doc[e])))
            e++;
        return e;
    }

    private bool IsSubjectToken(int t)
    {
        var tok = Doc.Tokens[t];
        if (tok.Kind is TokenKind.Possessive or TokenKind.Number) return true;
        if (tok.Kind == TokenKind.Punct)
            return Doc.Text[tok.Start] is '.' or '-' && t > 0 && Doc.IsWord(t - 1) && Doc[t - 1].Length <= MaxAbbreviationLength
                   || Doc.Text[tok.Start] == '-' && t > 0 && Doc.Tokens[t - 1].End == tok.Start && t + 1 < Doc.Tokens.Count && Doc.Tokens[t + 1].Start == tok.End;
        if (tok.Kind != TokenKind.Word) return false;
        var w = Doc[t];
        if (char.IsLower(w[0]) && w.EndsWith("ly") && w.Length > 4) return false;
        if (ClauseStarters.Contains(w)) return false;
        return !SubjectBreakers.Contains(w) && !Lexicon.ReportingVerbs.Contains(w);
    }

    private bool IsAttributionVerb(int t) =>
        Doc.IsWord(t) && Lexicon.ReportingVerbs.Contains(Doc[t]) && !Lexicon.FramingVerbs.Contains(Doc[t]) && !Doc[t].EndsWith("ing") && !IsNounUse(t);

    /// <summary>
    /// "his warning", "the praise", "Obama's praise": a reporting verb's form right after a determiner
    /// or a possessive is a noun, and the phrase before it is no subject.
    /// </summary>
    private bool IsNounUse(int v) =>
        v > 0 && (IsDeterminerOrPossessive(v - 1)
                  // "Trump's repeated calls", "his latest remarks": a determiner and an adjective before it.
                  || v > 1 && Doc.IsWord(v - 1) && IsAdjectiveBeforeNoun(Doc[v - 1]) && IsDeterminerOrPossessive(v - 2));

    private static bool IsAdjectiveBeforeNoun(string w) =>
        AdjectivesBeforeNoun.Contains(w);

    private bool IsDeterminerOrPossessive(int t) =>
        Doc.Is(t, TokenKind.Possessive)
        || Doc.IsWord(t) && NounMarkers.Contains(Doc[t]);

    private string? PersonIn(int s, int e)
    {
        for (var t = e - 1; t >= s; t--)
            if (t >= 0 && t < PersonAt.Length && PersonAt[t] is { } p) return p.Name;
        return null;
    }
}
