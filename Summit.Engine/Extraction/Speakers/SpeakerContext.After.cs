using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>Attributions after a quote: "…," X said / said X / — Jane Doe / according to X / "…!" beamed X.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>"When Sanders said at a rally that he …, he "grabbed ahold of …," said Drew Heiserman": a quote ending its
    /// clause and followed at once by an inverted "said X" is X's, whoever reports earlier in the sentence.</summary>
    internal bool InvertedRightAfter(int close)
    {
        var last = LastInside(close);
        var t = close + 1;
        return (Doc.IsPunct(last, ',') || Doc.IsPunct(last, '?') || Doc.IsPunct(last, '!')) && t < Doc.Tokens.Count && IsAttributionVerb(t)
               && t + 1 < Doc.Tokens.Count && Doc.IsWord(t + 1);
    }

    /// <summary>"…," X said / "…," said X / "…," X told reporters, within the closing mark's sentence.</summary>
    internal string? After(int close)
    {
        var t = close + 1;
        var n = Doc.Tokens.Count;
        if (t >= n) return null;
        var last = LastInside(close);
        // Skip punctuation between the mark and the attribution ("…," he said; "…" — she said).
        while (t < n && Doc.Tokens[t].Kind == TokenKind.Punct && Doc.Text[Doc.Tokens[t].Start] is ',' or '-' or '\u2014' or '\u2013' or '\u2015' or '(') t++;
        if (t < n && Doc.Tokens[t].Kind == TokenKind.Newline && SignatureLine(t) is { } signature) return signature;
        if (t >= n || Doc.Tokens[t].Kind is TokenKind.Newline or TokenKind.Quote) return null;
        if (Doc.Tokens[t].Kind == TokenKind.Punct) return null;
        if (Dashed(close + 1, t) is { } signed) return signed;
        // "…" according to a court filing by X / "…," according to CNN: the source named right after the quote.
        if (Doc.IsWord(t) && Doc[t] == "according" && Doc.IsWord(t + 1) && Doc[t + 1] == "to")
            return Phrase(t + 2, InvertedEnd(t + 2), t + 1);
        // "… has "expanded the party," claiming that he …": a participle continues the clause before the
        // quote, whose subject speaks; nothing after it is an attribution.
        if (Doc.IsWord(t) && char.IsLower(Doc[t][0]) && Doc[t].EndsWith("ing") && Doc[t].Length > 5) return null;
        if (!EndsClause(close) && Doc.IsWord(t) && ClauseContinuers.Contains(Doc[t]))
            return InvertedAfterComma(t);
        // "…" Trump, the party's front-runner, … : the person named right after the quote.
        // After a quote ending in ? or ! the splitter starts a new sentence there ("…?" Miller, a retired nurse, said):
        // then a reporting verb must follow the appositive.
        var askedOrExclaimed = Doc.IsPunct(last, '?') || Doc.IsPunct(last, '!');
        // "…!" Rep. Glenn Thompson, R-Pa., said: the person's mention starts after the title; "…," an angry Hollande
        // retaliated: after an article and its adjectives.
        var p0 = AfterArticle(AfterTitles(t));
        if (EndsClause(close) && p0 < PersonAt.Length && PersonAt[p0] is { } named && (!Doc.IsSentenceStart(t) || askedOrExclaimed))
        {
            var k = p0;
            while (k < PersonAt.Length && PersonAt[k] == named) k++;
            if ((Doc.IsPunct(k, ',') || Doc.IsPunct(k, '(')) && (!Doc.IsSentenceStart(t) || VerbFollows(k, AppositiveVerbTokens))) return named.Name;
        }
        // "…," Toomey fumed. / "…?" Hannity pressed. / "…," Trump went on: a person and a past-tense verb right
        // after a quote that ends its clause with , ? or ! speak it, whatever the verb, also before a new clause
        // ("…," Trump barked and a guard …).
        if (Doc.IsPunct(last, ',') || Doc.IsPunct(last, '?') || Doc.IsPunct(last, '!'))
        {
            var actor = p0 < PersonAt.Length ? PersonAt[p0] : null;
            var pronoun = actor == null && Doc.IsWord(t) && Doc[t] is "he" or "she";
            if (actor != null || pronoun)
            {
                var k = (actor != null ? p0 : t) + 1;
                while (actor != null && k < PersonAt.Length && PersonAt[k] == actor) k++;
                if (Doc.IsWord(k) && char.IsLower(Doc[k][0]) && (Doc[k].EndsWith("ed") && Doc[k].Length > 3 || Lexicon.NounLikePresent.Contains(Doc[k])
                        || Doc[k] is "went" && Doc.IsWord(k + 1) && Doc[k + 1] == "on" || Doc[k] is "shot" or "hit" or "struck" && Doc.IsWord(k + 1) && Doc[k + 1] == "back")
                    && (k + 1 >= Doc.Tokens.Count || Doc.Tokens[k + 1].Kind != TokenKind.Word || AfterVerbWords.Contains(Doc[k + 1])))
                    return actor?.Name ?? Phrase(t, t + 1, k);
            }
        }
        // "…!" beamed Donald Hartley / "…," exhorted her introducer, Jamie Lee Curtis: any past tense before the speaker.
        if ((Doc.IsPunct(last, ',') || Doc.IsPunct(last, '?') || Doc.IsPunct(last, '!')) && Doc.IsWord(t)
            && char.IsLower(Doc[t][0]) && Doc[t].EndsWith("ed") && Doc[t].Length > 4 && t + 1 < PersonAt.Length && PersonAt[t + 1] is { } inverted)
        {
            var k = t + 1;
            while (k < PersonAt.Length && PersonAt[k] == inverted) k++;
            if (!Doc.Is(k, TokenKind.Possessive)) return inverted.Name; // not "exhorted Clinton's introducer"
        }
        // Room for an appositive: "…," Scott Pruitt, the attorney general of Oklahoma, said.
        var limit = Math.Min(n, t + AttributionAfterTokens);
        var sentence = Doc.SentenceOf[t];
        // A quote that ends mid-sentence ("an "impartial" mediation in the conflict, X argued") is only
        // attributed forward when the attribution follows at once, not after another clause.
        var endsClause = EndsClause(close);
        // "…?" Graham asked. — the splitter ends a sentence at the quote, but a short subject and a verb
        // right after it still belong to the quote; "…." Later, X tweeted: does not.
        var endedSentence = close < n && Doc.SentenceOf[close] != sentence;
        if (endedSentence) limit = Math.Min(limit, t + AttributionAfterSentenceEndTokens);
        // "… called the lines "unacceptable." Mayor Greg Stanton wrote a letter …": a quote closed by its own full
        // stop is not attributed to the next sentence, unless that sentence is only a short "X said."
        var fullStopped = Doc.IsPunct(last, '.') && endedSentence;
        if (fullStopped) limit = Math.Min(limit, t + AttributionAfterFullStopTokens);
        for (var v = t; v < limit; v++)
        {
            var k = Doc.Tokens[v].Kind;
            if (k is TokenKind.Newline or TokenKind.Quote || Doc.SentenceOf[v] != sentence) return null;
            if (k == TokenKind.Punct && Doc.Text[Doc.Tokens[v].Start] is '!' or '?' or ';' or ':') return null;
            if ((!endsClause || endedSentence) && k == TokenKind.Punct && Doc.Text[Doc.Tokens[v].Start] == ',') return null;
            if (!endsClause && v - t > AttributionMidClauseTokens) return null;
            if (!Doc.IsWord(v) || !Lexicon.ReportingVerbs.Contains(Doc[v]) || Lexicon.FramingVerbs.Contains(Doc[v]) || IsNounUse(v)) continue;
            if (fullStopped && !Doc.IsPunct(v + 1, '.')) return null;
            if (v == t || (v == t + 1 && Doc.IsWord(t) && Lexicon.Auxiliaries.Contains(Doc[t])))
                return Phrase(v + 1, InvertedEnd(v + 1), v); // said X
            return Subject(v, t);                           // X said
        }
        return null;
    }

    /// <summary>"an angry Hollande", "a defiant Trump": the person after an article and up to two lowercase words, else <paramref name="t"/>.</summary>
    private int AfterArticle(int t)
    {
        if (!Doc.IsWord(t) || Doc[t] is not ("a" or "an")) return t;
        for (var k = t + 1; k <= t + 1 + MaxAdjectivesAfterArticle && k < PersonAt.Length; k++)
        {
            if (PersonAt[k] != null) return k;
            if (!Doc.IsWord(k) || !char.IsLower(Doc[k][0])) break;
        }
        return t;
    }

    /// <summary>The token after any personal titles ("Rep.", "Sen.", "Dr") starting at <paramref name="t"/>.</summary>
    private int AfterTitles(int t)
    {
        for (var round = 0; round < MaxTitles && Doc.IsWord(t) && Lexicon.Titles.Contains(Doc[t]); round++)
        {
            t++;
            if (Doc.IsPunct(t, '.')) t++;
        }
        return t;
    }

    /// <summary>A reporting verb within <paramref name="limit"/> tokens of the same sentence, before any quotation mark.</summary>
    private bool VerbFollows(int from, int limit)
    {
        var sentence = Doc.SentenceOf[from];
        for (var v = from; v < Math.Min(Doc.Tokens.Count, from + limit) && Doc.SentenceOf[v] == sentence; v++)
        {
            if (Doc.Tokens[v].Kind is TokenKind.Quote or TokenKind.Newline) return false;
            if (IsAttributionVerb(v)) return true;
        }
        return false;
    }

    private bool EndsClause(int close) =>
        close + 1 < Doc.Tokens.Count && Doc.Tokens[close + 1].Kind == TokenKind.Punct
        || LastInside(close) is var last && last >= 0 && Doc.Tokens[last].Kind == TokenKind.Punct && Doc.Text[Doc.Tokens[last].Start] is ',' or '.' or '?' or '!' or '-' or '\u2014';

    /// <summary>
    /// The last token inside a quote before its closing mark, looking through the closing marks of a quote inside it
    /// ("He said, 'We have to win,'" X said): its punctuation is the outer quote's.
    /// </summary>
    private int LastInside(int close)
    {
        var k = close - 1;
        while (k > 0 && k > close - 1 - MaxInnerClosingMarks && Doc.Is(k, TokenKind.Quote)) k--;
        return k;
    }

    /// <summary>"…" for the EU, said Geert Wilders: an inverted attribution after the quote's clause.</summary>
    private string? InvertedAfterComma(int t)
    {
        var sentence = Doc.SentenceOf[t];
        for (var v = t; v < Math.Min(Doc.Tokens.Count - 1, t + InvertedAfterClauseTokens); v++)
        {
            if (Doc.SentenceOf[v] != sentence || Doc.Tokens[v].Kind is TokenKind.Quote or TokenKind.Newline) return null;
            if (Doc.IsPunct(v, ',') && Doc.IsWord(v + 1) && Doc[v + 1] is "said" or "says" && v + 2 < PersonAt.Length && PersonAt[v + 2] is { } p)
                return p.Name;
        }
        return null;
    }

    /// <summary>A quote whose next line is only a signature: "- Bernie Sanders."</summary>
    private string? SignatureLine(int newline)
    {
        var t = newline;
        while (t < Doc.Tokens.Count && Doc.Tokens[t].Kind == TokenKind.Newline) t++;
        if (t >= Doc.Tokens.Count || !(Doc.Tokens[t].Kind == TokenKind.Punct && Doc.Text[Doc.Tokens[t].Start] is '-' or '\u2014' or '\u2013' or '\u2015'))
            return null;
        return Dashed(t, t + 1);
    }

    /// <summary>A quote signed with a dash: “…” ― Jane Doe (end of paragraph).</summary>
    private string? Dashed(int from, int name)
    {
        var dash = false;
        for (var k = from; k < name; k++)
            if (Doc.Tokens[k].Kind == TokenKind.Punct && Doc.Text[Doc.Tokens[k].Start] is '\u2015' or '\u2014' or '\u2013' or '-') dash = true;
        if (!dash) return null;
        var e = name;
        while (e < Doc.Tokens.Count && Doc.IsWord(e) && char.IsUpper(Doc[e][0])) e++;
        if (e == name || e - name > MaxSignatureWords || (e < Doc.Tokens.Count && Doc.Tokens[e].Kind != TokenKind.Newline && !Doc.IsPunct(e, '.') && !Doc.IsPunct(e, ','))) return null;
        return Phrase(name, e, name);
    }
}
