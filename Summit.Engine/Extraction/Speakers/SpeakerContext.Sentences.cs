using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>Speakers from the quote's sentence and its neighbours, for quotes without an attribution of their own.</summary>
internal sealed partial class SpeakerContext
{
    /// <summary>
    /// A partial quote in a sentence without a reporting verb ("Obama condemned the test as "…"") is the
    /// sentence subject's: the phrase before the first verb-like word, after any opening adverbial clause.
    /// </summary>
    internal string? SentenceSubject(int open, bool descriptions = false)
    {
        if (open >= Doc.Tokens.Count) return null;
        var ss = Doc.Sentences[Doc.SentenceOf[open]].Start;
        if (open - ss > MaxOrdinarySentenceTokens) return null; // only sentences of ordinary length have a usable subject
        // "Shortly afterward, McCain said …" / "Preceded by X, the sheriff, Trump launched …": a person opening a clause.
        if (FirstSubjectPerson(ss, open) is { } person) return person;
        var s = ss;
        // "In a White House statement, President Obama condemned …": skip an opening phrase up to its comma.
        // "On Thursday, after remaining neutral, Warren endorsed …": skip opening phrases up to their commas.
        for (var round = 0; round < MaxOpeningPhrases && s < open && Doc.IsWord(s) && IsOpener(Doc[s]); round++)
        {
            var k = s;
            while (k < open && !Doc.IsPunct(k, ',')) k++;
            if (k >= open) break;
            s = k + 1;
            if (s < open && ClauseConjunctions.Contains(Doc[s])) s++;
        }
        if (Doc.IsWord(s) && Doc[s].EndsWith("ly") && Doc.IsPunct(s + 1, ',')) s += 2; // "Conversely, PolitiFact rated …"
        // "Preceded at the lectern by X, Trump launched …": a participial opener up to its comma.
        if (Doc.IsWord(s) && char.IsUpper(Doc[s][0]) && (Doc[s].EndsWith("ed") || Doc[s].EndsWith("ing")) && PersonAt[s] == null)
        {
            var k = s;
            while (k < open && !Doc.IsPunct(k, ',')) k++;
            if (k < open) s = k + 1;
        }
        if (s >= open) return null;
        var e = s;
        // The subject runs to the first verb-like word: an auxiliary, a reporting verb or a past tense.
        while (e < open && e - s < MaxSubjectTokens && IsSubjectToken(e)
               && !(Doc.IsWord(e) && char.IsLower(Doc[e][0]) && (Lexicon.Auxiliaries.Contains(Doc[e]) || Lexicon.FramingVerbs.Contains(Doc[e])
                                                                  || Doc[e].EndsWith("ed") || Lexicon.IrregularPast.Contains(Doc[e]) || Doc[e].EndsWith("es") && !IsNounish(e))))
            e++;
        if (e == s) return null;
        // The first person of the phrase is the subject ("Carly Fiorina threw her support behind Ted Cruz").
        for (var t = s; t < e; t++)
            if (PersonAt[t] is { } first) return first.Name;
        if (e - s == 1 && Doc.IsWord(s) && Lexicon.PronounOf(Doc[s]) is { } pronoun) return Antecedent(pronoun, Doc.Tokens[s].Start, sameSentence: true);
        // Only names and organisations: a common-noun subject ("The bill") rarely speaks.
        for (var t = s; t < e; t++)
            if (Doc.IsWord(t) && char.IsUpper(Doc[t][0]) && !Lexicon.CapitalisedCommon.Contains(Doc[t]) && !Lexicon.IsAllCaps(Doc[t]))
                return Phrase(s, e, e);
        // "the justice sounded off on Trump, saying …" refers back to a person named before; a description that does
        // not ("several environmental groups", "His chief aide", "The conservative publication") is the source itself.
        if (!descriptions || Doc[s] is "the" or "The" && Doc.IsWord(e - 1) && Lexicon.RoleNouns.Contains(Doc[e - 1])) return null;
        return Phrase(s, e, e);
    }

    /// <summary>
    /// The person opening a clause of [from, to), after an opening phrase up to its comma ("Here in Columbia,
    /// Sanders stepped up …"); a pronoun there is resolved; null when the clause opens with anything else.
    /// </summary>
    private string? FirstSubjectPerson(int from, int to)
    {
        var clause = true;
        // "Like Corker, Menendez rejected …": a comparison opening the sentence names someone else than its subject.
        if (from < to && Doc.IsWord(from) && Doc[from] is "Like" or "Unlike")
            while (from < to && !Doc.IsPunct(from, ',')) from++;
        // "As Blumenthal spoke, the NRA was going into overdrive, …": a subordinate clause's subject is not the sentence's.
        if (from < to && Doc.IsWord(from) && (Doc[from] == "As" || IsSubordinator(Doc[from])))
        {
            // Not "As The Post's Ruth Marcus puts it, …" / "As Clinton noted, …": an attribution of its own.
            var comma = from;
            var reports = false;
            for (; comma < to && !Doc.IsPunct(comma, ','); comma++)
                reports |= Doc.IsWord(comma) && (Doc[comma] is "put" or "puts" || Doc[comma] != "spoke" && IsAttributionVerb(comma));
            if (comma < to && !reports) from = comma;
        }
        for (var t = from; t < to; t++)
        {
            if (Doc.Is(t, TokenKind.Quote)) return null;
            if (Doc.IsPunct(t, ',')) { clause = true; continue; }
            if (!clause) continue;
            if (PersonAt[t] is { } p) return p.Name;
            if (!Doc.IsWord(t)) continue;
            var w = Doc[t];
            if (w is "he" or "she" or "He" or "She") return Antecedent(w.ToLowerInvariant(), Doc.Tokens[t].Start, sameSentence: true);
            // Words that may precede a clause's subject: conjunctions, titles and roles ("But former Sen. …").
            // "…, but Christie wasn't having it": a coordinating conjunction after the comma opens the clause too; so
            // does "even" ("And even Obama tried …").
            if (!(char.IsUpper(w[0]) || BeforeSubjectWords.Contains(w) || Lexicon.RoleNouns.Contains(w)
                  || IsDescriptorBeforeName(t))) clause = false;
        }
        return null;
    }

    /// <summary>"Florida developer Mel Sembler expressed …": a lowercase noun right before a name describes it.</summary>
    private bool IsDescriptorBeforeName(int t) =>
        t + 1 < PersonAt.Length && PersonAt[t + 1] != null && !Doc[t].EndsWith("ed") && !Doc[t].EndsWith("ing") && !Doc[t].EndsWith("ly")
        && !Lexicon.ReportingVerbs.Contains(Doc[t]) && !Lexicon.FramingVerbs.Contains(Doc[t]) && !Lexicon.Auxiliaries.Contains(Doc[t]) && !IsFunctionWord(Doc[t])
        && !NotDescriptors.Contains(Doc[t]);

    private static bool IsOpener(string w) => ClauseOpeners.Contains(w);

    /// <summary>Lowercase words that can sit inside a subject phrase: role nouns and possessives' heads.</summary>
    private bool IsNounish(int t) => Lexicon.RoleNouns.Contains(Doc[t]) || NounishWords.Contains(Doc[t]);

    /// <summary>A sentence of only a quote: the previous sentence may end "X said:" for it.</summary>
    internal string? FromNeighbourSentence(int open)
    {
        if (open >= Doc.Tokens.Count) return null;
        var sentence = Doc.SentenceOf[open];
        if (sentence == 0) return null;
        var (ps, pe) = Doc.Sentences[sentence - 1];
        ps = Math.Max(ps, pe - SentenceLookBack);
        var last = pe - 1;
        // "X said:" — or "Howard continued his remarks." before a paragraph that is only a quote — or
        // "…, Schiff said. "…"" where the quote opens the next sentence.
        var colon = last >= ps && Doc.IsPunct(last, ':');
        var wholeParagraph = Doc.IsSentenceStart(open) && (open == 0 || Doc.Is(open - 1, TokenKind.Newline));
        var endsWithVerb = Doc.IsSentenceStart(open) && EndsWithReportingVerb(ps, last);
        if (!colon && !endsWithVerb && !(wholeParagraph && Doc.ParagraphOf(Doc.Tokens[last].Start) < Doc.ParagraphOf(Doc.Tokens[open].Start)))
            return null;
        for (var v = last - 1; v >= ps; v--)
        {
            if (Doc.Tokens[v].Kind == TokenKind.Quote) return null; // that sentence has its own quote
            if (Doc.IsWord(v) && Lexicon.ReportingVerbs.Contains(Doc[v]) && !IsNounUse(v))
                return Subject(v, ps);
        }
        // "Sanders made the following comment:" — no reporting verb, but the sentence's subject introduces it.
        return colon ? SentenceSubject(last) : null;
    }

    /// <summary>
    /// "His partner, Lawrence Cummings, called him a master at deals. "He showed again and again …"": a quote standing
    /// as its own sentence right after a sentence in which a person reports (in the same paragraph) is that person's.
    /// </summary>
    internal string? ReporterOfPreviousSentence(int open)
    {
        if (open >= Doc.Tokens.Count || Doc.SentenceOf[open] == 0) return null;
        var (ps, pe) = Doc.Sentences[Doc.SentenceOf[open] - 1];
        if (pe - ps > MaxOrdinarySentenceTokens || Doc.ParagraphOf(Doc.Tokens[ps].Start) != Doc.ParagraphOf(Doc.Tokens[open].Start)) return null;
        // A sentence with a quote of its own ("“…,” Hooton said after Rubio spoke.") leaves it to the running speaker.
        for (var t = ps; t < pe; t++)
            if (Doc.Tokens[t].Kind is TokenKind.Quote or TokenKind.Newline) return null;
        for (var v = pe - 1; v > ps; v--)
        {
            if (Doc.IsWord(v) && (Lexicon.ReportingVerbs.Contains(Doc[v]) || Lexicon.FramingVerbs.Contains(Doc[v])) && !IsNounUse(v))
                return Subject(v, ps) is { } subject && _byName.ContainsKey(subject) ? subject : null;
        }
        return null;
    }

    private bool EndsWithReportingVerb(int from, int last)
    {
        // "X said." / "X said in a statement." / "X told reporters Monday.": a short tail after the verb.
        for (var v = last; v >= Math.Max(from, last - ReportingTailTokens); v--)
        {
            if (Doc.Is(v, TokenKind.Quote) || Doc.IsPunct(v, ',')) return false;
            if (v > from && IsAttributionVerb(v)) return true;
        }
        return false;
    }
}
