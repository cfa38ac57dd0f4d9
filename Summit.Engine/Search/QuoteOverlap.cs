using Summit.Engine.Extraction;

namespace Summit.Engine.Search;

/// <summary>
/// One article's quotes as a reader should see them: a quote that repeats another, or whose words are all inside a
/// longer one ("great neighbouring powers" within "We are great neighbouring powers,"), is shown once, as the
/// longer. Compared word by word, so case, spacing, punctuation and quotation marks do not matter.
/// </summary>
public static class QuoteOverlap
{
    public static List<Quote> Distinct(IReadOnlyList<Quote> quotes)
    {
        var keys = quotes.Select(q => Words(q.Text)).ToArray();
        var kept = new List<Quote>(quotes.Count);
        for (var i = 0; i < quotes.Count; i++)
        {
            var covered = false;
            for (var j = 0; j < quotes.Count && !covered; j++)
            {
                if (i == j || keys[j].Length < keys[i].Length || !keys[j].Contains(keys[i], StringComparison.Ordinal)) continue;
                // Inside a longer quote, or the same words again: the first of equals stays.
                covered = keys[j].Length > keys[i].Length || j < i;
            }
            if (!covered) kept.Add(quotes[i]);
        }
        return kept;
    }

    /// <summary>
    /// The first <paramref name="limit"/> of <paramref name="candidates"/> (quotes of <paramref name="all"/>, best first)
    /// with each one inside a longer quote of the article replaced by the longest such quote, and repeats dropped: as picking from
    /// <see cref="Distinct"/>, at a cost of candidates × quotes instead of quotes².
    /// </summary>
    public static List<Quote> Longest(IEnumerable<Quote> candidates, IReadOnlyList<Quote> all, int limit)
    {
        var kept = new List<Quote>();
        // Most hits show no quote (none holds a match): their quotes' words are not made at all.
        if (limit <= 0) return kept;
        var keys = all.Select(q => Words(q.Text)).ToArray();
        var keptKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (kept.Count >= limit) break;
            var key = Words(candidate.Text);
            var best = -1;
            for (var j = 0; j < all.Count; j++)
                if (keys[j].Length >= key.Length && keys[j].Contains(key, StringComparison.Ordinal) && (best < 0 || keys[j].Length > keys[best].Length))
                    best = j;
            var (quote, quoteKey) = best < 0 ? (candidate, key) : (all[best], keys[best]);
            if (keptKeys.Add(quoteKey)) kept.Add(quote);
        }
        return kept;
    }

    /// <summary>The quote's words, lower-cased, between spaces: " we are great neighbouring powers ".</summary>
    private static string Words(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if (c is not ('\'' or '\u2019') && sb[^1] != ' ') sb.Append(' ');
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }
}
