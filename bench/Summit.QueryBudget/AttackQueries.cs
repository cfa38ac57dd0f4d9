using System.Text;

namespace Summit.QueryBudget;

/// <summary>
/// The most expensive queries an attacker can write within the API's limits (1,000 characters, 64 words, 16 levels
/// of parentheses), each kind drawn afresh per request so the result cache never answers them.
/// </summary>
public static class AttackQueries
{
    public const int MaxLength = 1000;

    // Common first letters of English words: each two-letter prefix matches many indexed terms.
    private static readonly string[] Bigrams =
    [
        "co", "re", "pr", "st", "in", "de", "ma", "ca", "pa", "se", "th", "wh", "an", "be", "di", "ex", "fo", "ha",
        "li", "mi", "po", "sa", "su", "tr", "un", "wa", "ch", "sh", "ar", "ne", "bo", "ga", "la", "mo", "pe", "ra",
    ];

    // Frequent words (mostly stop words): present in nearly every document, in every exact field.
    private static readonly string[] Frequent =
    [
        "the", "of", "and", "to", "in", "a", "that", "is", "for", "on", "it", "with", "as", "was", "he", "be", "at", "by",
        "said", "this", "have", "from", "are", "not", "we", "has", "but", "they", "will", "his", "an", "or", "which",
    ];

    public static readonly IReadOnlyDictionary<string, Func<Random, string>> Kinds = new Dictionary<string, Func<Random, string>>
    {
        // The reported case: 64 made-up 8–14-letter words, each a likely typo with two allowed edits.
        ["fuzzy64"] = r => Fill(r, _ => Word(r, r.Next(8, 15))),
        // Fewer, longer made-up words: the Levenshtein automaton grows with the word.
        ["fuzzy-long"] = r => Fill(r, _ => Word(r, r.Next(20, 40))),
        // Made-up words joined by OR: no conjunction stops the fuzzy clauses early.
        ["fuzzy-or"] = r => Fill(r, i => (i == 0 ? "" : "OR ") + Word(r, r.Next(8, 12))),
        // Made-up words scoped to titles and quotes, and nested 16 deep.
        ["fuzzy-scoped"] = r => Fill(r, i => (i % 2 == 0 ? "title:" : "quote:") + Word(r, r.Next(8, 12))),
        ["fuzzy-deep"] = r => Nest(r, 16, () => Word(r, r.Next(8, 12))),
        // Many short prefixes, plain, OR-ed and scoped to persons and speakers.
        ["prefix"] = r => Fill(r, _ => Bigrams[r.Next(Bigrams.Length)] + "*"),
        ["prefix-or"] = r => Fill(r, i => (i == 0 ? "" : "OR ") + Bigrams[r.Next(Bigrams.Length)] + "*"),
        ["prefix-names"] = r => Fill(r, i => (i % 3) switch { 0 => "person:", 1 => "speaker:", _ => "country:" } + Bigrams[r.Next(Bigrams.Length)][..1] + (char)('a' + r.Next(26)) + "*"),
        // The most the prefix budget lets through: 8 short prefixes OR-ed with frequent words (every document matches).
        ["prefix8-or"] = r => Fill(r, i => (i == 0 ? "" : "OR ") + (i < 8 ? Bigrams[r.Next(Bigrams.Length)] + "*" : Frequent[r.Next(Frequent.Length)])),
        // Frequent words: a 64-word conjunction with a 64-word sloppy proximity phrase, a quoted 64-word phrase, and
        // frequent words OR-ed (every document matches every clause).
        ["frequent"] = r => Fill(r, _ => Frequent[r.Next(Frequent.Length)]),
        ["phrase"] = r => "\"" + Fill(r, _ => Frequent[r.Next(Frequent.Length)], MaxLength - 2) + "\"",
        ["frequent-or"] = r => Fill(r, i => (i == 0 ? "" : "OR ") + Frequent[r.Next(Frequent.Length)]),
        // Everything at once within the prefix budget: 8 short prefixes, made-up and frequent words.
        ["mixed8"] = r => Fill(r, i => i < 8 ? Bigrams[r.Next(Bigrams.Length)] + "*" : i % 2 == 0 ? Word(r, r.Next(8, 14)) : Frequent[r.Next(Frequent.Length)]),
        // Everything at once: typos, prefixes and frequent words.
        ["mixed"] = r => Fill(r, i => (i % 3) switch
        {
            0 => Word(r, r.Next(8, 14)),
            1 => Bigrams[r.Next(Bigrams.Length)] + "*",
            _ => Frequent[r.Next(Frequent.Length)],
        }),
    };

    private static string Word(Random r, int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++) chars[i] = (char)('a' + r.Next(26));
        return new string(chars);
    }

    /// <summary>Up to 64 words from <paramref name="next"/>, as many as fit in <paramref name="max"/> characters.</summary>
    private static string Fill(Random r, Func<int, string> next, int max = MaxLength)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 64; i++)
        {
            var word = next(i);
            if (text.Length + word.Length + 1 > max) break;
            if (text.Length > 0) text.Append(' ');
            text.Append(word);
        }
        return text.ToString();
    }

    /// <summary>Parentheses <paramref name="depth"/> deep, each level OR-ing made-up words around the next level.</summary>
    private static string Nest(Random r, int depth, Func<string> word)
    {
        var perLevel = 64 / depth - 1;
        var text = new StringBuilder();
        for (var level = 0; level < depth; level++)
        {
            text.Append('(');
            for (var k = 0; k < perLevel; k++) text.Append(word()).Append(" OR ");
        }
        text.Append(word());
        text.Append(')', depth);
        return text.Length <= MaxLength ? text.ToString() : Nest(r, depth, () => word()[..8]);
    }
}
