namespace Summit.Engine.Extraction;

/// <summary>Closed word lists the rules share: reporting verbs, titles, organisation cues, pronouns.</summary>
internal static class Lexicon
{
    // The lists live in Words/*.txt (embedded resources); each is read once, when Lexicon is first used.
    private static HashSet<string> Set(string file) => new(WordList.Read(file), StringComparer.Ordinal);

    private static HashSet<string> SetIgnoreCase(string file) => new(WordList.Read(file), StringComparer.OrdinalIgnoreCase);

    private static readonly string[] VerbStems = [.. WordList.Read("reporting-verb-stems.txt")];

    private static readonly HashSet<string> NounLike = Set("noun-like-verbs.txt");

    /// <summary>
    /// Present tense of the verbs that are also nouns ("notes", "claims"): only a reporting verb right after a
    /// quote and its speaker ("…," Conway notes.), where no noun reading fits.
    /// </summary>
    public static readonly HashSet<string> NounLikePresent = new(NounLike.Select(ThirdPerson), StringComparer.Ordinal);

    private static string ThirdPerson(string v) =>
        v.EndsWith('s') || v.EndsWith('h') || v.EndsWith('o') ? v + "es" : v.EndsWith('y') && !v.EndsWith("ay") ? v[..^1] + "ies" : v + "s";

    private static readonly string[] Irregular = [.. WordList.Read("reporting-verbs-irregular.txt")];

    /// <summary>Inflected reporting verbs (lowercase).</summary>
    public static readonly HashSet<string> ReportingVerbs = BuildVerbs();

    private static HashSet<string> BuildVerbs()
    {
        var set = new HashSet<string>(Irregular, StringComparer.Ordinal);
        foreach (var v in VerbStems)
        {
            // Bare and -s forms of verbs that are also nouns ("claims", "reports", "calls") mislead more than help.
            var nounLike = NounLike.Contains(v);
            if (!nounLike) set.Add(v);
            if (!nounLike) set.Add(ThirdPerson(v));
            var stem = v.EndsWith('e') ? v[..^1] : v;
            set.Add(v.EndsWith('y') && !v.EndsWith("ay") ? v[..^1] + "ied" : stem + "ed");
            set.Add(stem + "ing");
        }
        return set;
    }

    /// <summary>Verbs whose object, not subject, follows: "X called it "…"", "X described Y as "…"".</summary>
    public static readonly HashSet<string> FramingVerbs = Set("framing-verbs.txt");

    /// <summary>Irregular past tenses: like a past in -ed, one ends the subject before it ("The businessman began by …").</summary>
    public static readonly HashSet<string> IrregularPast = Set("irregular-past.txt");

    /// <summary>Words between a subject and its verb that do not change who speaks.</summary>
    public static readonly HashSet<string> Auxiliaries = SetIgnoreCase("auxiliaries.txt");

    public static readonly HashSet<string> Titles = Set("titles.txt");

    /// <summary>
    /// Title words that name a chamber, department, party or rank qualifier rather than a person: "House Banking
    /// committee", "Economic Cooperation" read as title + name otherwise. A single word after only these is no person.
    /// </summary>
    public static readonly HashSet<string> BodyTitles = Set("body-titles.txt");

    /// <summary>
    /// A company's legal form or a word only a firm's name ends with ("Drexel Burnham Lambert Inc", "Smith Barney,
    /// Harris Upham and Co", "Salomon Brothers"): the capitalised words before it name a company, not a person.
    /// </summary>
    public static readonly HashSet<string> LegalForms = Set("legal-forms.txt");

    public static readonly HashSet<string> FirmEndings = Set("firm-endings.txt");

    /// <summary>Lowercase role nouns that announce a name: "striker Alan Shearer", "spokesman John Kirby".</summary>
    public static readonly HashSet<string> RoleNouns = Set("role-nouns.txt");

    /// <summary>Capitalised words that mark an organisation, event or facility rather than a person or place.</summary>
    public static readonly HashSet<string> OrgWords = Set("org-words.txt");

    public static readonly HashSet<string> Calendar = Set("calendar.txt");

    /// <summary>Capitalised function and common words: at a sentence start they are not names.</summary>
    public static readonly HashSet<string> CapitalisedCommon = SetIgnoreCase("capitalised-common.txt");

    public static readonly HashSet<string> Pronouns = SetIgnoreCase("pronouns.txt");

    /// <summary>"he", also inside a contraction: "I’ve" → "i", "she's" → "she"; null if not a pronoun.</summary>
    public static string? PronounOf(string word)
    {
        var cut = word.IndexOfAny(['\'', '\u2019']);
        var head = cut > 0 ? word[..cut] : word;
        return Pronouns.Contains(head) ? head.ToLowerInvariant() : null;
    }

    public static readonly HashSet<string> Determiners = SetIgnoreCase("determiners.txt");

    /// <summary>Name particles that may sit lowercase inside a name ("Charles de Gaulle", "Osama bin Laden").</summary>
    public static readonly HashSet<string> NameParticles = Set("name-particles.txt");

    public static bool IsCapitalised(string s) => s.Length > 0 && char.IsUpper(s[0]);

    public static bool IsAllCaps(string s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters > 0;
    }

    /// <summary>Words that end the name of a local feature: "Indian Lake", "Spanish Oaks", "French Creek Road".</summary>
    public static readonly HashSet<string> PlaceFeatures = Set("place-features.txt");

    /// <summary>Titles that stand only before a person's name: "President Obama", "Mr. Jordan".</summary>
    public static readonly HashSet<string> PersonTitles = Set("person-titles.txt");
}
