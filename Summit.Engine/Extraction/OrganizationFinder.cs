namespace Summit.Engine.Extraction;

/// <summary>An organisation named in the article under one name, with every mention.</summary>
public sealed record OrganizationMention(string Name, IReadOnlyList<Span> Mentions);

/// <summary>
/// Finds organisations: names from a list of organisations known by several names or by a short form
/// (<c>Words/organizations.tsv</c>: "Lib Dems" = "Liberal Democrats", "Tories" = "Conservatives", "NATO"), the firms the
/// person finder recognised ("Morgan Stanley", "Gillette Canada Inc"), and capitalised names ending in an
/// organisation word (<c>Words/organization-endings.txt</c>: "Liberal Democratic Party", "Lionhead Studios"). Holds
/// no state between calls.
/// </summary>
internal static class OrganizationFinder
{
    private static readonly Dictionary<string, string> Known = WordList.Table("organizations.tsv");
    private static readonly HashSet<string> Endings = WordList.Set("organization-endings.txt");
    /// <summary>First words of the known names: only a word among them can start one, so most words skip the lookups.</summary>
    private static readonly HashSet<string> KnownFirstWords = new(Known.Keys.Select(k => k.Split(' ')[0]), StringComparer.Ordinal);
    /// <summary>Small words inside a name: "Securities and Exchange Commission", "Bank of England".</summary>
    private static readonly HashSet<string> Inner = new(StringComparer.Ordinal) { "of", "and", "for", "the", "&" };
    /// <summary>Longest known name in words, and longest name scanned: no organisation's name is longer.</summary>
    private const int MaxKnownWords = 4;
    private const int MaxNameWords = 8;

    /// <summary>True for a name the list knows as an organisation's ("Lib Dems", "Tories", "Al Jazeera").</summary>
    public static bool IsKnown(string name) => Known.ContainsKey(name);

    /// <summary>The one name of an organisation the list knows by <paramref name="name"/> ("Tories" → "Conservatives"), or null.</summary>
    public static string? KnownName(string name) => Known.GetValueOrDefault(name);

    /// <summary>The forms a speaker may be written in that name the organisation <paramref name="name"/>: the name, and
    /// each known alias of it.</summary>
    public static IEnumerable<string> FormsOf(string name) => AliasesOf.Value[name].Prepend(name);

    private static readonly Lazy<ILookup<string, string>> AliasesOf = new(() => Known.ToLookup(k => k.Value, k => k.Key, StringComparer.Ordinal));

    /// <summary>True for a last word that makes a capitalised name an organisation's ("Ministry", "Studios").</summary>
    public static bool IsEnding(string word) => Endings.Contains(word);

    public static List<OrganizationMention> Find(TextDocument doc, IReadOnlyList<(int Start, int End)> firms, Person?[] personAt)
    {
        var byName = new Dictionary<string, List<Span>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string name, int startToken, int endToken)
        {
            if (!byName.TryGetValue(name, out var spans))
            {
                byName[name] = spans = [];
                order.Add(name);
            }
            spans.Add(new Span(doc.Tokens[startToken].Start, doc.Tokens[endToken - 1].End));
        }

        var taken = new bool[doc.Tokens.Count];
        foreach (var (start, end) in firms)
        {
            var name = Name(doc, start, end);
            if (name is null) continue;
            Add(Known.GetValueOrDefault(name, name), start, end);
            for (var t = start; t < end; t++) taken[t] = true;
        }
        for (var i = 0; i < doc.Tokens.Count; i++)
        {
            if (taken[i] || !doc.IsWord(i) || !char.IsUpper(doc[i][0]) || personAt[i] is not null) continue;
            // The longest known name starting here, then the longest capitalised run that ends in an organisation word.
            var known = 0;
            for (var k = KnownFirstWords.Contains(doc[i]) ? Math.Min(MaxKnownWords, doc.Tokens.Count - i) : 0; k >= 1 && known == 0; k--)
                if (AllWords(doc, i, i + k) && Known.ContainsKey(doc.Slice(i, i + k))) known = k;
            if (known > 0)
            {
                Add(Known[doc.Slice(i, i + known)], i, i + known);
                i += known - 1;
                continue;
            }
            var end = i;
            var last = -1;
            while (end < doc.Tokens.Count && end - i < MaxNameWords && doc.IsWord(end) && !taken[end]
                   && (char.IsUpper(doc[end][0]) || Inner.Contains(doc[end]) && end + 1 < doc.Tokens.Count && doc.IsWord(end + 1) && char.IsUpper(doc[end + 1][0])))
            {
                if (Endings.Contains(doc[end]) && end > i) last = end;
                end++;
            }
            // A sentence's first word is capitalised anyway ("Police said"); a name needs a word before its ending.
            if (last < 0) continue;
            var startAt = doc[i] == "The" ? i + 1 : i;
            if (last > startAt && Name(doc, startAt, last + 1) is { } org) Add(Known.GetValueOrDefault(org, org), startAt, last + 1);
            i = last;
        }
        return order.Select(n => new OrganizationMention(n, byName[n])).ToList();
    }

    private static bool AllWords(TextDocument doc, int start, int end)
    {
        for (var t = start; t < end; t++)
            if (!doc.IsWord(t) && !doc.Is(t, TokenKind.Number)) return false;
        return true;
    }

    /// <summary>The name of a token range, single-spaced; null when it holds a line break or no letter.</summary>
    /// <remarks>Words that open a sentence rather than the name go ("But the Home Office", "A Labour Party"), and
    /// what is left must not be one common word ("Some", "Variety").</remarks>
    private static string? Name(TextDocument doc, int start, int end)
    {
        var words = new List<string>();
        for (var t = start; t < end; t++)
        {
            if (doc.Is(t, TokenKind.Newline) || doc.Is(t, TokenKind.Possessive)) continue;
            if (words.Count == 0 && (Lexicon.Determiners.Contains(doc[t]) || IsSentenceWord(doc[t]))) continue;
            words.Add(doc[t]);
        }
        if (words.Count == 0 || words.Count == 1 && Gazetteer.Gazetteer.Default.IsCommonWord(words[0]) || !words.Any(w => w.Any(char.IsLetter))) return null;
        return string.Join(' ', words);
    }

    private static readonly HashSet<string> SentenceWords = new(StringComparer.Ordinal) { "But", "And", "Or", "So", "Yet", "Many", "Some", "Most", "All", "Both", "Even", "Only", "When", "While", "If", "As" };

    /// <summary>A capitalised word that opens a sentence rather than a name: "But", "If", "Many".</summary>
    internal static bool IsSentenceWord(string word) => SentenceWords.Contains(word);
}
