using System.Text;
using Summit.Engine.Extraction;
using Summit.Engine.Search;
using Gaz = Summit.Engine.Gazetteer.Gazetteer;

namespace Summit.Engine.Entities;

/// <summary>
/// A person's name as the entity layer compares it: the words without titles or roles, and the keys that decide
/// identity — the family name (folded for spelling variants), the given name (folded for nicknames) and the
/// initials of middle names. "Joseph R. Biden Jr", "Joe Biden" and "Biden" share the family key "biden";
/// "Kishida Fumio" and "Fumio Kishida" share both keys.
/// </summary>
internal sealed record PersonName(string Display, string[] Words, string Family, string? Given, string Middle)
{
    /// <summary>A name of one word ("Reagan", "Subroto", "Du Plessis"): a family name or a mononym.</summary>
    public bool IsSingle => Given is null;

    /// <summary>A one-word name shown with its regnal title ("King Fahd"): the name a monarch or pope is known by.</summary>
    public bool IsTitledSingle => IsSingle && Words.Length == 1 && Display.Contains(' ');

    private static readonly HashSet<string> Regnal = new(StringComparer.Ordinal) { "King", "Queen", "Pope", "Emperor", "Sultan", "Emir", "Sheikh", "Crown" };
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV" };
    private static readonly Dictionary<string, string> Nicknames = WordList.Table("nicknames.tsv");
    private static readonly HashSet<string> FamilyFirst = WordList.Set("family-first-surnames.txt");
    private static readonly HashSet<string> FamilyFirstInThree = WordList.Set("family-first-three-word.txt");
    private static readonly HashSet<string> FormsOfAddress = WordList.Set("forms-of-address.txt");
    private static readonly HashSet<string> NotNameEndings = WordList.Set("not-name-endings.txt");
    private static readonly HashSet<string> NotPersons = new(WordList.Read("not-person-names.txt").Select(TextFolding.Fold), StringComparer.Ordinal);

    /// <summary>
    /// Parses a person value as the extractor wrote it; null when it cannot be a person's name: no capitalised
    /// word, a contraction ("I can't"), digits, only titles ("Mr. President"), a known organisation or work, or
    /// words that are all common English words with no given name among them ("Naval Observatory").
    /// </summary>
    public static PersonName? Parse(string raw)
    {
        var words = raw.Split([' ', '\u00A0', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0 || NotPersons.Contains(TextFolding.Fold(raw)) || OrganizationFinder.IsKnown(raw)) return null;
        foreach (var w in words)
            if (w.Any(char.IsDigit) || (w.Contains('\u2019') || w.Contains('\'')) && !IsNameApostrophe(w)) return null;
        while (words.Count > 1 && (Suffixes.Contains(words[^1].TrimEnd(',')) || words[^1].Length == 1)) words.RemoveAt(words.Count - 1);
        // "elect Lula", "If Putin": a lower-case word or a sentence's opening word before the name is no part of it.
        while (words.Count > 1 && (char.IsLower(words[0][0]) && !IsParticle(words[0]) || OrganizationFinder.IsSentenceWord(words[0]))) words.RemoveAt(0);
        // Titles and roles before the name: "President Reagan", "Budget Minister Alain Juppe".
        string? regnal = null;
        while (words.Count > 1 && IsTitle(words[0]))
        {
            regnal = Regnal.Contains(words[0]) ? words[0] : null;
            words.RemoveAt(0);
        }
        // Words before the first given name are a role the extractor kept, even misspelt ("Represenative Clayton
        // Yeutter", "West German Finance Minister Gerhard Stoltenberg"): the name starts at the given name.
        if (words.Count >= 3)
        {
            var given = words.FindIndex(1, words.Count - 2, IsGivenName);
            var role = words.Take(given).ToList();
            if (given > 0 && !IsParticle(words[given - 1]) && (role.Any(w => IsTitle(w) || NearTitle(w)) || role.All(Gaz.Default.IsCommonWord)))
                words.RemoveRange(0, given);
        }
        if (words.Count == 0 || words.All(IsTitle) || NotNameEndings.Contains(words[^1]) || words.Count > 1 && OrganizationFinder.IsEnding(words[^1])) return null;
        // A lower-case word inside ("Mainstream media needs", a sentence in another language) or an acronym ("UN
        // Commission", "Non-NATO Ally") makes it no person's name.
        if (words.Any(w => char.IsLower(w[0]) && !IsParticle(w) || w.Count(char.IsUpper) >= 3 && !w.Any(char.IsLower) || IsPluralAcronym(w))) return null;
        if (NotPersons.Contains(TextFolding.Fold(string.Join(' ', words)))) return null;
        if (words.Count >= 2 && !words.Any(IsGivenName) && !words.Any(w => FamilyFirst.Contains(w) || FamilyFirstInThree.Contains(w))
            && words.All(w => IsParticle(w) || Gaz.Default.IsCommonWord(w))) return null;

        var display = string.Join(' ', words);
        // "Du Plessis", "von Weizsaecker": a family name with its particle.
        var core = words.SkipWhile(IsParticle).ToList();
        // A monarch or pope known by one name keeps the title: "King Fahd", "Pope Francis".
        if (words.Count == 1 && regnal is not null) display = regnal + " " + display;
        if (core.Count <= 1) return new PersonName(display, [.. words], Key(core.Count == 1 ? core[0] : words[^1]), null, "");
        var familyFirst = core.Count == 2 && FamilyFirst.Contains(core[0]) || core.Count == 3 && (FamilyFirst.Contains(core[0]) || FamilyFirstInThree.Contains(core[0]));
        if (familyFirst)
            return new PersonName(display, [.. words], Key(core[0]), GivenKey(string.Join(' ', core.Skip(1))), "");
        var middle = new StringBuilder();
        foreach (var w in core.Skip(1).Take(core.Count - 2))
            if (!IsParticle(w)) middle.Append(char.ToUpperInvariant(w[0]));
        return new PersonName(display, [.. words], Key(core[^1]), GivenKey(core[0]), middle.ToString());
    }

    // Every index refresh builds a registry from all the forms of the archive, nearly all seen before: parsing is
    // most of the work, and a form always parses the same way. Bounded so a long-running process cannot grow it
    // without end; past the bound it starts again.
    private const int MaxCached = 1_000_000;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, PersonName?> Parsed = new(StringComparer.Ordinal);

    /// <summary><see cref="Parse"/>, remembered per form.</summary>
    public static PersonName? ParseCached(string raw)
    {
        if (Parsed.TryGetValue(raw, out var known)) return known;
        if (Parsed.Count >= MaxCached) Parsed.Clear();
        return Parsed[raw] = Parse(raw);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    /// <summary>The family key of a one-word name, as <see cref="Parse"/> gives it; remembered per word, as every
    /// registry build asks it again for the words of the archive.</summary>
    public static string Key(string word)
    {
        if (Keys.TryGetValue(word, out var known)) return known;
        if (Keys.Count >= MaxCached) Keys.Clear();
        return Keys[word] = ComputeKey(word);
    }

    private static string ComputeKey(string word)
    {
        // Spelling variants of one name fold together: accents, hyphens and apostrophes, German ae/oe/ue, and doubled
        // letters ("Zelenskyy" = "Zelensky", "Weizsaecker" = "Weizsäcker", "Kilroy-Silk" = "KilroySilk").
        var hyphen = word.IndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1 && Lexicon.NameParticles.Contains(word[..hyphen].ToLowerInvariant())) word = word[(hyphen + 1)..];
        var folded = TextFolding.Fold(word).Replace(" ", "").Replace("ae", "a").Replace("oe", "o").Replace("ue", "u");
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (char.IsLetter(c) && (sb.Length == 0 || sb[^1] != c)) sb.Append(c);
        return sb.ToString();
    }

    private static string GivenKey(string given)
    {
        var first = given.Split(' ')[0].TrimEnd('.');
        return Key(Nicknames.GetValueOrDefault(first, first));
    }

    public static bool IsGivenName(string word) =>
        word.Length > 1 && Gaz.Default.FirstNameGender(word) != '\0' || Nicknames.ContainsKey(word);

    private static bool IsTitle(string word)
    {
        var w = word.TrimEnd('.', ',');
        return FormsOfAddress.Contains(w) || Lexicon.PersonTitles.Contains(w) || Lexicon.Titles.Contains(w) || Lexicon.BodyTitles.Contains(w) || Lexicon.RoleNouns.Contains(w)
               || Lexicon.RoleNouns.Contains(w.ToLowerInvariant());
    }

    // "Represenative", "Secertary", "Prersident": a misspelt title is still a title.
    private static bool NearTitle(string word) =>
        word.Length >= 6 && Lexicon.Titles.Concat(Lexicon.PersonTitles).Any(t => t.Length >= 6 && Math.Abs(t.Length - word.Length) <= 2 && Edits(t, word) <= 2);

    private static int Edits(string a, string b)
    {
        // Levenshtein distance, one row at a time.
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    // "MPs", "CEOs": a group of people, not one.
    private static bool IsPluralAcronym(string word) => word.Length >= 3 && word[^1] == 's' && word[..^1].All(char.IsUpper);

    private static bool IsParticle(string word) => Lexicon.NameParticles.Contains(word.ToLowerInvariant());

    // O'Brien, D’Amato: an apostrophe after one capital is part of a name, not a contraction ("I’ve", "can't").
    private static bool IsNameApostrophe(string word) =>
        word.Length > 2 && word[1] is '\'' or '\u2019' && char.IsUpper(word[0]) && word[0] != 'I' && char.IsUpper(word[2]);

    public override string ToString() => Display;
}
