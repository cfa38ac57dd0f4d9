using Summit.Engine.Gazetteer;

namespace Summit.Engine.Extraction;

/// <summary>
/// Attributes quotes to speakers without a parser: finds the reporting verb next to the quote (after it:
/// "…," X said / said X; before it: X said: "…" / X said that … "…" / according to X), takes the noun phrase
/// on its subject side (skipping appositives), and maps that phrase to a canonical person, a pronoun's
/// antecedent, or the organisation / government named. Quotes with no verb of their own continue the
/// previous quote's speaker when they follow it closely, else belong to their sentence's subject, else to the
/// article's latest source. Pronouns resolve to the nearest earlier subject of any reporting verb, or person
/// opening a sentence or clause, that fits ("Rendell said he …").
/// One instance per article: it keeps the running state of the article's quotes.
/// </summary>
internal sealed class SpeakerResolver(TextDocument doc, List<Person> persons, Person?[] personAt, PlaceHit?[] placeAt)
{
    private const int MaxSubjectTokens = 9;
    private const int MaxListQuotes = 12;

    // Windows, in tokens unless said otherwise. Each bounds a scan by what the rule it serves can reach, and keeps
    // texts without punctuation or line breaks linear.
    // The look-back over a quote's sentence (or the one before) for its attribution or a pronoun's referent: the
    // length of an ordinary sentence; a megabyte "sentence" without punctuation must not make the scans quadratic.
    private const int SentenceLookBack = 80;
    // Longer sentences than this have no usable subject for a quote, and do not pass their reporter on to the next.
    private const int MaxOrdinarySentenceTokens = 80;
    // A person opening a sentence is looked for in its first clause and subject ("In his assessment, Calderon …").
    private const int OpeningSubjectTokens = 30;
    // "…," Scott Pruitt, the attorney general of Oklahoma, said: room after a quote for a subject with an appositive.
    private const int AttributionAfterTokens = 25;
    // "…?" Graham asked.: after a quote that ended its sentence, only a short subject and a verb still belong to it.
    private const int AttributionAfterSentenceEndTokens = 13;
    // A quote closed by its own full stop is followed only by a short "X said." of its own.
    private const int AttributionAfterFullStopTokens = 4;
    // A quote ending mid-sentence is attributed forward only when the attribution follows at once, not another clause.
    private const int AttributionMidClauseTokens = 5;
    // "…!" Rep. Glenn Thompson, R-Pa., said: the reporting verb after a person's appositive, in a new sentence.
    private const int AppositiveVerbTokens = 20;
    // "…" for the EU, said Geert Wilders: the clause continuing the quote before an inverted ", said X".
    private const int InvertedAfterClauseTokens = 12;
    // "“…” would be appropriate, Carson said.": the rest of a reported clause after a partial quote, up to its ", X said".
    private const int TrailingAttributionTokens = 40;
    // "X, a spokeswoman for Y, which represents Z, said": how far back the comma opening an appositive or a relative
    // clause may be; a relative clause ("Michael Seaman, who lives in …, said") runs longer than an appositive.
    private const int MaxRelativeClauseTokens = 40;
    // "Hugh Hill, a doctor at the clinic, said": an appositive (no relative pronoun) longer than this is another clause.
    private const int MaxAppositiveTokens = 15;
    // "Rep. John Mica (R-Fla.) said": the party/state tag in parentheses between a name and its verb.
    private const int MaxParenthesisTokens = 10;
    // The person named last before a quote in its own paragraph: a paragraph without line breaks stays linear.
    private const int ParagraphPersonLookBack = 200;
    // "…, Henry Crespo, president of the caucus." before "…," he said: a paragraph's worth of look-back.
    private const int ParagraphLookBack = 400;
    // The earlier subjects of reporting verbs (sources, not tokens) a he/she is matched against, so that a text of a
    // thousand "he said" stays linear.
    private const int SourcesLookBack = 200;
    // With no source or last speaker that fits, he/she is the nearest person named before it, within a long article.
    private const int PersonLookBack = 5000;
    // "X said in a statement." / "X told reporters Monday.": the short tail after a reporting verb that ends a sentence.
    private const int ReportingTailTokens = 6;
    // “…” ― Jane Doe: a name signing a quote after a dash is a few capitalised words, not a sentence.
    private const int MaxSignatureWords = 4;
    // "a German user from Hanover going by the handle …": the head of a long source phrase is enough to name it.
    private const int MaxSourceHeadTokens = 6;
    // "an angry Hollande", "a defiant Trump": lowercase words between an article and the person it introduces.
    private const int MaxAdjectivesAfterArticle = 2;
    // "He said, 'We have to win,'" X said: closing marks of inner quotes looked through for the outer quote's punctuation.
    private const int MaxInnerClosingMarks = 2;

    // In-method word lists, from Words/*.txt (embedded resources), read once.
    private static readonly HashSet<string> ClauseOpeners = WordList.Set("clause-openers.txt");
    private static readonly HashSet<string> FunctionWords = WordList.Set("function-words.txt");
    private static readonly HashSet<string> NotDescriptors = WordList.Set("not-descriptors.txt");
    private static readonly HashSet<string> ClauseStarters = WordList.Set("subject-clause-starters.txt");
    private static readonly HashSet<string> SubjectBreakers = WordList.Set("subject-breakers.txt");
    private static readonly HashSet<string> TimeWords = WordList.Set("time-words.txt");
    private static readonly HashSet<string> DescriptionWords = WordList.Set("description-words.txt");
    private static readonly HashSet<string> NounishWords = WordList.Set("subject-nounish.txt");
    private static readonly HashSet<string> IndefiniteWords = WordList.Set("indefinite-subjects.txt");
    private static readonly HashSet<string> AdjectivesBeforeNoun = WordList.Set("adjectives-before-noun.txt");
    private static readonly HashSet<string> Subordinators = WordList.Set("subordinators.txt");
    private static readonly HashSet<string> SpeechNouns = WordList.Set("speech-nouns.txt");
    private static readonly HashSet<string> SentenceConjunctions = WordList.Set("sentence-conjunctions.txt");
    private static readonly HashSet<string> ClauseContinuers = WordList.Set("clause-continuers.txt");
    private static readonly HashSet<string> AfterVerbWords = WordList.Set("after-verb-words.txt");
    private static readonly HashSet<string> NounMarkers = WordList.Set("noun-markers.txt");
    private static readonly HashSet<string> ContinuingParticiples = WordList.Set("continuing-participles.txt");
    private static readonly HashSet<string> InvertedSubjectEnders = WordList.Set("inverted-subject-enders.txt");
    private static readonly HashSet<string> BackVerbs = WordList.Set("back-verbs.txt");
    private static readonly HashSet<string> ParticiplePrepositions = WordList.Set("participle-prepositions.txt");
    private static readonly HashSet<string> JudgingWords = WordList.Set("judging-words.txt");
    private static readonly HashSet<string> RelativePronouns = WordList.Set("relative-pronouns.txt");
    private static readonly HashSet<string> ObjectOpeners = WordList.Set("object-openers.txt");
    private static readonly HashSet<string> FewNumerals = WordList.Set("few-numerals.txt");
    private static readonly HashSet<string> PhrasePrepositions = WordList.Set("phrase-prepositions.txt");
    private static readonly HashSet<string> AdverbsNotSources = WordList.Set("adverbs-not-sources.txt");
    private static readonly HashSet<string> CapitalisedSources = WordList.Set("capitalised-sources.txt");
    private static readonly HashSet<string> BeforeSubjectWords = WordList.Set("before-subject-words.txt");
    private static readonly HashSet<string> ClauseConjunctions = WordList.Set("clause-conjunctions.txt");
    private readonly Dictionary<string, Person> _byName = persons.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First());
    private string? _lastSpeaker;
    private int _lastQuoteSentence = -10;
    private int _lastQuoteParagraph = -10;
    private bool _building;
    private List<(int Pos, string Name)>? _sources;
    private bool[]? _inQuote;

    /// <summary>Subjects of every reporting verb in the article (character position, speaker), in order.</summary>
    private List<(int Pos, string Name)> Sources()
    {
        if (_sources != null) return _sources;
        _building = true;
        _sources = [];
        for (var v = 0; v < doc.Tokens.Count; v++)
        {
            if (!doc.IsWord(v) || !Lexicon.ReportingVerbs.Contains(doc[v]) && !Lexicon.FramingVerbs.Contains(doc[v]) || IsNounUse(v)) continue;
            // A name inside a quotation is what the speaker talks about, not a source of the article.
            if (InQuote(v)) continue;
            var (ss, _) = doc.Sentences[doc.SentenceOf[v]];
            // "X said" or, inverted, "…," said X
            // (not "Sanders pushed back, questioning Clinton's judgment": the participle's object is no speaker)
            var inverted = v > 0 && (doc.IsPunct(v - 1, ',') && !doc[v].EndsWith("ing") || doc.Is(v - 1, TokenKind.Quote));
            // "Trump went after Bush, calling him …": a participle after a comma has the main clause's subject, which
            // the sentence-opening rule below records; the phrase before the comma is its object.
            if (doc[v].EndsWith("ing") && doc.IsPunct(v - 1, ',')) continue;
            var name = Subject(v, ss) ?? (inverted && PersonAfterOutlet(v + 1) is var p && p < personAt.Length && personAt[p] is { } after && EndsInversion(p) ? after.Name : null);
            if (name != null) _sources.Add((doc.Tokens[v].Start, name));
            if (name != null && !_byName.ContainsKey(name) && LooksLikeUnlistedName(name)) _unlisted.Add(name);
        }
        // A person opening a sentence or its first clause is its subject too ("Guessford was shocked …"; "But his
        // wife, Jane, …"; "In his assessment, Calderon …").
        foreach (var (start, _) in doc.Sentences)
        {
            var t = start;
            while (t < doc.Tokens.Count && (doc.Is(t, TokenKind.Quote) || doc.IsWord(t) && SentenceConjunctions.Contains(doc[t]))) t++;
            if (t < personAt.Length && personAt[t] is { } p && !InQuote(t)) _sources.Add((doc.Tokens[t].Start, p.Name));
            else if (t < doc.Tokens.Count && doc.IsWord(t) && !InQuote(t)
                     && FirstSubjectPerson(t, Math.Min(doc.Sentences[doc.SentenceOf[t]].End, t + OpeningSubjectTokens)) is { } opened)
                _sources.Add((doc.Tokens[t].Start, opened)); // "In his assessment, Calderon …", "Former CEO Carly Fiorina named …"
        }
        _sources.Sort((a, b) => a.Pos.CompareTo(b.Pos));
        _building = false;
        return _sources;
    }

    /// <summary>"…, said Councillor Tom Reyes" / "…, noted NBC's Dante Chinni": the person after personal titles or an outlet's
    /// possessive (up to three capitalised words).</summary>
    private int PersonAfterOutlet(int t)
    {
        t = AfterTitles(t);
        if (t >= personAt.Length || personAt[t] != null) return t;
        var k = t;
        if (doc.IsWord(k) && doc[k] == "the") k++;
        var words = 0;
        while (k < personAt.Length && doc.IsWord(k) && char.IsUpper(doc[k][0]) && personAt[k] == null && words < 3) { k++; words++; }
        return words > 0 && doc.Is(k, TokenKind.Possessive) ? k + 1 : t;
    }

    /// <summary>
    /// "…, said Brown." / "…, said Brown, the mayor": the person after an inverted verb is its subject only when the
    /// clause ends with the name; in "…, for example, said Trump continued to …" the name opens the reported clause.
    /// </summary>
    private bool EndsInversion(int name)
    {
        var k = name;
        while (k < personAt.Length && personAt[k] == personAt[name]) k++;
        return k >= doc.Tokens.Count || !doc.IsWord(k) && !doc.Is(k, TokenKind.Possessive);
    }

    /// <summary>The subject of the latest reporting verb or sentence before a character position.</summary>
    private string? LatestSource(int before)
    {
        var k = LastSourceBefore(before);
        return k >= 0 ? Sources()[k].Name : null;
    }

    /// <summary>Index of the last source before a character position, -1 if none (binary search: linear time per article).</summary>
    private int LastSourceBefore(int before)
    {
        var sources = Sources();
        int lo = 0, hi = sources.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >> 1;
            if (sources[mid].Pos < before) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    /// <summary>
    /// Subjects of reporting verbs that read like a surname the person finder did not know ("Nefzi said"): a
    /// he/she may refer to them. Not organisations, places or common words.
    /// </summary>
    private readonly HashSet<string> _unlisted = new(StringComparer.Ordinal);

    private bool LooksLikeUnlistedName(string name)
    {
        var words = name.Split(' ');
        if (words.Length > 2) return false;
        foreach (var w in words)
            if (w.Length < 2 || !char.IsUpper(w[0]) || !w.Skip(1).All(char.IsLower) || Lexicon.OrgWords.Contains(w) || Lexicon.Titles.Contains(w)
                || Lexicon.CapitalisedCommon.Contains(w) || Lexicon.PronounOf(w) != null || Lexicon.Determiners.Contains(w) || IsIndefinite(w))
                return false;
        _placeNames ??= new HashSet<string>(placeAt.Where(h => h != null).Select(h => h!.Readings[0].Name), StringComparer.Ordinal);
        return !_placeNames.Contains(name);
    }

    private HashSet<string>? _placeNames;

    /// <summary>"Nobody asked …": an indefinite pronoun opening a sentence is no one a later he/she refers to.</summary>
    private static bool IsIndefinite(string w) => IndefiniteWords.Contains(w);

    private bool InQuote(int t) => _inQuote != null && t < _inQuote.Length && _inQuote[t];

    public List<string?> Resolve(List<RawQuote> quotes)
    {
        _inQuote = new bool[doc.Tokens.Count];
        foreach (var q in quotes)
        {
            // An excerpt running over paragraphs is itself a report with sources of its own.
            if (q.ContinuesNext || q.Continuation) continue;
            var close = q.Close < doc.Text.Length ? doc.TokenAt(q.Close) : doc.Tokens.Count;
            for (var t = doc.TokenAt(q.Open) + 1; t < close && t < _inQuote.Length; t++) _inQuote[t] = true;
        }
        var result = new List<string?>(quotes.Count);
        string? groupSpeaker = null;
        var groupStart = -1;
        for (var qi = 0; qi < quotes.Count; qi++)
        {
            var q = quotes[qi];
            var open = doc.TokenAt(q.Open);
            var close = q.Close < doc.Text.Length ? doc.TokenAt(q.Close) : doc.Tokens.Count;
            var sentence = doc.SentenceOf[Math.Min(open, doc.Tokens.Count - 1)];
            var paragraph = ParagraphOf(q.Open);
            string? speaker = null;
            if (doc.Tokens.Count > 0)
            {
                // A quote inside a sentence belongs to the person of its reporting clause ("Cruz said he'd make sand
                // "glow," and Trump vowed …"); one opening its sentence is attributed after it ("…," she said).
                if (StartsItsSentence(open)) speaker = After(close) ?? Before(open);
                // "… about "how the system is rigged," and "wounded American families" and "…"": a quote joined to the
                // one before it by "and", "or" or a comma continues its list and its speaker; an attribution right after
                // the list ("Guns are "…" and "…," Howard Dean proclaimed") names the speaker of the whole list.
                else if (qi > 0 && result[qi - 1] != null && JoinedToPrevious(quotes[qi - 1], open))
                {
                    // A list is short: a bounded walk back keeps a megabyte of "…" and "…" linear.
                    var first = qi - 1;
                    while (first > 0 && qi - first < MaxListQuotes && JoinedToPrevious(quotes[first - 1], doc.TokenAt(quotes[first].Open))) first--;
                    var introduced = Before(doc.TokenAt(quotes[first].Open));
                    speaker = introduced != null && _byName.ContainsKey(introduced) ? result[qi - 1] : After(close) ?? result[qi - 1];
                    for (var k = first; k < qi; k++) result[k] = speaker;
                }
                else
                {
                    var before = Before(open);
                    // "…," said X right after the quote outweighs a person reporting earlier in the sentence.
                    speaker = InvertedRightAfter(close) && After(close) is { } inverted ? inverted
                        : before != null && _byName.ContainsKey(before) ? before : After(close) ?? (before != null ? Trailing(close) : null) ?? before;
                }
                speaker ??= Trailing(close);
                // "X scolded him: "…"": whoever opens the sentence introduced the quote.
                if (speaker == null && doc.IsPunct(open - 1, ':')) speaker = SentenceSubject(open);
                if (speaker == null && !q.Continuation && StartsItsSentence(open)) speaker = ReporterOfPreviousSentence(open);
                if (speaker == null && (q.Continuation || IsNear(sentence, paragraph) && StartsItsSentence(open))) speaker = _lastSpeaker;
                if (speaker == null) speaker = FromNeighbourSentence(open);
                if (speaker == null) speaker = SentenceSubject(open);
                if (speaker == null && IsNear(sentence, paragraph)) speaker = _lastSpeaker;
                // Nothing names the speaker: a quote in news is nearly always the paragraph's person's or the latest
                // source's. (Not a one-word quote: with no speaker it is a scare quote, which QuoteFilter drops.)
                if (speaker == null && doc.Text.AsSpan(q.Start, q.End - q.Start).ContainsAny(' ', '\n'))
                    speaker = PersonEarlierInParagraph(open) ?? LatestSource(q.Open) ?? _lastSpeaker;
            }
            // Paragraph runs of one quote share a speaker, whichever paragraph names it.
            if (q.Continuation && groupStart >= 0)
            {
                speaker ??= groupSpeaker;
                if (speaker != null)
                    for (var k = groupStart; k < result.Count; k++) result[k] ??= speaker;
            }
            else groupStart = result.Count;
            groupSpeaker = speaker ?? groupSpeaker;
            if (!q.ContinuesNext && !q.Continuation) groupSpeaker = null;
            result.Add(speaker);
            if (speaker != null) _lastSpeaker = speaker;
            _lastQuoteSentence = doc.SentenceOf[Math.Min(close, doc.Tokens.Count - 1)];
            _lastQuoteParagraph = ParagraphOf(Math.Min(q.Close, doc.Text.Length - 1));
        }
        // "Analysts said …", "Some traders said": a description that opens its sentence with a capital names nobody
        // (lowercased only here, when every rule has used the phrase as found).
        for (var i = 0; i < result.Count; i++)
            if (result[i] is { Length: > 1 } sp && char.IsUpper(sp[0]) && IsDescription(sp.Split(' ')[0]))
                result[i] = char.ToLowerInvariant(sp[0]) + sp[1..];
        return result;
    }

    /// <summary>Only "and", "or" and commas stand between the previous quote's closing mark and this opening one.</summary>
    private bool JoinedToPrevious(RawQuote previous, int open)
    {
        if (previous.Close >= doc.Text.Length) return false;
        var close = doc.TokenAt(previous.Close);
        if (close >= open || doc.SentenceOf[close] != doc.SentenceOf[open]) return false;
        var conjunction = false;
        for (var t = close + 1; t < open; t++)
        {
            if (doc.IsWord(t) && doc[t] is "and" or "or") conjunction = true;
            else if (!doc.IsPunct(t, ',')) return false;
        }
        return conjunction;
    }

    /// <summary>
    /// The person named last before a quote in its own paragraph, outside quotations: with nothing else to go by, the
    /// paragraph's own person is a likelier source than the article's latest speaker.
    /// </summary>
    private string? PersonEarlierInParagraph(int open)
    {
        for (var t = Math.Min(open, personAt.Length) - 1; t >= Math.Max(0, open - ParagraphPersonLookBack) && doc.Tokens[t].Kind != TokenKind.Newline; t--)
            if (personAt[t] is { } p && !InQuote(t)) return p.Name;
        return null;
    }

    /// <summary>"When Sanders said at a rally that he …, he "grabbed ahold of …," said Drew Heiserman": a quote ending its
    /// clause and followed at once by an inverted "said X" is X's, whoever reports earlier in the sentence.</summary>
    private bool InvertedRightAfter(int close)
    {
        var last = LastInside(close);
        var t = close + 1;
        return (doc.IsPunct(last, ',') || doc.IsPunct(last, '?') || doc.IsPunct(last, '!')) && t < doc.Tokens.Count && IsAttributionVerb(t)
               && t + 1 < doc.Tokens.Count && doc.IsWord(t + 1);
    }

    private bool IsNear(int sentence, int paragraph) =>
        _lastSpeaker != null && (sentence - _lastQuoteSentence <= 1 || paragraph - _lastQuoteParagraph <= 1);

    private bool StartsItsSentence(int open) => open >= doc.Tokens.Count || doc.IsSentenceStart(open) || doc.IsPunct(open - 1, ':');

    private int ParagraphOf(int offset) => doc.ParagraphOf(offset);

    /// <summary>"…," X said / "…," said X / "…," X told reporters, within the closing mark's sentence.</summary>
    private string? After(int close)
    {
        var t = close + 1;
        var n = doc.Tokens.Count;
        if (t >= n) return null;
        var last = LastInside(close);
        // Skip punctuation between the mark and the attribution ("…," he said; "…" — she said).
        while (t < n && doc.Tokens[t].Kind == TokenKind.Punct && doc.Text[doc.Tokens[t].Start] is ',' or '-' or '\u2014' or '\u2013' or '\u2015' or '(') t++;
        if (t < n && doc.Tokens[t].Kind == TokenKind.Newline && SignatureLine(t) is { } signature) return signature;
        if (t >= n || doc.Tokens[t].Kind is TokenKind.Newline or TokenKind.Quote) return null;
        if (doc.Tokens[t].Kind == TokenKind.Punct) return null;
        if (Dashed(close + 1, t) is { } signed) return signed;
        // "…" according to a court filing by X / "…," according to CNN: the source named right after the quote.
        if (doc.IsWord(t) && doc[t] == "according" && doc.IsWord(t + 1) && doc[t + 1] == "to")
            return Phrase(t + 2, InvertedEnd(t + 2), t + 1);
        // "… has "expanded the party," claiming that he …": a participle continues the clause before the
        // quote, whose subject speaks; nothing after it is an attribution.
        if (doc.IsWord(t) && char.IsLower(doc[t][0]) && doc[t].EndsWith("ing") && doc[t].Length > 5) return null;
        if (!EndsClause(close) && doc.IsWord(t) && ClauseContinuers.Contains(doc[t]))
            return InvertedAfterComma(t);
        // "…" Trump, the party's front-runner, … : the person named right after the quote.
        // After a quote ending in ? or ! the splitter starts a new sentence there ("…?" Miller, a retired nurse, said):
        // then a reporting verb must follow the appositive.
        var askedOrExclaimed = doc.IsPunct(last, '?') || doc.IsPunct(last, '!');
        // "…!" Rep. Glenn Thompson, R-Pa., said: the person's mention starts after the title; "…," an angry Hollande
        // retaliated: after an article and its adjectives.
        var p0 = AfterArticle(AfterTitles(t));
        if (EndsClause(close) && p0 < personAt.Length && personAt[p0] is { } named && (!doc.IsSentenceStart(t) || askedOrExclaimed))
        {
            var k = p0;
            while (k < personAt.Length && personAt[k] == named) k++;
            if ((doc.IsPunct(k, ',') || doc.IsPunct(k, '(')) && (!doc.IsSentenceStart(t) || VerbFollows(k, AppositiveVerbTokens))) return named.Name;
        }
        // "…," Toomey fumed. / "…?" Hannity pressed. / "…," Trump went on: a person and a past-tense verb right
        // after a quote that ends its clause with , ? or ! speak it, whatever the verb, also before a new clause
        // ("…," Trump barked and a guard …).
        if (doc.IsPunct(last, ',') || doc.IsPunct(last, '?') || doc.IsPunct(last, '!'))
        {
            var actor = p0 < personAt.Length ? personAt[p0] : null;
            var pronoun = actor == null && doc.IsWord(t) && doc[t] is "he" or "she";
            if (actor != null || pronoun)
            {
                var k = (actor != null ? p0 : t) + 1;
                while (actor != null && k < personAt.Length && personAt[k] == actor) k++;
                if (doc.IsWord(k) && char.IsLower(doc[k][0]) && (doc[k].EndsWith("ed") && doc[k].Length > 3 || Lexicon.NounLikePresent.Contains(doc[k])
                        || doc[k] is "went" && doc.IsWord(k + 1) && doc[k + 1] == "on" || doc[k] is "shot" or "hit" or "struck" && doc.IsWord(k + 1) && doc[k + 1] == "back")
                    && (k + 1 >= doc.Tokens.Count || doc.Tokens[k + 1].Kind != TokenKind.Word || AfterVerbWords.Contains(doc[k + 1])))
                    return actor?.Name ?? Phrase(t, t + 1, k);
            }
        }
        // "…!" beamed Donald Hartley / "…," exhorted her introducer, Jamie Lee Curtis: any past tense before the speaker.
        if ((doc.IsPunct(last, ',') || doc.IsPunct(last, '?') || doc.IsPunct(last, '!')) && doc.IsWord(t)
            && char.IsLower(doc[t][0]) && doc[t].EndsWith("ed") && doc[t].Length > 4 && t + 1 < personAt.Length && personAt[t + 1] is { } inverted)
        {
            var k = t + 1;
            while (k < personAt.Length && personAt[k] == inverted) k++;
            if (!doc.Is(k, TokenKind.Possessive)) return inverted.Name; // not "exhorted Clinton's introducer"
        }
        // Room for an appositive: "…," Scott Pruitt, the attorney general of Oklahoma, said.
        var limit = Math.Min(n, t + AttributionAfterTokens);
        var sentence = doc.SentenceOf[t];
        // A quote that ends mid-sentence ("an "impartial" mediation in the conflict, X argued") is only
        // attributed forward when the attribution follows at once, not after another clause.
        var endsClause = EndsClause(close);
        // "…?" Graham asked. — the splitter ends a sentence at the quote, but a short subject and a verb
        // right after it still belong to the quote; "…." Later, X tweeted: does not.
        var endedSentence = close < n && doc.SentenceOf[close] != sentence;
        if (endedSentence) limit = Math.Min(limit, t + AttributionAfterSentenceEndTokens);
        // "… called the lines "unacceptable." Mayor Greg Stanton wrote a letter …": a quote closed by its own full
        // stop is not attributed to the next sentence, unless that sentence is only a short "X said."
        var fullStopped = doc.IsPunct(last, '.') && endedSentence;
        if (fullStopped) limit = Math.Min(limit, t + AttributionAfterFullStopTokens);
        for (var v = t; v < limit; v++)
        {
            var k = doc.Tokens[v].Kind;
            if (k is TokenKind.Newline or TokenKind.Quote || doc.SentenceOf[v] != sentence) return null;
            if (k == TokenKind.Punct && doc.Text[doc.Tokens[v].Start] is '!' or '?' or ';' or ':') return null;
            if ((!endsClause || endedSentence) && k == TokenKind.Punct && doc.Text[doc.Tokens[v].Start] == ',') return null;
            if (!endsClause && v - t > AttributionMidClauseTokens) return null;
            if (!doc.IsWord(v) || !Lexicon.ReportingVerbs.Contains(doc[v]) || Lexicon.FramingVerbs.Contains(doc[v]) || IsNounUse(v)) continue;
            if (fullStopped && !doc.IsPunct(v + 1, '.')) return null;
            if (v == t || (v == t + 1 && doc.IsWord(t) && Lexicon.Auxiliaries.Contains(doc[t])))
                return Phrase(v + 1, InvertedEnd(v + 1), v); // said X
            return Subject(v, t);                           // X said
        }
        return null;
    }

    /// <summary>"an angry Hollande", "a defiant Trump": the person after an article and up to two lowercase words, else <paramref name="t"/>.</summary>
    private int AfterArticle(int t)
    {
        if (!doc.IsWord(t) || doc[t] is not ("a" or "an")) return t;
        for (var k = t + 1; k <= t + 1 + MaxAdjectivesAfterArticle && k < personAt.Length; k++)
        {
            if (personAt[k] != null) return k;
            if (!doc.IsWord(k) || !char.IsLower(doc[k][0])) break;
        }
        return t;
    }

    /// <summary>The token after any personal titles ("Rep.", "Sen.", "Dr") starting at <paramref name="t"/>.</summary>
    private int AfterTitles(int t)
    {
        for (var round = 0; round < 3 && doc.IsWord(t) && Lexicon.Titles.Contains(doc[t]); round++)
        {
            t++;
            if (doc.IsPunct(t, '.')) t++;
        }
        return t;
    }

    /// <summary>A reporting verb within <paramref name="limit"/> tokens of the same sentence, before any quotation mark.</summary>
    private bool VerbFollows(int from, int limit)
    {
        var sentence = doc.SentenceOf[from];
        for (var v = from; v < Math.Min(doc.Tokens.Count, from + limit) && doc.SentenceOf[v] == sentence; v++)
        {
            if (doc.Tokens[v].Kind is TokenKind.Quote or TokenKind.Newline) return false;
            if (IsAttributionVerb(v)) return true;
        }
        return false;
    }

    private bool EndsClause(int close) =>
        close + 1 < doc.Tokens.Count && doc.Tokens[close + 1].Kind == TokenKind.Punct
        || LastInside(close) is var last && last >= 0 && doc.Tokens[last].Kind == TokenKind.Punct && doc.Text[doc.Tokens[last].Start] is ',' or '.' or '?' or '!' or '-' or '\u2014';

    /// <summary>
    /// The last token inside a quote before its closing mark, looking through the closing marks of a quote inside it
    /// ("He said, 'We have to win,'" X said): its punctuation is the outer quote's.
    /// </summary>
    private int LastInside(int close)
    {
        var k = close - 1;
        while (k > 0 && k > close - 1 - MaxInnerClosingMarks && doc.Is(k, TokenKind.Quote)) k--;
        return k;
    }

    /// <summary>"…" for the EU, said Geert Wilders: an inverted attribution after the quote's clause.</summary>
    private string? InvertedAfterComma(int t)
    {
        var sentence = doc.SentenceOf[t];
        for (var v = t; v < Math.Min(doc.Tokens.Count - 1, t + InvertedAfterClauseTokens); v++)
        {
            if (doc.SentenceOf[v] != sentence || doc.Tokens[v].Kind is TokenKind.Quote or TokenKind.Newline) return null;
            if (doc.IsPunct(v, ',') && doc.IsWord(v + 1) && doc[v + 1] is "said" or "says" && v + 2 < personAt.Length && personAt[v + 2] is { } p)
                return p.Name;
        }
        return null;
    }

    /// <summary>
    /// "“Boots on the ground” would be appropriate, Carson said." / "“…” if she lost, said X, an analyst.": a
    /// partial quote inside a reported clause, attributed by a closing "…, X said" / "…, said X" of its sentence.
    /// </summary>
    private string? Trailing(int close)
    {
        var n = doc.Tokens.Count;
        if (close >= n) return null;
        var sentence = doc.SentenceOf[close];
        for (var c = close + 1; c < Math.Min(n - 1, close + TrailingAttributionTokens); c++)
        {
            if (doc.SentenceOf[c] != sentence || doc.Tokens[c].Kind is TokenKind.Quote or TokenKind.Newline) return null;
            if (!doc.IsPunct(c, ',')) continue;
            var k = c + 1;
            if (doc.IsWord(k) && IsAttributionVerb(k))
                return RestIsPlain(k + 1, sentence) ? Phrase(k + 1, InvertedEnd(k + 1), k) : null;
            // "… greeted with chants of "Bobby!" at a conference last month, according to union president Doris Crouse-Mays."
            if (doc.IsWord(k) && doc[k] == "according" && doc.IsWord(k + 1) && doc[k + 1] == "to")
                return RestIsPlain(k + 2, sentence) ? Phrase(k + 2, InvertedEnd(k + 2), k + 1) : null;
            for (var v = k + 1; v < Math.Min(n, k + MaxSubjectTokens); v++)
            {
                if (!doc.IsWord(v) || !IsSubjectToken(v - 1) && !doc.IsPunct(v - 1, '.')) break;
                if (IsAttributionVerb(v))
                    return RestIsPlain(v + 1, sentence) && (!doc.IsWord(v + 1) || doc[v + 1] != "that") ? Subject(v, k) : null;
            }
        }
        return null;
    }

    private bool IsAttributionVerb(int t) =>
        doc.IsWord(t) && Lexicon.ReportingVerbs.Contains(doc[t]) && !Lexicon.FramingVerbs.Contains(doc[t]) && !doc[t].EndsWith("ing") && !IsNounUse(t);

    /// <summary>
    /// "his warning", "the praise", "Obama's praise": a reporting verb's form right after a determiner
    /// or a possessive is a noun, and the phrase before it is no subject.
    /// </summary>
    private bool IsNounUse(int v) =>
        v > 0 && (IsDeterminerOrPossessive(v - 1)
                  // "Trump's repeated calls", "his latest remarks": a determiner and an adjective before it.
                  || v > 1 && doc.IsWord(v - 1) && IsAdjectiveBeforeNoun(doc[v - 1]) && IsDeterminerOrPossessive(v - 2));

    private static bool IsAdjectiveBeforeNoun(string w) =>
        AdjectivesBeforeNoun.Contains(w);

    private bool IsDeterminerOrPossessive(int t) =>
        doc.Is(t, TokenKind.Possessive)
        || doc.IsWord(t) && NounMarkers.Contains(doc[t]);

    /// <summary>No further quote in the rest of the sentence: the attribution closes it.</summary>
    private bool RestIsPlain(int from, int sentence)
    {
        for (var t = from; t < doc.Tokens.Count && doc.SentenceOf[t] == sentence; t++)
        {
            if (doc.Tokens[t].Kind == TokenKind.Newline) return true; // the paragraph ends the sentence
            if (doc.Tokens[t].Kind == TokenKind.Quote) return false;
            // "…, Hollande said Tuesday, noting the nominee "…"": a participle after a comma goes on with the same speaker.
            if (doc.IsPunct(t, ',') && doc.IsWord(t + 1) && ContinuingParticiples.Contains(doc[t + 1])) return true;
        }
        return true;
    }

    /// <summary>A quote whose next line is only a signature: "- Bernie Sanders."</summary>
    private string? SignatureLine(int newline)
    {
        var t = newline;
        while (t < doc.Tokens.Count && doc.Tokens[t].Kind == TokenKind.Newline) t++;
        if (t >= doc.Tokens.Count || !(doc.Tokens[t].Kind == TokenKind.Punct && doc.Text[doc.Tokens[t].Start] is '-' or '\u2014' or '\u2013' or '\u2015'))
            return null;
        return Dashed(t, t + 1);
    }

    /// <summary>A quote signed with a dash: “…” ― Jane Doe (end of paragraph).</summary>
    private string? Dashed(int from, int name)
    {
        var dash = false;
        for (var k = from; k < name; k++)
            if (doc.Tokens[k].Kind == TokenKind.Punct && doc.Text[doc.Tokens[k].Start] is '\u2015' or '\u2014' or '\u2013' or '-') dash = true;
        if (!dash) return null;
        var e = name;
        while (e < doc.Tokens.Count && doc.IsWord(e) && char.IsUpper(doc[e][0])) e++;
        if (e == name || e - name > MaxSignatureWords || (e < doc.Tokens.Count && doc.Tokens[e].Kind != TokenKind.Newline && !doc.IsPunct(e, '.') && !doc.IsPunct(e, ','))) return null;
        return Phrase(name, e, name);
    }

    /// <summary>End of the inverted subject in "said X, a spokesman": up to a comma, colon or the sentence end.</summary>
    private int InvertedEnd(int from)
    {
        var n = doc.Tokens.Count;
        if (from >= n) return from;
        var sentence = doc.SentenceOf[from];
        var e = from;
        while (e < n && e - from < MaxSubjectTokens && doc.SentenceOf[e] == sentence
               && doc.Tokens[e].Kind is not (TokenKind.Newline or TokenKind.Quote)
               && !(doc.Tokens[e].Kind == TokenKind.Punct && doc.Text[doc.Tokens[e].Start] is ',' or ';' or ':' or '(' or '!' or '?')
               // "said X when asked about Y": a clause after the name is not part of it.
               && !(e > from && doc.IsWord(e) && InvertedSubjectEnders.Contains(doc[e])))
            e++;
        return e;
    }

    private int TrimAuxiliaries(int from, int verb)
    {
        var e = verb;
        while (e > from && doc.IsWord(e - 1) && (Lexicon.Auxiliaries.Contains(doc[e - 1])
               || char.IsLower(doc[e - 1][0]) && doc[e - 1].EndsWith("ly") && doc[e - 1].Length > 4)) e--;
        return e;
    }

    /// <summary>X said: "…" / X said that … "…" / according to X, "…" / X described it as "…".</summary>
    private string? Before(int open)
    {
        if (open >= doc.Tokens.Count) return null;
        // Bounded look-back: a megabyte "sentence" without punctuation must not make this quadratic.
        var sentStart = Math.Max(doc.Sentences[doc.SentenceOf[open]].Start, open - SentenceLookBack);
        string? nearest = null;
        for (var v = open - 1; v >= sentStart; v--)
        {
            if (doc.Tokens[v].Kind == TokenKind.Quote) break; // another quote's attribution region
            if (!doc.IsWord(v)) continue;
            var w = doc[v];
            if (w == "to" && v > sentStart && doc[v - 1].Equals("according", StringComparison.OrdinalIgnoreCase))
                return Phrase(v + 1, InvertedEnd(v + 1), v);
            // "Hillary shot back, “…”" / "as Cornyn put it: “…”": phrasal reporting verbs.
            if (w is "back" && v > sentStart && BackVerbs.Contains(doc[v - 1]) || w is "it" && v > sentStart && doc[v - 1] == "put")
                return Subject(v - 1, sentStart);
            // "as Trump went on about "how the system is rigged"": the phrase before "went on" talks.
            if (w is "on" && v > sentStart && doc[v - 1] == "went" && (v + 1 == open || doc.IsWord(v + 1) && doc[v + 1] is "about" or "to" && v + 2 <= open))
                return Subject(v - 1, sentStart);
            // "Politifact seized on Trump's claim that there have been "…"": the claim's content is the possessor's
            // words (not "Rubio's claim that X is "simply not true"", where the quote judges the claim).
            if (IsSpeechNoun(w) && doc.Is(v - 1, TokenKind.Possessive) && v >= 2 && personAt[v - 2] is { } claimant
                && doc.IsWord(v + 1) && doc[v + 1] == "that" && !CopulaBetween(v + 2, open))
                return claimant.Name;
            // "Pew notes that …", "Clinton claims that …": a noun-like present tense is a verb between a name and "that".
            var presentBeforeThat = Lexicon.NounLikePresent.Contains(w) && doc.IsWord(v + 1) && doc[v + 1] == "that" && v > sentStart
                                    && doc.IsWord(v - 1) && char.IsUpper(doc[v - 1][0]);
            if (!Lexicon.ReportingVerbs.Contains(w) && !Lexicon.FramingVerbs.Contains(w) && !presentBeforeThat || IsNounUse(v)) continue;
            // "When terrorists are revealed as …, Obama and Clinton call them "…"": a verb in an opening subordinate clause
            // does not report the main clause's quote.
            if (InOpeningSubordinateClause(v, open)) continue;
            // "Priebus scolded Romney for suggesting that … “…”": a participle after a preposition is not the
            // clause's own verb; the one before it is.
            if (w.EndsWith("ing") && v > sentStart && doc.IsWord(v - 1) && ParticiplePrepositions.Contains(doc[v - 1]))
                continue;
            // "Clinton claimed that statements made by Donald Trump calling for a ban make him "…"": a participle right
            // after a noun is a reduced relative clause; a finite reporting verb earlier in the sentence reports.
            // Not "…, with Sen. John McCain calling it a "…"" / "footage of Trump saying "…"": a speaker and participle after
            // "with" or "of" report.
            if (w.EndsWith("ing") && v > sentStart && doc.IsWord(v - 1) && !Lexicon.Auxiliaries.Contains(doc[v - 1]) && FiniteReportingVerbBefore(v, sentStart)
                && !(NounPhraseStart(v - 1, sentStart) is var np && np > sentStart && doc.IsWord(np - 1) && doc[np - 1] is "with" or "of"))
                continue;
            // "X was quoted by … as saying": the subject stands before "was quoted".
            if (w is "saying" or "writing" && v > sentStart && doc[v - 1] == "as")
            {
                for (var k = v - 2; k >= sentStart; k--)
                    if (doc.IsWord(k) && doc[k] is "quoted" or "cited" or "reported")
                    {
                        v = k;
                        break;
                    }
            }
            // "Trump said, adding later, “…”" / "Trump went on the attack, saying, “…”": the participle's
            // subject is the main clause's.
            if (w.EndsWith("ing") && doc.IsPunct(v - 1, ','))
            {
                if (Before(v - 1) is { } main) return main;
                // The main clause's subject says it, also a description ("several environmental groups granted …, saying").
                if ((FirstSubjectPerson(sentStart, v - 1) ?? SentenceSubject(v - 1, descriptions: true)) is { } subject) return subject;
                continue;
            }
            // "The paradox of Nancy, says Carl Anthony, a historian, is that she was "…"": a parenthetical inverted attribution.
            if (doc.IsPunct(v - 1, ',') && !w.EndsWith("ing") && v + 1 < personAt.Length && personAt[v + 1] is { } parenthetical)
            {
                var k = v + 1;
                while (k < open && personAt[k] == parenthetical) k++;
                if (doc.IsPunct(k, ',')) return parenthetical.Name;
            }
            var s = Subject(v, sentStart) ?? InvertedBeforeColon(v, open);
            // "Cruz said as the heckler yelled: "You suck!"": the verb that introduces the quote with a colon names its speaker.
            if (s != null && doc.IsPunct(v + 1, ':') && v + 2 == open) return s;
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
        var ss = doc.Sentences[doc.SentenceOf[v]].Start;
        while (ss < v && !doc.IsWord(ss)) ss++;
        if (!doc.IsWord(ss) || !(IsSubordinator(doc[ss]) || doc[ss] == "If")) return false;
        for (var k = ss + 1; k < open; k++)
            if (doc.IsPunct(k, ',')) return k > v + 1;
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
            if (doc.IsWord(k) && JudgingWords.Contains(doc[k])) return true;
        return false;
    }

    /// <summary>First token of the name or capitalised phrase ending at <paramref name="last"/> ("Sen. John McCain").</summary>
    private int NounPhraseStart(int last, int floor)
    {
        var k = last;
        while (k > floor && (personAt[k - 1] != null || doc.IsWord(k - 1) && char.IsUpper(doc[k - 1][0]) || doc.IsPunct(k - 1, '.'))) k--;
        return k;
    }

    /// <summary>A finite reporting verb earlier in the sentence, after any quotation mark.</summary>
    private bool FiniteReportingVerbBefore(int v, int sentStart)
    {
        for (var k = v - 1; k >= sentStart && !doc.Is(k, TokenKind.Quote); k--)
            if (IsAttributionVerb(k)) return true;
        return false;
    }

    /// <summary>"In other words, explained moderator Nancy Cordes: "…"": the verb's subject, a person, follows it up to the colon.</summary>
    private string? InvertedBeforeColon(int verb, int open)
    {
        if (!doc.IsPunct(open - 1, ':') || open - 1 - (verb + 1) is < 1 or > MaxSubjectTokens) return null;
        for (var k = verb + 1; k < open - 1; k++)
            if (!doc.IsWord(k) && !IsSubjectToken(k)) return null;
        // Only a person: "said last month about the inquiry:" has no subject after the verb.
        return PersonIn(verb + 1, open - 1);
    }

    /// <summary>The noun phrase ending just before a reporting verb, not reaching before <paramref name="sentStart"/>.</summary>
    private string? Subject(int verb, int sentStart)
    {
        if (RelativeClauseSubject(verb, sentStart) is { } beforeWho) return beforeWho;
        var e = SkipParenthesis(TrimAuxiliaries(sentStart, verb), sentStart);
        if (e <= sentStart) return null;
        // Appositive: "Hugh Hill, a doctor at the clinic, said" / "His partner, Lawrence Cummings, said"
        string? inner = null;
        // Up to two appositives or relative clauses ("X, a spokeswoman for Y, which represents Z, said").
        for (var level = 0; level < 2 && doc.IsPunct(e - 1, ','); level++)
        {
            var comma = -1;
            for (var k = e - 2; k >= Math.Max(sentStart, e - MaxRelativeClauseTokens); k--)
            {
                if (doc.Tokens[k].Kind == TokenKind.Quote) return null;
                if (doc.IsPunct(k, ',')) { comma = k; break; }
            }
            if (comma < 0 || comma <= sentStart) return level == 0 ? null : inner;
            var relative = doc.IsWord(comma + 1) && RelativePronouns.Contains(doc[comma + 1]);
            if (!relative && e - comma > MaxAppositiveTokens) return level == 0 ? null : inner;
            if (!relative) inner ??= PersonIn(comma + 1, e - 1);
            e = SkipParenthesis(comma, sentStart);
        }
        var s = e;
        while (s > sentStart && e - s < MaxSubjectTokens && IsSubjectToken(s - 1)) s--;
        if (s == e) return inner;
        // "Clinton, during a meeting in Columbus, Ohio, said": a place after a preposition is its object, not the subject.
        if (s > sentStart && doc.IsWord(s - 1) && doc[s - 1] is "in" or "at" or "near" && placeAt[s] != null && PersonIn(s, e) == null)
            return inner;
        // A pronoun inside the phrase is the subject itself ("… network RT he blasted").
        for (var k = e - 1; k >= s; k--)
            if (doc.IsWord(k) && Lexicon.PronounOf(doc[k]) is { } pr && pr is not ("it" or "i")) { s = k; e = k + 1; break; }
        if (inner != null && PersonIn(s, e) == null) return inner;
        // "The town released a statement Wednesday saying …": a past tense with its object ends the subject.
        for (var k = s + 1; k < e - 1; k++)
            if (doc.IsWord(k) && char.IsLower(doc[k][0]) && (doc[k].EndsWith("ed") || Lexicon.IrregularPast.Contains(doc[k]))
                && doc.IsWord(k + 1) && ObjectOpeners.Contains(doc[k + 1]) && PersonIn(s, k) == null)
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
        if (!doc.IsPunct(verb - 1, ',')) return null;
        for (var k = verb - 2; k >= Math.Max(sentStart + 2, verb - MaxRelativeClauseTokens); k--)
        {
            if (doc.Tokens[k].Kind is TokenKind.Quote or TokenKind.Newline || IsAttributionVerb(k)) return null;
            if (doc.IsWord(k) && doc[k] == "who" && doc.IsPunct(k - 1, ',')) return personAt[k - 2]?.Name;
        }
        return null;
    }

    /// <summary>"Rep. John Mica (R-Fla.) said": the party/state tag between name and verb is skipped.</summary>
    private int SkipParenthesis(int e, int floor)
    {
        if (!doc.IsPunct(e - 1, ')')) return e;
        for (var k = e - 2; k >= Math.Max(floor, e - MaxParenthesisTokens); k--)
            if (doc.IsPunct(k, '(')) return k;
        return e;
    }

    private string? PersonIn(int s, int e)
    {
        for (var t = e - 1; t >= s; t--)
            if (t >= 0 && t < personAt.Length && personAt[t] is { } p) return p.Name;
        return null;
    }

    private bool IsSubjectToken(int t)
    {
        var tok = doc.Tokens[t];
        if (tok.Kind is TokenKind.Possessive or TokenKind.Number) return true;
        if (tok.Kind == TokenKind.Punct)
            return doc.Text[tok.Start] is '.' or '-' && t > 0 && doc.IsWord(t - 1) && doc[t - 1].Length <= 3
                   || doc.Text[tok.Start] == '-' && t > 0 && doc.Tokens[t - 1].End == tok.Start && t + 1 < doc.Tokens.Count && doc.Tokens[t + 1].Start == tok.End;
        if (tok.Kind != TokenKind.Word) return false;
        var w = doc[t];
        if (char.IsLower(w[0]) && w.EndsWith("ly") && w.Length > 4) return false;
        if (ClauseStarters.Contains(w)) return false;
        return !SubjectBreakers.Contains(w) && !Lexicon.ReportingVerbs.Contains(w);
    }

    /// <summary>Turns the noun phrase [s, e) into a speaker name: a person, a pronoun's antecedent or the phrase.</summary>
    private string? Phrase(int s, int e, int verb)
    {
        while (s < e && !doc.IsWord(s) && doc.Tokens[s].Kind != TokenKind.Number) s++;
        while (e > s && doc.Tokens[e - 1].Kind is TokenKind.Punct or TokenKind.Possessive) e--;
        if (e <= s) return null;
        // The last person named in the phrase ("US Secretary of State Antony Blinken", "Mr Putin's spokesman"
        // counts as Putin's side, which is what readers search for).
        for (var t = e - 1; t >= s; t--)
            if (personAt[t] is { } p)
                return p.Name;
        // A pronoun subject of a reporting verb: the nearest earlier source (measured better than the same
        // sentence's first person, which is right for "X condemned what he called …" but wrong more often).
        if (e - s == 1 && Lexicon.PronounOf(doc[s]) is { } pronoun)
            return Antecedent(pronoun, doc.Tokens[s].Start, sameSentence: false);
        if (!NamesASource(s, e)) return null;
        if (e - s > MaxSourceHeadTokens) e = s + MaxSourceHeadTokens; // "a German user from Hanover going by the handle …": its head is enough
        while (e - s > 1 && IsFunctionWord(doc[e - 1])) e--; // "U.S. Court of Appeals for" → "U.S. Court of Appeals"
        // Drop a leading determiner; keep "Ukraine's foreign ministry", "the Kremlin" → "Kremlin".
        while (s < e && doc.IsWord(s) && Lexicon.Determiners.Contains(doc[s])) s++;
        if (e <= s) return null;
        // "…, Harris Upham and Co said": a legal form alone names nobody; the firm's name before it does.
        if (e - s == 1 && Lexicon.LegalForms.Contains(doc[s]))
        {
            var k = s - 1;
            while (k >= 0 && s - k < 8 && (doc.Is(k, TokenKind.Newline) || doc.IsWord(k) && (char.IsUpper(doc[k][0]) || doc[k] == "and") || doc.IsPunct(k, '&'))) k--;
            k++;
            while (k < s && !(doc.IsWord(k) && char.IsUpper(doc[k][0]))) k++;
            if (k == s) return null;
            return string.Join(' ', doc.Slice(k, e).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
        }
        var text = doc.Slice(s, e);
        if (!text.Any(char.IsLetter)) return null;
        // A time phrase is no speaker ("Tuesday morning", "two weeks ago", "at one point", "in the past"); a numeral
        // alone may be a source ("…," read one).
        var timeOnly = true;
        for (var t = s; t < e && timeOnly; t++)
            timeOnly = !doc.IsWord(t) || Lexicon.Calendar.Contains(doc[t]) || TimeWords.Contains(doc[t])
                       || FewNumerals.Contains(doc[t]) && t + 1 < e;
        if (timeOnly) return null;
        if (e - s == 1 && placeAt[s] is { } place && place.Readings[0].Kind != PlaceKind.Demonym)
            return place.Readings[0].Name;
        return text;
    }

    /// <summary>A plural role ("Analysts", "Economists") or quantifier ("Some", "Many") that describes, not names, the speakers.</summary>
    private static bool IsDescription(string w)
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
        var last = doc[e - 1];
        if (IsFunctionWord(last) && !(e - s > 1 && Lexicon.NameParticles.Contains(last))) return false;
        if (doc[s] is "do" or "to" or "be") return false;
        // "…, said of the encounter" / "…, said at the time": a prepositional phrase after the verb, not its subject.
        if (PhrasePrepositions.Contains(doc[s])) return false;
        if (e - s > 1) return true;
        if (char.IsLower(last[0]))
            return !(last.EndsWith("ly") || last.EndsWith("ing") || last.Contains('\'') || last.Contains('\u2019') || last.EndsWith("ed") && last.Length > 4 || AdverbsNotSources.Contains(last));
        // A capitalised word opening a sentence may be any word ("Fundraising was …", "Appearing on …").
        return CapitalisedSources.Contains(last)
               || !(Lexicon.CapitalisedCommon.Contains(last) || doc.IsSentenceStart(s) && (last.EndsWith("ing") || last.EndsWith("ed") || last.EndsWith("ly")));
    }

    private static bool IsFunctionWord(string w) => FunctionWords.Contains(w);

    /// <summary>he/she → the latest person of that gender mentioned before; they/we/it → the last speaker.</summary>
    private string? Antecedent(string pronoun, int before, bool sameSentence = false)
    {
        if (pronoun is "he" or "she")
        {
            var want = pronoun == "he" ? 'M' : 'F';
            if (_building) return null;
            // Without a reporting verb, a person named earlier in the same sentence ("As part of Kishida's
            // visit, he is to offer "…"") is the referent; "X criticised Y, he said" is not such a case.
            var at = doc.TokenAt(before);
            if (sameSentence)
            {
                var floor = Math.Max(doc.Sentences[doc.SentenceOf[Math.Min(at, doc.Tokens.Count - 1)]].Start, at - SentenceLookBack);
                for (var t = at - 1; t >= floor; t--)
                    if (personAt[t] is { } p && (p.Gender == '\0' || p.Gender == want)) return p.Name;
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
            if (_lastSpeaker != null && _byName.TryGetValue(_lastSpeaker, out var last)
                && (last.Gender == want || last.Gender == '\0' && last.Name.Contains(' ')))
                return last.Name;
            // Else the nearest person named before it (a bounded look-back keeps long texts linear).
            for (var t = at - 1; t >= Math.Max(0, at - PersonLookBack); t--)
                if (personAt[t] is { } p && (p.Gender == '\0' || p.Gender == want) && !InQuote(t)) return p.Name;
            return null;
        }
        return pronoun is "i" ? null : _lastSpeaker;
    }

    /// <summary>
    /// The person the previous paragraph ends by introducing with an appositive ("…, Henry Crespo, president of the
    /// caucus."), after the source at <paramref name="sourcePos"/>; null if anyone else is named after them.
    /// </summary>
    private string? IntroducedSince(int sourcePos, int at, char want)
    {
        var paragraph = doc.ParagraphOf(doc.Tokens[Math.Min(at, doc.Tokens.Count - 1)].Start);
        // Bounded look-back (a paragraph's worth), so that many "he said" far from any source stay linear.
        for (var t = at - 1; t >= Math.Max(0, at - ParagraphLookBack) && doc.Tokens[t].Start > sourcePos; t--)
        {
            if (personAt[t] is not { } p || InQuote(t)) continue;
            if (p.Gender != want || doc.ParagraphOf(doc.Tokens[t].Start) != paragraph - 1) return null;
            var e = t + 1;
            while (e < personAt.Length && personAt[e] == p) e++;
            if (!doc.IsPunct(e, ',') || !doc.IsWord(e + 1) || !(doc[e + 1] is "a" or "an" or "the" || Lexicon.RoleNouns.Contains(doc[e + 1]) || Lexicon.Titles.Contains(doc[e + 1])))
                return null;
            for (var k = e + 1; k < doc.Tokens.Count && doc.ParagraphOf(doc.Tokens[k].Start) == paragraph - 1; k++)
                if (personAt[k] != null && personAt[k] != p || doc.Is(k, TokenKind.Quote)) return null;
            return p.Name;
        }
        return null;
    }

    /// <summary>
    /// A partial quote in a sentence without a reporting verb ("Obama condemned the test as "…"") is the
    /// sentence subject's: the phrase before the first verb-like word, after any opening adverbial clause.
    /// </summary>
    private string? SentenceSubject(int open, bool descriptions = false)
    {
        if (open >= doc.Tokens.Count) return null;
        var ss = doc.Sentences[doc.SentenceOf[open]].Start;
        if (open - ss > MaxOrdinarySentenceTokens) return null; // only sentences of ordinary length have a usable subject
        // "Shortly afterward, McCain said …" / "Preceded by X, the sheriff, Trump launched …": a person opening a clause.
        if (FirstSubjectPerson(ss, open) is { } person) return person;
        var s = ss;
        // "In a White House statement, President Obama condemned …": skip an opening phrase up to its comma.
        // "On Thursday, after remaining neutral, Warren endorsed …": skip opening phrases up to their commas.
        for (var round = 0; round < 3 && s < open && doc.IsWord(s) && IsOpener(doc[s]); round++)
        {
            var k = s;
            while (k < open && !doc.IsPunct(k, ',')) k++;
            if (k >= open) break;
            s = k + 1;
            if (s < open && ClauseConjunctions.Contains(doc[s])) s++;
        }
        if (doc.IsWord(s) && doc[s].EndsWith("ly") && doc.IsPunct(s + 1, ',')) s += 2; // "Conversely, PolitiFact rated …"
        // "Preceded at the lectern by X, Trump launched …": a participial opener up to its comma.
        if (doc.IsWord(s) && char.IsUpper(doc[s][0]) && (doc[s].EndsWith("ed") || doc[s].EndsWith("ing")) && personAt[s] == null)
        {
            var k = s;
            while (k < open && !doc.IsPunct(k, ',')) k++;
            if (k < open) s = k + 1;
        }
        if (s >= open) return null;
        var e = s;
        // The subject runs to the first verb-like word: an auxiliary, a reporting verb or a past tense.
        while (e < open && e - s < MaxSubjectTokens && IsSubjectToken(e)
               && !(doc.IsWord(e) && char.IsLower(doc[e][0]) && (Lexicon.Auxiliaries.Contains(doc[e]) || Lexicon.FramingVerbs.Contains(doc[e])
                                                                  || doc[e].EndsWith("ed") || Lexicon.IrregularPast.Contains(doc[e]) || doc[e].EndsWith("es") && !IsNounish(e))))
            e++;
        if (e == s) return null;
        // The first person of the phrase is the subject ("Carly Fiorina threw her support behind Ted Cruz").
        for (var t = s; t < e; t++)
            if (personAt[t] is { } first) return first.Name;
        if (e - s == 1 && doc.IsWord(s) && Lexicon.PronounOf(doc[s]) is { } pronoun) return Antecedent(pronoun, doc.Tokens[s].Start, sameSentence: true);
        // Only names and organisations: a common-noun subject ("The bill") rarely speaks.
        for (var t = s; t < e; t++)
            if (doc.IsWord(t) && char.IsUpper(doc[t][0]) && !Lexicon.CapitalisedCommon.Contains(doc[t]) && !Lexicon.IsAllCaps(doc[t]))
                return Phrase(s, e, e);
        // "the justice sounded off on Trump, saying …" refers back to a person named before; a description that does
        // not ("several environmental groups", "His chief aide", "The conservative publication") is the source itself.
        if (!descriptions || doc[s] is "the" or "The" && doc.IsWord(e - 1) && Lexicon.RoleNouns.Contains(doc[e - 1])) return null;
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
        if (from < to && doc.IsWord(from) && doc[from] is "Like" or "Unlike")
            while (from < to && !doc.IsPunct(from, ',')) from++;
        // "As Blumenthal spoke, the NRA was going into overdrive, …": a subordinate clause's subject is not the sentence's.
        if (from < to && doc.IsWord(from) && (doc[from] == "As" || IsSubordinator(doc[from])))
        {
            // Not "As The Post's Ruth Marcus puts it, …" / "As Clinton noted, …": an attribution of its own.
            var comma = from;
            var reports = false;
            for (; comma < to && !doc.IsPunct(comma, ','); comma++)
                reports |= doc.IsWord(comma) && (doc[comma] is "put" or "puts" || doc[comma] != "spoke" && IsAttributionVerb(comma));
            if (comma < to && !reports) from = comma;
        }
        for (var t = from; t < to; t++)
        {
            if (doc.Is(t, TokenKind.Quote)) return null;
            if (doc.IsPunct(t, ',')) { clause = true; continue; }
            if (!clause) continue;
            if (personAt[t] is { } p) return p.Name;
            if (!doc.IsWord(t)) continue;
            var w = doc[t];
            if (w is "he" or "she" or "He" or "She") return Antecedent(w.ToLowerInvariant(), doc.Tokens[t].Start, sameSentence: true);
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
        t + 1 < personAt.Length && personAt[t + 1] != null && !doc[t].EndsWith("ed") && !doc[t].EndsWith("ing") && !doc[t].EndsWith("ly")
        && !Lexicon.ReportingVerbs.Contains(doc[t]) && !Lexicon.FramingVerbs.Contains(doc[t]) && !Lexicon.Auxiliaries.Contains(doc[t]) && !IsFunctionWord(doc[t])
        && !NotDescriptors.Contains(doc[t]);

    private static bool IsOpener(string w) => ClauseOpeners.Contains(w);

    /// <summary>Lowercase words that can sit inside a subject phrase: role nouns and possessives' heads.</summary>
    private bool IsNounish(int t) => Lexicon.RoleNouns.Contains(doc[t]) || NounishWords.Contains(doc[t]);

    /// <summary>A sentence of only a quote: the previous sentence may end "X said:" for it.</summary>
    private string? FromNeighbourSentence(int open)
    {
        if (open >= doc.Tokens.Count) return null;
        var sentence = doc.SentenceOf[open];
        if (sentence == 0) return null;
        var (ps, pe) = doc.Sentences[sentence - 1];
        ps = Math.Max(ps, pe - SentenceLookBack);
        var last = pe - 1;
        // "X said:" — or "Howard continued his remarks." before a paragraph that is only a quote — or
        // "…, Schiff said. "…"" where the quote opens the next sentence.
        var colon = last >= ps && doc.IsPunct(last, ':');
        var wholeParagraph = doc.IsSentenceStart(open) && (open == 0 || doc.Is(open - 1, TokenKind.Newline));
        var endsWithVerb = doc.IsSentenceStart(open) && EndsWithReportingVerb(ps, last);
        if (!colon && !endsWithVerb && !(wholeParagraph && doc.ParagraphOf(doc.Tokens[last].Start) < doc.ParagraphOf(doc.Tokens[open].Start)))
            return null;
        for (var v = last - 1; v >= ps; v--)
        {
            if (doc.Tokens[v].Kind == TokenKind.Quote) return null; // that sentence has its own quote
            if (doc.IsWord(v) && Lexicon.ReportingVerbs.Contains(doc[v]) && !IsNounUse(v))
                return Subject(v, ps);
        }
        // "Sanders made the following comment:" — no reporting verb, but the sentence's subject introduces it.
        return colon ? SentenceSubject(last) : null;
    }

    /// <summary>
    /// "His partner, Lawrence Cummings, called him a master at deals. "He showed again and again …"": a quote standing
    /// as its own sentence right after a sentence in which a person reports (in the same paragraph) is that person's.
    /// </summary>
    private string? ReporterOfPreviousSentence(int open)
    {
        if (open >= doc.Tokens.Count || doc.SentenceOf[open] == 0) return null;
        var (ps, pe) = doc.Sentences[doc.SentenceOf[open] - 1];
        if (pe - ps > MaxOrdinarySentenceTokens || doc.ParagraphOf(doc.Tokens[ps].Start) != doc.ParagraphOf(doc.Tokens[open].Start)) return null;
        // A sentence with a quote of its own ("“…,” Hooton said after Rubio spoke.") leaves it to the running speaker.
        for (var t = ps; t < pe; t++)
            if (doc.Tokens[t].Kind is TokenKind.Quote or TokenKind.Newline) return null;
        for (var v = pe - 1; v > ps; v--)
        {
            if (doc.IsWord(v) && (Lexicon.ReportingVerbs.Contains(doc[v]) || Lexicon.FramingVerbs.Contains(doc[v])) && !IsNounUse(v))
                return Subject(v, ps) is { } subject && _byName.ContainsKey(subject) ? subject : null;
        }
        return null;
    }

    private bool EndsWithReportingVerb(int from, int last)
    {
        // "X said." / "X said in a statement." / "X told reporters Monday.": a short tail after the verb.
        for (var v = last; v >= Math.Max(from, last - ReportingTailTokens); v--)
        {
            if (doc.Is(v, TokenKind.Quote) || doc.IsPunct(v, ',')) return false;
            if (v > from && IsAttributionVerb(v)) return true;
        }
        return false;
    }
}
