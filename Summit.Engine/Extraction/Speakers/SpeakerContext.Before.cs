using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>Attributions before a quote: X said: "…" / X said that … "…" / according to X / X's claim that … "…".</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>X said: "…" / X said that … "…" / according to X, "…" / X described it as "…".</summary>
    internal string? Before(int open)
    {
        if (open >= Doc.Tokens.Count) return null;
        // Bounded look-back: a megabyte "sentence" without punctuation must not make this quadratic.
        var sentStart = Math.Max(Doc.Sentences[Doc.SentenceOf[open]].Start, open - SentenceLookBack);
        string? nearest = null;
        for (var v = open - 1; v >= sentStart; v--)
        {
            if (Doc.Tokens[v].Kind == TokenKind.Quote) break; // another quote's attribution region
            if (!Doc.IsWord(v)) continue;
            var w = Doc[v];
            if (w == "to" && v > sentStart && Doc[v - 1].Equals("according", StringComparison.OrdinalIgnoreCase))
                return Phrase(v + 1, InvertedEnd(v + 1), v);
            // "Hillary shot back, “…”" / "as Cornyn put it: “…”": phrasal reporting verbs.
            if (w is "back" && v > sentStart && BackVerbs.Contains(Doc[v - 1]) || w is "it" && v > sentStart && Doc[v - 1] == "put")
                return Subject(v - 1, sentStart);
            // "as Trump went on about "how the system is rigged"": the phrase before "went on" talks.
            if (w is "on" && v > sentStart && Doc[v - 1] == "went" && (v + 1 == open || Doc.IsWord(v + 1) && Doc[v + 1] is "about" or "to" && v + 2 <= open))
                return Subject(v - 1, sentStart);
            // "Politifact seized on Trump's claim that there have been "…"": the claim's content is the possessor's
            // words (not "Rubio's claim that X is "simply not true"", where the quote judges the claim).
            if (IsSpeechNoun(w) && Doc.Is(v - 1, TokenKind.Possessive) && v >= 2 && PersonAt[v - 2] is { } claimant
                && Doc.IsWord(v + 1) && Doc[v + 1] == "that" && !CopulaBetween(v + 2, open))
                return claimant.Name;
            // "Pew notes that …", "Clinton claims that …": a noun-like present tense is a verb between a name and "that".
            var presentBeforeThat = Lexicon.NounLikePresent.Contains(w) && Doc.IsWord(v + 1) && Doc[v + 1] == "that" && v > sentStart
                                    && Doc.IsWord(v - 1) && char.IsUpper(Doc[v - 1][0]);
            if (!Lexicon.ReportingVerbs.Contains(w) && !Lexicon.FramingVerbs.Contains(w) && !presentBeforeThat || IsNounUse(v)) continue;
            // "When terrorists are revealed as …, Obama and Clinton call them "…"": a verb in an opening subordinate clause
            // does not report the main clause's quote.
            if (InOpeningSubordinateClause(v, open)) continue;
            // "Priebus scolded Romney for suggesting that … “…”": a participle after a preposition is not the
            // clause's own verb; the one before it is.
            if (w.EndsWith("ing") && v > sentStart && Doc.IsWord(v - 1) && ParticiplePrepositions.Contains(Doc[v - 1]))
                continue;
            // "Clinton claimed that statements made by Donald Trump calling for a ban make him "…"": a participle right
            // after a noun is a reduced relative clause; a finite reporting verb earlier in the sentence reports.
            // Not "…, with Sen. John McCain calling it a "…"" / "footage of Trump saying "…"": a speaker and participle after
            // "with" or "of" report.
            if (w.EndsWith("ing") && v > sentStart && Doc.IsWord(v - 1) && !Lexicon.Auxiliaries.Contains(Doc[v - 1]) && FiniteReportingVerbBefore(v, sentStart)
                && !(NounPhraseStart(v - 1, sentStart) is var np && np > sentStart && Doc.IsWord(np - 1) && Doc[np - 1] is "with" or "of"))
                continue;
            // "X was quoted by … as saying": the subject stands before "was quoted".
            if (w is "saying" or "writing" && v > sentStart && Doc[v - 1] == "as")
            {
                for (var k = v - 2; k >= sentStart; k--)
                    if (Doc.IsWord(k) && Doc[k] is "quoted" or "cited" or "reported")
                    {
                        v = k;
                        break;
                    }
            }
            // "Trump said, adding later, “…”" / "Trump went on the attack, saying, “…”": the participle's
            // subject is the main clause's.
            if (w.EndsWith("ing") && Doc.IsPunct(v - 1, ','))
            {
                if (Before(v - 1) is { } main) return main;
                // The main clause's subject says it, also a description ("several environmental groups granted …, saying").
                if ((FirstSubjectPerson(sentStart, v - 1) ?? SentenceSubject(v - 1, descriptions: true)) is { } subject) return subject;
                continue;
            }
            // "The paradox of Nancy, says Carl Anthony, a historian, is that she was "…"": a parenthetical inverted attribution.
            if (Doc.IsPunct(v - 1, ',') && !w.EndsWith("ing") && v + 1 < PersonAt.Length && PersonAt[v + 1] is { } parenthetical)
            {
                var k = v + 1;
                while (k < open && PersonAt[k] == parenthetical) k++;
                if (Doc.IsPunct(k, ',')) return parenthetical.Name;
            }
            var s = Subject(v, sentStart) ?? InvertedBeforeColon(v, open);
            // "Cruz said as the heckler yelled: "You suck!"": the verb that introduces the quote with a colon names its speaker.
            if (s != null && Doc.IsPunct(v + 1, ':') && v + 2 == open) return s;
            // "Kasich says if he … the polls saying "…"" / "Obama said he expected that Americans will say "…"": a
            // non-person subject of a nearer verb gives way to a person reporting earlier in the sentence.
            if (s != null && _byName.ContainsKey(s)) return s;
            nearest ??= s;
        }
        return nearest;
    }

    /// <summary>
    /// The sentence opens with a subordinating conjunction (not "As", which often reports: "As Tharoor wrote, …") and
    /// its first comma lies between the verb and the quote, not right after the verb ("… ― Trump boasted, "…"").
    /// </summary>
    private bool InOpeningSubordinateClause(int v, int open)
    {
        var ss = Doc.Sentences[Doc.SentenceOf[v]].Start;
        while (ss < v && !Doc.IsWord(ss)) ss++;
        if (!Doc.IsWord(ss) || !(IsSubordinator(Doc[ss]) || Doc[ss] == "If")) return false;
        for (var k = ss + 1; k < open; k++)
            if (Doc.IsPunct(k, ',')) return k > v + 1;
        return false;
    }

    /// <summary>A conjunction opening a subordinate clause (callers add "As" or "If" where they mean it).</summary>
    private static bool IsSubordinator(string w) =>
        Subordinators.Contains(w);

    /// <summary>Nouns for something said, whose possessor is its speaker ("Trump's claim that …").</summary>
    private static bool IsSpeechNoun(string w) => SpeechNouns.Contains(w);

    /// <summary>A copula or "as" between: the quote judges or describes the claim rather than giving it.</summary>
    private bool CopulaBetween(int from, int to)
    {
        for (var k = from; k < to; k++)
            if (Doc.IsWord(k) && JudgingWords.Contains(Doc[k])) return true;
        return false;
    }

    /// <summary>First token of the name or capitalised phrase ending at <paramref name="last"/> ("Sen. John McCain").</summary>
    private int NounPhraseStart(int last, int floor)
    {
        var k = last;
        while (k > floor && (PersonAt[k - 1] != null || Doc.IsWord(k - 1) && char.IsUpper(Doc[k - 1][0]) || Doc.IsPunct(k - 1, '.'))) k--;
        return k;
    }

    /// <summary>A finite reporting verb earlier in the sentence, after any quotation mark.</summary>
    private bool FiniteReportingVerbBefore(int v, int sentStart)
    {
        for (var k = v - 1; k >= sentStart && !Doc.Is(k, TokenKind.Quote); k--)
            if (IsAttributionVerb(k)) return true;
        return false;
    }

    /// <summary>"In other words, explained moderator Nancy Cordes: "…"": the verb's subject, a person, follows it up to the colon.</summary>
    private string? InvertedBeforeColon(int verb, int open)
    {
        if (!Doc.IsPunct(open - 1, ':') || open - 1 - (verb + 1) is < 1 or > MaxSubjectTokens) return null;
        for (var k = verb + 1; k < open - 1; k++)
            if (!Doc.IsWord(k) && !IsSubjectToken(k)) return null;
        // Only a person: "said last month about the inquiry:" has no subject after the verb.
        return PersonIn(verb + 1, open - 1);
    }
}
