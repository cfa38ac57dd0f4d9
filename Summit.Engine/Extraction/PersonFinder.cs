using Gaz = Summit.Engine.Gazetteer.Gazetteer;

namespace Summit.Engine.Extraction;

/// <summary>One person of the article: canonical full name, gender if known ('M', 'F' or '\0'), every mention.</summary>
internal sealed class Person(string name, char gender)
{
    public string Name { get; } = name;
    public char Gender { get; set; } = gender;
    /// <summary>Token ranges [Start, End) of every mention.</summary>
    public List<(int Start, int End)> Mentions { get; } = [];
}

/// <summary>What <see cref="PersonFinder.Find"/> returns: the persons, the person at each token (null for none), and the
/// token ranges [Start, End) of firms' names met ("Morgan Stanley"), which are no place either ("Stanley").</summary>
internal sealed record PersonsFound(List<Person> Persons, Person?[] PersonAt, List<(int Start, int End)> Firms);

/// <summary>
/// Finds person names: capitalised token runs that carry evidence of being a person (a known first name, a
/// title or role noun before them, a reporting verb after them), strips titles so the mention covers only the
/// name, and then links later surname-only mentions ("Putin") and family-name-first short forms ("Xi") to the
/// full name met in the article. Stateless: one instance serves every thread; what a call learns lives in its locals
/// and in the <see cref="PersonsFound"/> it returns.
/// </summary>
internal sealed class PersonFinder(Gaz gazetteer)
{
    public PersonsFound Find(TextDocument doc, List<PlaceHit> places)
    {
        var n = doc.Tokens.Count;
        var placeAt = new PlaceHit?[n];
        foreach (var p in places)
            for (var t = p.Start; t < p.End; t++) placeAt[t] = p;

        var firmSpans = new List<(int Start, int End)>();
        var persons = new List<Person>();
        var byName = new Dictionary<string, Person>(StringComparer.Ordinal);
        var personAt = new Person?[n];
        var singles = new List<SingleName>();
        var firms = new List<string[]>();
        var lowercase = new LowercaseWords(doc);
        // Names used as a work's or a character's ("the Harry Potter series"), and names with evidence of a person.
        HashSet<Person>? works = null, evidenced = null;

        for (var i = 0; i < n; i++)
        {
            if (!IsNameWord(doc, i)) continue;
            var runEnd = RunEnd(doc, i);
            // "Drexel Burnham Lambert Inc" before a first name ("Lambert") splits it: a firm's name, and its other
            // mentions ("Drexel Burnham") are no person either.
            var firmStart = StripTitles(doc, i, runEnd).Start;
            var form = firmStart < runEnd ? FirmFormAt(doc, firmStart, runEnd, placeAt) : 0;
            if (form > 0 || firmStart < runEnd && IsFirm(doc, firmStart, runEnd))
            {
                firms.Add(NameText(doc, firmStart, form > 0 ? form : runEnd).Split(' '));
                firmSpans.Add((firmStart, runEnd));
                i = runEnd - 1;
                continue;
            }
            var end = SplitAtSecondName(doc, i, runEnd);
            // "President Andrés Manuel López Obrador": a given name the list lacks, alone before the split, is the same name's.
            if (end < runEnd && end - 1 == firmStart && char.IsUpper(doc[firmStart][0]) && !gazetteer.IsCommonWord(doc[firmStart])) end = runEnd;
            var (start, hadTitle, personal, gender) = StripTitles(doc, i, end);
            i = end - 1;
            // Drop trailing words that cannot end a name ("Putin Tuesday", "Chris Christie Calls").
            while (end > start && (Lexicon.Calendar.Contains(doc[end - 1]) || !doc.IsWord(end - 1)
                                   || end - start > 1 && gazetteer.IsCommonWord(doc[end - 1]) && gazetteer.FirstNameGender(doc[end - 2]) == '\0' && gazetteer.FirstNameGender(doc[end - 1]) == '\0'
                                      && IsCommonNoun(lowercase, doc[end - 1]))) end--;
            if (end <= start) continue;
            if (!IsPersonCandidate(doc, start, end, placeAt)) continue;
            var len = CountWords(doc, start, end);
            // "House Banking committee", "Economic Cooperation": a single word after a chamber or department is
            // part of a body's name; only a personal title ("Mr", "Secretary", "spokesman") vouches for it.
            var evidence = Evidence(doc, start, end, hadTitle && (personal || len >= 2));
            if (len >= 2)
            {
                var firstGender = gazetteer.FirstNameGender(doc[start]);
                if (evidence == 0 && firstGender == '\0' && !LooksLikeName(doc, start, end) && !IsInitialAndSurname(doc, start, end, placeAt)) continue;
                if (doc.IsSentenceStart(start) && Lexicon.CapitalisedCommon.Contains(doc[start]) && !IsInitial(doc, start)) continue;
                // "Scissor Sisters", "Pet Shop Boys": a plural noun as the last word names a band or team, unless a given
                // name or a title vouches for a person ("Bernie Sanders", "Mr Rob Waters"); after a place ("Atlanta Braves",
                // "San Diego Padres") also a given name or a plural no dictionary has. Like a firm, the team is an
                // organisation, and its town no place.
                if (evidence < 2 && !IsInitial(doc, start) && IsTeamOrBand(doc[end - 1], firstGender != '\0', placeAt[start] != null))
                {
                    firms.Add(NameText(doc, start, end).Split(' '));
                    firmSpans.Add((start, end));
                    continue;
                }
                var name = NameText(doc, start, end);
                if (!byName.TryGetValue(name, out var p))
                {
                    p = new Person(name, gender != '\0' ? gender : KnownGender(doc[start]));
                    byName[name] = p;
                    persons.Add(p);
                }
                Mark(p, start, end, personAt);
                if (evidence > 0) (evidenced ??= []).Add(p);
                if (IsWorkMention(doc, start, end)) (works ??= []).Add(p);
            }
            // A single letter is an initial ("S and P said"), not a surname; a role ("National Security Advisor to the
            // President") or a plural ("Minister of Foreign Affairs", "Executive Order") after titles is no surname either.
            else if (doc[start].Length < 2 || Lexicon.RoleNouns.Contains(doc[start].ToLowerInvariant())
                     || doc[start].EndsWith('s') && (gazetteer.IsCommonWord(doc[start]) || gazetteer.IsCommonWord(doc[start][..^1]))) continue;
            else if (evidence == 2 && !Lexicon.CapitalisedCommon.Contains(doc[start])
                     || evidence == 1 && !Lexicon.CapitalisedCommon.Contains(doc[start]) && !IsCommonNoun(lowercase, doc[start]) && !gazetteer.IsCommonWord(doc[start])
                        && !(doc.IsSentenceStart(start) && doc[start].EndsWith('s')))
                singles.Add(new SingleName(start, evidence, gender));
        }

        if (firms.Count > 0)
        {
            foreach (var p in persons.Where(p => IsFirmName(p.Name, firms)))
                foreach (var (s, e) in p.Mentions)
                {
                    firmSpans.Add((s, e));
                    for (var t = s; t < e; t++) personAt[t] = null;
                }
            persons.RemoveAll(p => IsFirmName(p.Name, firms));
            singles.RemoveAll(x => IsFirmName(doc[x.Start], firms));
        }
        MergeHeadlineWords(doc, persons, personAt, singles);
        LinkShortForms(doc, persons, personAt, placeAt, singles);
        if (works != null) DropWorks(persons, personAt, singles, works, evidenced);
        GenderFromPronouns(doc, personAt);
        return new PersonsFound(persons, personAt, firmSpans);
    }

    /// <summary>
    /// "the Harry Potter series", "the first James Bond book": a name the article uses as a work's or a fictional
    /// character's is no person there, unless a title or a reporting verb at one of its mentions (also a surname's
    /// alone: "Leigh said") vouches for one ("the Mike Leigh series … director Mike Leigh").
    /// </summary>
    private static void DropWorks(List<Person> persons, Person?[] personAt, List<SingleName> singles, HashSet<Person> works, HashSet<Person>? evidenced)
    {
        foreach (var single in singles)
            if (single.Evidence > 0 && personAt[single.Start] is { } p) (evidenced ??= []).Add(p);
        foreach (var work in works)
        {
            if (evidenced?.Contains(work) == true) continue;
            foreach (var (s, e) in work.Mentions)
                for (var t = s; t < e; t++) personAt[t] = null;
            persons.Remove(work);
        }
    }

    /// <summary>The mention modifies a work noun ("Harry Potter series"), opens a title ("Harry Potter and the Prisoner of
    /// Azkaban") or follows "next" ("the next James Bond").</summary>
    private static bool IsWorkMention(TextDocument doc, int start, int end)
    {
        if (doc.IsWord(end) && WorkNouns.Contains(doc[end])) return true;
        // "Harry Potter and the Prisoner of Azkaban": a title; not a band's "Mavis Staples and the Blind Boys of Alabama".
        if (doc.IsWord(end) && doc[end] == "and" && doc.IsWord(end + 1) && doc[end + 1] is "the" or "The")
            for (var k = end + 2; k < end + 5 && doc.IsWord(k) && char.IsUpper(doc[k][0]) && !doc[k].EndsWith('s'); k++)
                if (doc.IsWord(k + 1) && doc[k + 1] is "of" or "Of") return true;
        var prev = start - 1;
        return prev >= 0 && doc.IsWord(prev) && WorkCuesBefore.Contains(doc[prev]);
    }

    /// <summary>A single name with evidence of being a person ("Putin said", "Mrs Smith"), and the gender its title gave
    /// ('\0' for none), until <see cref="LinkShortForms"/> links it to a full name or makes it a person.</summary>
    private readonly record struct SingleName(int Start, int Evidence, char Gender);

    /// <summary>'M' or 'F' for a given name of one gender; '\0' for a unisex ('U') or unknown name.</summary>
    private char KnownGender(string givenName) => gazetteer.FirstNameGender(givenName) is var g && g is 'M' or 'F' ? g : '\0';

    /// <summary>
    /// "Adel Nefzi said he …": the article's own pronoun right after "X said" outweighs the given-name table (which has
    /// Adel as a woman's name).
    /// </summary>
    private static void GenderFromPronouns(TextDocument doc, Person?[] personAt)
    {
        Dictionary<Person, (int He, int She)>? votes = null;
        for (var i = 0; i + 3 < doc.Tokens.Count; i++)
        {
            if (personAt[i] is not { } p || personAt[i + 1] == p) continue;
            var v = i + 1;
            if (!doc.IsWord(v) || doc[v] is not ("said" or "says" or "added" or "told" or "explained" or "argued" or "insisted")) continue;
            var k = v + 1;
            if (doc.IsWord(k) && doc[k] == "that") k++;
            if (!doc.IsWord(k) || doc[k] is not ("he" or "she")) continue;
            votes ??= [];
            var (he, she) = votes.GetValueOrDefault(p);
            votes[p] = doc[k] == "he" ? (he + 1, she) : (he, she + 1);
        }
        if (votes == null) return;
        // Only when the article never says the other: "Ayotte said he would vote for Trump" may be about someone else.
        foreach (var (p, (he, she)) in votes)
            if (he > 0 && she == 0) p.Gender = 'M';
            else if (she > 0 && he == 0) p.Gender = 'F';
    }

    /// <summary>
    /// "Black Lawmakers Rip Donald Trump Over …": in a title-case headline common words run into a name met elsewhere
    /// in the article; the mention is that person's, without the words.
    /// </summary>
    private void MergeHeadlineWords(TextDocument doc, List<Person> persons, Person?[] personAt, List<SingleName> singles)
    {
        var byName = persons.ToDictionary(p => p.Name, StringComparer.Ordinal);
        HashSet<string>? bodySurnames = null;
        foreach (var p in persons.ToList())
        {
            var words = p.Name.Split(' ');
            // Only in a headline's title case: in running text "Bob Vander Plaats" is a name of its own.
            if (words.Length < 3 || !p.Mentions.TrueForAll(m => InTitleCaseLine(doc, m.Start))) continue;
            int first, last;
            if (RealNameInside(words, byName) is ({ } found, var f, var l)) (first, last) = (f, l);
            else
            {
                // "Morton Blackwell Endorses", "Celebrities Julianne Moore": the words around a surname the text uses
                // ("Blackwell said"), with the given name before it.
                bodySurnames ??= BodySurnames(doc, persons, singles);
                var j = Array.FindIndex(words, 1, w => bodySurnames.Contains(w));
                if (j < 1 || gazetteer.FirstNameGender(words[j - 1]) == '\0' || j - 1 == 0 && j + 1 == words.Length) continue;
                (first, last) = (j - 1, j + 1);
                var name = string.Join(' ', words[first..last]);
                if (!byName.TryGetValue(name, out found))
                {
                    found = new Person(name, KnownGender(words[first]));
                    byName[name] = found;
                    persons.Add(found);
                }
            }
            foreach (var (s, e) in p.Mentions)
            {
                // The real name's tokens: skip as many leading name words as were dropped.
                var k = s;
                for (var dropped = 0; k < e && dropped < first; k++)
                    if (doc.IsWord(k)) dropped++;
                var end = k;
                for (var kept = 0; end < e && kept < last - first; end++)
                    if (doc.IsWord(end)) kept++;
                for (var t = s; t < e; t++) personAt[t] = t >= k && t < end ? found : null;
                found.Mentions.Add((k, end));
            }
            found.Mentions.Sort();
            persons.Remove(p);
        }
    }

    /// <summary>Surnames used outside title-case lines: last words of persons' names and evidenced single names.</summary>
    private static HashSet<string> BodySurnames(TextDocument doc, List<Person> persons, List<SingleName> singles)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in persons)
            if (p.Mentions.Exists(m => !InTitleCaseLine(doc, m.Start))) set.Add(p.Name[(p.Name.LastIndexOf(' ') + 1)..]);
        foreach (var single in singles)
            if (!InTitleCaseLine(doc, single.Start)) set.Add(doc[single.Start]);
        return set;
    }

    /// <summary>The longest known name inside <paramref name="words"/> once common words are dropped before it, and any words after it
    /// that start with a common word.</summary>
    private (Person? Real, int First, int Last) RealNameInside(string[] words, Dictionary<string, Person> byName)
    {
        for (var first = 0; first < words.Length - 1 && (first == 0 || gazetteer.IsCommonWord(words[first - 1])); first++)
            // Trailing words go when the first of them is a common word ("… Paul Okoye Over Ferry Plan").
            for (var last = words.Length; last - first >= 2; last--)
                if ((first > 0 || last < words.Length) && (last == words.Length || gazetteer.IsCommonWord(words[last]))
                    && byName.TryGetValue(string.Join(' ', words[first..last]), out var real))
                    return (real, first, last);
        return (null, 0, 0);
    }

    /// <summary>The name's words open the name of a firm met in the article ("Drexel Burnham" of "Drexel Burnham Lambert").</summary>
    private static bool IsFirmName(string name, List<string[]> firms)
    {
        var words = name.Split(' ');
        return firms.Exists(f => f.Length >= words.Length && words.AsSpan().SequenceEqual(f.AsSpan(0, words.Length)));
    }

    /// <summary>Index of a legal form or firm ending inside the run after at least one name word, else 0.</summary>
    private static int FirmFormAt(TextDocument doc, int start, int end, PlaceHit?[] placeAt)
    {
        for (var t = start + 1; t < end; t++)
            // "West Bank" is a place's name, "Bank of Japan" a central bank's.
            if (doc.IsWord(t) && (Lexicon.LegalForms.Contains(doc[t]) || Lexicon.FirmEndings.Contains(doc[t]) && placeAt[t] == null)
                && !(doc.IsWord(t + 1) && doc[t + 1] == "of"))
                return t;
        return 0;
    }

    /// <summary>
    /// A firm, not a person: the name goes on over a line break to a legal form ("Drexel Burnham\nLambert Inc"),
    /// ends "and Co" or ", Harris Upham and Co", or follows "analyst at" ("an analyst with Merrill Lynch").
    /// </summary>
    private static bool IsFirm(TextDocument doc, int start, int end)
    {
        var n = doc.Tokens.Count;
        var k = end;
        // The run continued on the next line ("Dean Witter\nReynolds Inc").
        if (k < n && doc.Is(k, TokenKind.Newline))
        {
            var words = 0;
            for (k++; k < n && doc.IsWord(k) && char.IsUpper(doc[k][0]) && words < MaxFirmNameWords; k++, words++)
                if (Lexicon.LegalForms.Contains(doc[k]) || Lexicon.FirmEndings.Contains(doc[k])) return !(doc.IsWord(k + 1) && doc[k + 1] == "of");
            k = end;
        }
        // "Smith Barney, Harris Upham and Co": partners' names joined by a comma before "and Co".
        var partners = false;
        if (doc.IsPunct(k, ','))
        {
            var j = k + 1;
            var words = 0;
            while (j < n && (doc.Is(j, TokenKind.Newline) || doc.IsWord(j) && char.IsUpper(doc[j][0]) && doc[j] != "And" && !Lexicon.LegalForms.Contains(doc[j])) && words < MaxFirmNameWords)
            {
                if (doc.IsWord(j)) words++;
                j++;
            }
            if (words > 0) (k, partners) = (j, true);
        }
        while (k < n && doc.Is(k, TokenKind.Newline)) k++;
        if (k < n && (doc.IsWord(k) && doc[k] is "and" or "And" || doc.IsPunct(k, '&')))
        {
            k++;
            while (k < n && doc.Is(k, TokenKind.Newline)) k++;
            if (k < n && doc.IsWord(k) && Lexicon.LegalForms.Contains(doc[k])) return true;
            // ", Harris and Upham Inc": after a list of partners one more name may stand before the form.
            if (partners && k + 1 < n && doc.IsWord(k) && char.IsUpper(doc[k][0]) && doc.IsWord(k + 1) && Lexicon.LegalForms.Contains(doc[k + 1])) return true;
        }
        // "Smith Barney analyst Craig Sloane": the employer of an analyst; "Tanjug news agency", "news agency Tanjug".
        var next = end;
        while (next < n && doc.Is(next, TokenKind.Newline)) next++;
        if (next < n && doc.IsWord(next) && (doc[next] is "analyst" or "analysts" or "economist" or "economists" or "strategist" or "strategists" or "newspaper" or "daily"
                                             || doc[next] == "news" && doc.IsWord(next + 1) && doc[next + 1] == "agency"))
            return true;
        // "analyst at Merrill Lynch", "economist with Morgan Stanley", "brokers James Capel".
        var prev = start - 1;
        while (prev >= 0 && doc.Is(prev, TokenKind.Newline)) prev--;
        if (prev >= 0 && doc.IsWord(prev) && FirmBefore.Contains(doc[prev])) return true;
        // "said lead manager Morgan Stanley", "underwritten by Goldman Sachs": the banks of a securities issue.
        if (prev >= 1 && doc.IsWord(prev) && doc[prev] is "manager" or "managers" or "by")
        {
            var before = prev - 1;
            while (before >= 0 && doc.Is(before, TokenKind.Newline)) before--;
            if (before >= 0 && doc.IsWord(before) && doc[before] is "lead" or "underwritten" or "managed" or "co-managed") return true;
        }
        if (prev >= 1 && doc.IsWord(prev) && doc[prev] is "at" or "with")
        {
            var role = prev - 1;
            while (role >= 0 && doc.Is(role, TokenKind.Newline)) role--;
            if (role >= 0 && doc.IsWord(role) && MarketRoles.Contains(doc[role]))
                return true;
        }
        return false;
    }

    /// <summary>Surname or family-name mentions of a known full name; evidenced single names become persons too.</summary>
    private void LinkShortForms(TextDocument doc, List<Person> persons, Person?[] personAt, PlaceHit?[] placeAt,
        List<SingleName> singles)
    {
        var byShort = new Dictionary<string, Person>(StringComparer.Ordinal);
        foreach (var p in persons)
        {
            var parts = p.Name.Split(' ');
            if (parts.Length < 2) continue;
            // "Grand Slam I": a one-letter last word is a numeral or an initial, and "I" the pronoun everywhere else.
            if (parts[^1].Length > 1) byShort.TryAdd(parts[^1], p);
            // "Xi Jinping" → "Xi": a first part that is not an English first name may be the family name.
            if (gazetteer.FirstNameGender(parts[0]) == '\0' && parts[0].Length > 1 && !Lexicon.Titles.Contains(parts[0]))
                byShort.TryAdd(parts[0], p);
        }
        foreach (var single in singles)
        {
            var w = doc[single.Start];
            if (byShort.ContainsKey(w)) continue;
            // A lone given name ("Melanie said") has that name's gender, when no title said otherwise.
            var p = new Person(w, single.Gender != '\0' ? single.Gender : KnownGender(w));
            persons.Add(p);
            byShort[w] = p;
        }
        if (byShort.Count == 0) return;
        var byFull = persons.Where(p => p.Name.Contains(' ')).GroupBy(p => p.Name.ToUpperInvariant()).ToDictionary(g => g.Key, g => g.First());
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            if (personAt[i] != null || !doc.IsWord(i)) continue;
            var word = doc[i];
            // Headlines in capitals: "SHEARER NAMED CAPTAIN", "ROBERTO DURAN" name people met in the text.
            var caps = word.Length > 1 && Lexicon.IsAllCaps(word) && InCapitalsLine(doc, i);
            if (caps && doc.IsWord(i + 1) && byFull.TryGetValue(word + " " + doc[i + 1], out var full))
            {
                Mark(full, i, i + 2, personAt);
                i++;
                continue;
            }
            // "Lopez-Cantera" for "Carlos Lopez-Cantera": a hyphenated surname is three tokens.
            if (doc.IsPunct(i + 1, '-') && doc.IsWord(i + 2) && doc.Tokens[i + 1].Start == doc.Tokens[i].End && doc.Tokens[i + 2].Start == doc.Tokens[i + 1].End
                && byShort.TryGetValue(word + "-" + doc[i + 2], out var hyphenated) && personAt[i + 2] == null)
            {
                Mark(hyphenated, i, i + 3, personAt);
                i += 2;
                continue;
            }
            if (!byShort.TryGetValue(caps ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant() : word, out var p)) continue;
            if (placeAt[i] is { } town && p.Name != word && !IsSmallTown(town)) continue;
            // Part of a longer capitalised run that is not this person ("Putin Foundation") is left alone.
            if (doc.IsWord(i + 1) && Lexicon.IsCapitalised(doc[i + 1]) && doc.Tokens[i + 1].Start == doc.Tokens[i].End + 1
                && !Lexicon.CapitalisedCommon.Contains(doc[i + 1]) && !Lexicon.Calendar.Contains(doc[i + 1]))
            {
                if (Lexicon.OrgWords.Contains(doc[i + 1])) continue;
            }
            Mark(p, i, i + 1, personAt);
        }
    }

    /// <summary>A line of four or more words whose every word of four letters or more is capitalised: a headline.</summary>
    private static bool InTitleCaseLine(TextDocument doc, int i)
    {
        // A headline is short: the look-back is bounded, so a megabyte line stays linear.
        var s = i;
        while (s > 0 && !doc.Is(s - 1, TokenKind.Newline))
            if (i - --s > MaxHeadlineTokens) return false;
        var words = 0;
        for (var k = s; k < doc.Tokens.Count && !doc.Is(k, TokenKind.Newline); k++)
        {
            if (!doc.IsWord(k)) continue;
            if (doc[k].Length >= 4 && !char.IsUpper(doc[k][0]) || ++words > MaxHeadlineTokens) return false;
        }
        return words >= 4;
    }

    private const int MaxHeadlineTokens = 40;
    private const int MaxRunTokens = 24;
    // "Dean Witter\nReynolds Inc", "Smith Barney, Harris Upham and Co": a firm's name continued on the next line or
    // after a partner's comma reaches its legal form within a few capitalised words.
    private const int MaxFirmNameWords = 4;
    // A headline in capitals is told from a transcript label ("PENCE: Well, …") by the three tokens either side.
    private const int CapitalsLineContext = 3;

    // Word lists from Words/*.txt (embedded resources), read once.
    private static readonly HashSet<string> MaleTitles = WordList.Set("male-titles.txt");
    private static readonly HashSet<string> FemaleTitles = WordList.Set("female-titles.txt");
    private static readonly HashSet<string> FirmBefore = WordList.Set("firm-cues-before.txt");
    private static readonly HashSet<string> MarketRoles = WordList.Set("market-roles.txt");
    private static readonly HashSet<string> GivenNameOrgWords = WordList.Set("given-name-org-words.txt");
    private static readonly HashSet<string> WorkNouns = WordList.Set("work-nouns.txt");
    private static readonly HashSet<string> WorkCuesBefore = WordList.Set("work-cues-before.txt");

    /// <summary>The words around the token are capitals too: a headline, not "PENCE: Well, …".</summary>
    private static bool InCapitalsLine(TextDocument doc, int i)
    {
        for (var k = i - 1; k >= Math.Max(0, i - CapitalsLineContext) && !doc.Is(k, TokenKind.Newline); k--)
            if (doc.IsWord(k) && !Lexicon.IsAllCaps(doc[k])) return false;
        for (var k = i + 1; k < Math.Min(doc.Tokens.Count, i + CapitalsLineContext + 1) && !doc.Is(k, TokenKind.Newline); k++)
            if (doc.IsWord(k) && !Lexicon.IsAllCaps(doc[k])) return false;
        return true;
    }

    private static bool AfterLocativePreposition(TextDocument doc, int start) =>
        start > 0 && doc.IsWord(start - 1) && doc[start - 1] is "in" or "at" or "from" or "near" or "to" or "of" or "In" or "At" or "From" or "Near";

    /// <summary>A town, not a country or city of a million: a known person's surname wins ("Obama").</summary>
    private static bool IsSmallTown(PlaceHit hit) =>
        hit.Readings.All(r => r.Kind == Gazetteer.PlaceKind.City && !r.Capital && r.Population < 1_000_000);

    /// <summary>The last word of a band's or a team's name: the plural of a dictionary noun ("Sisters", "Braves"; "Boss"
    /// and "Davis" are no plurals) after no given name, or after a place any plural ("Padres").</summary>
    private bool IsTeamOrBand(string last, bool givenName, bool afterPlace)
    {
        if (last.Length <= 3 || last[^1] != 's' || last[^2] is 's' or 'u' or 'i') return false;
        return gazetteer.IsCommonWord(last[..^1]) ? !givenName || afterPlace : afterPlace && !givenName;
    }

    /// <summary>"Analysts said", "Traders said": a common word used as a noun, not "Baker said".</summary>
    private bool IsCommonNoun(LowercaseWords lowercase, string word)
    {
        if (!gazetteer.IsCommonWord(word)) return false;
        if (word.EndsWith('s')) return true;
        return lowercase.Contains(word.ToLowerInvariant());
    }

    /// <summary>The words one document writes in lowercase ("analysts"): collected once per call of <see cref="Find"/>, and
    /// only when a rule asks.</summary>
    private sealed class LowercaseWords(TextDocument doc)
    {
        private HashSet<string>? _words;

        public bool Contains(string word) => (_words ??= Collect()).Contains(word);

        // The document's own token strings (cut once and shared with every rule), not a copy of each word.
        private HashSet<string> Collect()
        {
            var words = new HashSet<string>(StringComparer.Ordinal);
            for (var t = 0; t < doc.Tokens.Count; t++)
                if (doc.Tokens[t].Kind == TokenKind.Word && char.IsLower(doc.Text[doc.Tokens[t].Start])) words.Add(doc[t]);
            return words;
        }
    }

    private static void Mark(Person p, int start, int end, Person?[] personAt)
    {
        p.Mentions.Add((start, end));
        for (var t = start; t < end; t++) personAt[t] = p;
    }

    private static bool IsNameWord(TextDocument doc, int i)
    {
        if (!doc.IsWord(i)) return false;
        var w = doc[i];
        return char.IsUpper(w[0]) && !(w.Length > 1 && Lexicon.IsAllCaps(w) && !w.Contains('.')) && !IsContraction(w);
    }

    /// <summary>"I’ve", "We’re", "Don't": a contraction's ending after the apostrophe (unlike O'Brien, D’Alema, Songo'o).</summary>
    private static bool IsContraction(string w)
    {
        var k = w.IndexOfAny(['\'', '\u2019']);
        return k > 0 && w[(k + 1)..] is "ve" or "m" or "ll" or "d" or "re" or "t";
    }

    /// <summary>End of a run of capitalised words, initials ("W."), hyphens and name particles.</summary>
    private static int RunEnd(TextDocument doc, int i)
    {
        var end = i + 1;
        var n = doc.Tokens.Count;
        // Bounded: a name is short, and a megabyte of capitalised words must not be rescanned after every split.
        while (end < n && end - i < MaxRunTokens)
        {
            var gap = doc.Tokens[end].Start - doc.Tokens[end - 1].End;
            if (gap > 1) break;
            if (IsNameWord(doc, end) && gap == 1) { end++; continue; }
            // Hard-wrapped text ("Agriculture Secretary Richard\nLyng"): a name goes on over a line break that
            // only wraps a long line, the next line starting flush with the name word.
            if (doc.WrapsLine(end) && IsNameWord(doc, end + 1)) { end += 2; continue; }
            // Initial "W." glued to its dot.
            if (doc.IsPunct(end, '.') && gap == 0 && doc[end - 1].Length == 1 && char.IsUpper(doc[end - 1][0])) { end++; continue; }
            // "Jean-Claude", "al-Assad"
            if (doc.IsPunct(end, '-') && gap == 0 && end + 1 < n && doc.IsWord(end + 1) && doc.Tokens[end + 1].Start == doc.Tokens[end].End)
            { end += 2; continue; }
            // "Secretary of State X" joins over "of"; "Tom Udall of New Mexico" does not.
            if (gap == 1 && doc.IsWord(end) && (Lexicon.NameParticles.Contains(doc[end]) || doc[end] == "of" && Lexicon.Titles.Contains(doc[end - 1]))
                && IsNameWord(doc, end + 1) && doc.Tokens[end + 1].Start == doc.Tokens[end].End + 1) { end += 2; continue; }
            break;
        }
        return end;
    }

    /// <summary>
    /// A title-case run can hold two names ("Chris Christie Calls Hillary Clinton"): a first name after a
    /// surname starts the next one.
    /// </summary>
    private int SplitAtSecondName(TextDocument doc, int start, int end)
    {
        // The second name has two words at least: "Abdel Fattah Al Sisi", "Kamala Harris" end with a first-name-like word.
        for (var t = start + 2; t + 1 < end; t++)
            if (doc.IsWord(t) && doc[t].Length > 1 && gazetteer.FirstNameGender(doc[t]) != '\0' && !Lexicon.NameParticles.Contains(doc[t].ToLowerInvariant()) && doc.IsWord(t - 1)
                && gazetteer.FirstNameGender(doc[t - 1]) == '\0' && doc[t - 1].Length > 1 && !Lexicon.Titles.Contains(doc[t - 1])
                && !Lexicon.NameParticles.Contains(doc[t - 1]) && doc[t - 1] != "of")
                return t;
        return end;
    }

    /// <summary>Skips leading titles, roles, nationalities and "of" ("US Secretary of State Antony Blinken").</summary>
    private (int Start, bool HadTitle, bool Personal, char Gender) StripTitles(TextDocument doc, int start, int end)
    {
        var had = false;
        var personal = false;
        var gender = '\0';
        while (start < end)
        {
            var w = doc[start];
            if (doc.IsPunct(start, '.') || doc.IsPunct(start, '-') || doc.Is(start, TokenKind.Newline)) { start++; continue; }
            if (Lexicon.Titles.Contains(w) || w == "of" || IsNationality(w) || Lexicon.Calendar.Contains(w)
                || start + 1 < end && Lexicon.RoleNouns.Contains(w.ToLowerInvariant())
                || (doc.IsSentenceStart(start) && Lexicon.CapitalisedCommon.Contains(w) && start + 1 < end && !IsInitial(doc, start)))
            {
                if (Lexicon.Titles.Contains(w) || Lexicon.RoleNouns.Contains(w.ToLowerInvariant())) had = true;
                if (IsPersonalTitle(w)) personal = true;
                if (MaleTitles.Contains(w)) gender = 'M';
                if (FemaleTitles.Contains(w)) gender = 'F';
                start++;
                continue;
            }
            break;
        }
        // "Ohio Democratic Party Chairman David Pepper": the name follows the last title of the run.
        for (var t = end - 2; t >= start; t--)
        {
            if (!doc.IsWord(t) || !Lexicon.Titles.Contains(doc[t]) || doc[t] is "State" or "House" or "Senate") continue;
            var k = t + 1;
            while (k < end && doc.IsPunct(k, '.')) k++;
            if (k < end && IsNameWord(doc, k) && !Lexicon.Titles.Contains(doc[k]))
            {
                start = k;
                had = true;
                personal |= IsPersonalTitle(doc[t]);
                // "National Security Advisor Jake Sullivan": a role noun after the last title is part of the title.
                while (start + 1 < end && doc.IsWord(start) && Lexicon.RoleNouns.Contains(doc[start].ToLowerInvariant())) start++;
            }
            break;
        }
        if (!had && start > 0)
        {
            var prev = PrevWord(doc, start);
            if (prev >= 0 && (Lexicon.RoleNouns.Contains(doc[prev]) || Lexicon.Titles.Contains(doc[prev]))) had = true;
            if (prev >= 0 && IsPersonalTitle(doc[prev])) personal = true;
        }
        return (start, had, personal, gender);
    }

    /// <summary>A title or role that stands for a person ("Secretary", "Mr", "spokesman"), not a body ("House", "Economic").</summary>
    private static bool IsPersonalTitle(string w) =>
        Lexicon.Titles.Contains(w) && !Lexicon.BodyTitles.Contains(w) || Lexicon.RoleNouns.Contains(w.ToLowerInvariant());

    private static int PrevWord(TextDocument doc, int i)
    {
        var p = i - 1;
        if (p >= 0 && doc.IsPunct(p, '.')) p--;
        return p >= 0 && doc.IsWord(p) ? p : -1;
    }

    private bool IsNationality(string w) =>
        gazetteer.TryGetPlace(w, out var r) && r[0].Kind is Gazetteer.PlaceKind.Demonym or Gazetteer.PlaceKind.Country
        && gazetteer.FirstNameGender(w) == '\0';

    private bool IsPersonCandidate(TextDocument doc, int start, int end, PlaceHit?[] placeAt)
    {
        var words = 0;
        for (var t = start; t < end; t++)
        {
            if (!doc.IsWord(t)) continue;
            var w = doc[t];
            if (w == "of" || Lexicon.Calendar.Contains(w) || Lexicon.OrgWords.Contains(w) && !IsGivenNameFirst(doc, t, start, end)) return false;
            // "And I wish …", "When I", not "Elizabeth I".
            if ((Lexicon.Pronouns.Contains(w) && w.Length <= 4 && t == start || w == "I" && Lexicon.CapitalisedCommon.Contains(doc[start])) && !IsInitial(doc, t)) return false;
            words++;
        }
        if (words == 0) return false;
        // "Sri Lankan officials", "the Costa Ricans": a place's adjective or people.
        if (IsPlaceAdjective(doc, start, end)) return false;
        // "St Louis", "St Pauli", "St Helens": a saint's name without its dot is a town's, a club's or a church's.
        if (doc[start] == "St") return false;
        // "The Hill reported", "said The Washington Post": a capitalised article inside a sentence opens a title, not a name.
        if (doc[start] == "The" && !doc.IsSentenceStart(start)) return false;
        // "Chief Diplomatic Advisor", "Security Adviser": a role noun ends a title, not a name (but "Billie Jean King").
        if (words >= 2 && doc.IsWord(end - 1) && Lexicon.RoleNouns.Contains(doc[end - 1].ToLowerInvariant()) && gazetteer.FirstNameGender(doc[start]) == '\0')
            return false;
        // The whole run is one place ("New York", "Beijing"): a place, not a person.
        if (words >= 2 && placeAt[start] is { } p && p.Start == start && p.End >= end) return false;
        if (words >= 2 && placeAt[end - 1] is { } q && q.Readings[0].Kind != Gazetteer.PlaceKind.City) return false;
        if (words == 1 && placeAt[start] is { } single && (!IsSmallTown(single) || AfterLocativePreposition(doc, start))) return false;
        return true;
    }

    /// <summary>
    /// "Bill Clinton", "Christian Rudd": an organisation word that is also a common given name opens the name when a surname
    /// follows, a word no dictionary has (not "Christian Aid", "Christian Democrats").
    /// </summary>
    private bool IsGivenNameFirst(TextDocument doc, int t, int start, int end)
    {
        if (t != start || !GivenNameOrgWords.Contains(doc[t])) return false;
        var next = t + 1;
        return next < end && doc.IsWord(next) && doc[next].Length > 1 && !gazetteer.IsCommonWord(doc[next]) && !Lexicon.OrgWords.Contains(doc[next])
               && !Lexicon.IsAllCaps(doc[next]);
    }

    /// <summary>"Sri Lankan", "Costa Ricans", "West African": a country's or region's name with "n" or "ns" added, an
    /// adjective or its people, not a person.</summary>
    private bool IsPlaceAdjective(TextDocument doc, int start, int end)
    {
        var last = doc[end - 1];
        var cut = last.EndsWith("ns", StringComparison.Ordinal) ? 2 : last.EndsWith('n') ? 1 : 0;
        if (cut == 0 || !doc.IsWord(end - 1) || last.Length - cut < 3) return false;
        // Most names end in "n" ("John", "Brown"): only a run that opens a known place's name is spelt out and looked up.
        if (end - 1 > start && gazetteer.LongestNameStartingWith(doc[start]) == 0) return false;
        var name = end - 1 > start ? NameText(doc, start, end - 1) + " " + last[..^cut] : last[..^cut];
        return gazetteer.TryGetPlace(name, out var readings) && readings[0].Kind is Gazetteer.PlaceKind.Country or Gazetteer.PlaceKind.Region;
    }

    /// <summary>0 none; 1 a reporting verb after; 2 a title or role before.</summary>
    private static int Evidence(TextDocument doc, int start, int end, bool hadTitle)
    {
        if (hadTitle) return 2;
        var next = end;
        if (next < doc.Tokens.Count && doc.IsWord(next) && Lexicon.Auxiliaries.Contains(doc[next]) && doc[next] is "has" or "had" or "also" or "later" or "earlier")
            next++;
        if (doc.IsWord(next) && Lexicon.ReportingVerbs.Contains(doc[next]) && !Lexicon.FramingVerbs.Contains(doc[next])) return 1;
        // "Smith, 45," or "Smith, who"
        if (doc.IsPunct(end, ',') && (doc.Is(end + 1, TokenKind.Number) && doc.IsPunct(end + 2, ',') || doc.IsWord(end + 1) && doc[end + 1] == "who")) return 1;
        return 0;
    }

    /// <summary>Two or more capitalised words that are not common words look like a name ("Xi Jinping").</summary>
    private bool LooksLikeName(TextDocument doc, int start, int end)
    {
        for (var t = start; t < end; t++)
        {
            if (!doc.IsWord(t)) continue;
            var w = doc[t];
            if (Lexicon.NameParticles.Contains(w)) continue;
            if (w.Length == 1 && doc.IsPunct(t + 1, '.')) continue; // an initial: "S. Waugh"
            if (char.IsLower(w[0])) return false; // "Non-callable": a hyphenated word, not "Jean-Claude"
            if (w.Length < 2 || Lexicon.CapitalisedCommon.Contains(w) || gazetteer.IsCommonWord(w) || Lexicon.Titles.Contains(w) || Lexicon.IsAllCaps(w)
                || gazetteer.TryGetPlace(w, out _)) return false;
        }
        return true;
    }

    /// <summary>
    /// "J. Crawley", "C. White": one initial before a surname is a person's name, also when the surname is a town's or
    /// a dictionary word; not "U.S. Steel" (an abbreviation's last letter), "S. Africa" (a country) or "B. Then".
    /// </summary>
    private bool IsInitialAndSurname(TextDocument doc, int start, int end, PlaceHit?[] placeAt)
    {
        if (end != start + 3 || !IsInitial(doc, start)) return false;
        if (start > 0 && doc.IsPunct(start - 1, '.') && doc.Tokens[start - 1].End == doc.Tokens[start].Start) return false;
        var w = doc[start + 2];
        return doc.IsWord(start + 2) && w.Length > 1 && !Lexicon.IsAllCaps(w) && !Lexicon.CapitalisedCommon.Contains(w)
               && !(w.EndsWith('s') && gazetteer.IsCommonWord(w))
               && !(placeAt[start + 2] is { } place && place.Readings[0].Kind is not Gazetteer.PlaceKind.City);
    }

    /// <summary>A capital letter glued to its dot: "J." of "J. Crawley", "A." and "I." included.</summary>
    private static bool IsInitial(TextDocument doc, int t) =>
        doc.IsWord(t) && doc[t].Length == 1 && char.IsUpper(doc[t][0]) && doc.IsPunct(t + 1, '.') && doc.Tokens[t + 1].Start == doc.Tokens[t].End;

    private static int CountWords(TextDocument doc, int start, int end)
    {
        var c = 0;
        for (var t = start; t < end; t++) if (doc.IsWord(t) && !Lexicon.NameParticles.Contains(doc[t])) c++;
        return c;
    }

    private static string NameText(TextDocument doc, int start, int end) =>
        string.Join(' ', doc.Slice(start, end).Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
