using Summit.Indexer.Gazetteer;
using Gaz = Summit.Indexer.Gazetteer.Gazetteer;

namespace Summit.Indexer.Extraction;

/// <summary>A gazetteer hit: tokens [Start, End) and every reading of the name.</summary>
internal sealed record PlaceHit(int Start, int End, PlaceEntry[] Readings)
{
    /// <summary>The chosen reading, set by <see cref="PlaceFinder.Resolve"/>.</summary>
    public PlaceEntry Chosen { get; set; }

    public bool IsDemonym => Readings[0].Kind == PlaceKind.Demonym;
}

/// <summary>
/// Finds country names, demonyms, regions and cities by longest token-sequence match, then picks one reading
/// per ambiguous city by the article's country context (named countries, unambiguous places, dateline) and
/// otherwise by population.
/// </summary>
internal sealed class PlaceFinder(Gaz gazetteer)
{
    /// <summary>Longest gazetteer matches, left to right, skipping names that are part of an organisation.</summary>
    public List<PlaceHit> Find(TextDocument doc)
    {
        var hits = new List<PlaceHit>();
        var toks = doc.Tokens;
        for (var i = 0; i < toks.Count; i++)
        {
            if (toks[i].Kind != TokenKind.Word) continue;
            var first = doc[i];
            if (!char.IsUpper(first[0])) continue;
            var match = Longest(doc, i, first);
            if (match is not { } m) continue;
            if (!IsOrganisationName(doc, i, m.End, m.Readings)) hits.Add(new PlaceHit(i, m.End, m.Readings));
            i = m.End - 1;
        }
        return hits;
    }

    private (int End, PlaceEntry[] Readings)? Longest(TextDocument doc, int i, string first)
    {
        var toks = doc.Tokens;
        var allCaps = first.Length > 3 && Lexicon.IsAllCaps(first);
        if (gazetteer.IsFirstTokenOfName(first) || (allCaps && gazetteer.IsFirstTokenOfName(TitleCase(first))))
        {
            var max = Math.Min(gazetteer.MaxTokens, toks.Count - i);
            for (var len = max; len > 1; len--)
            {
                var end = i + len;
                if (!Contiguous(doc, i, end)) continue;
                var key = string.Join(' ', Enumerable.Range(i, len).Select(t => doc[t]));
                if (gazetteer.TryGetPlace(key, out var r) || (allCaps && gazetteer.TryGetPlace(TitleCase(key), out r)))
                    return (end, r);
            }
        }
        if (gazetteer.TryGetPlace(first, out var one)) return (i + 1, one);
        if (allCaps && gazetteer.TryGetPlace(TitleCase(first), out one)) return (i + 1, one);
        return null;
    }

    private static string TitleCase(string s)
    {
        var chars = s.ToLowerInvariant().ToCharArray();
        for (var k = 0; k < chars.Length; k++)
            if (k == 0 || chars[k - 1] == ' ' || chars[k - 1] == '-') chars[k] = char.ToUpperInvariant(chars[k]);
        return new string(chars);
    }

    /// <summary>Only words and hyphens, no line break: a name never spans a paragraph.</summary>
    private static bool Contiguous(TextDocument doc, int from, int to)
    {
        for (var t = from; t < to; t++)
        {
            var k = doc.Tokens[t].Kind;
            if (k is TokenKind.Newline or TokenKind.Quote) return false;
            if (k == TokenKind.Punct && doc.Text[doc.Tokens[t].Start] is not ('-' or '.' or '\'')) return false;
        }
        return true;
    }

    /// <summary>"New York Times", "Bank of England", "Manchester United": the place names an organisation.</summary>
    private static bool IsOrganisationName(TextDocument doc, int start, int end, PlaceEntry[] readings)
    {
        if (readings[0].Kind == PlaceKind.Demonym) return false;
        if (doc.IsWord(end) && doc.Tokens[end].Start <= doc.Tokens[end - 1].End + 1 && Lexicon.OrgWords.Contains(doc[end])
            && doc[end] is not ("State" or "Province" or "Region" or "District" or "Republic" or "Kingdom"))
            return true;
        if (start >= 2 && doc.IsWord(start - 1) && doc[start - 1] == "of" && doc.IsWord(start - 2)
            && Lexicon.OrgWords.Contains(doc[start - 2]) && doc[start - 2] is not ("Republic" or "Kingdom" or "State" or "Province" or "City" or "Island" or "Islands" or "Gulf" or "Sea" or "Bay"))
            return true;
        return false;
    }

    /// <summary>Choose one reading per hit; returns the article's countries in first-mention order.</summary>
    public List<string> Resolve(List<PlaceHit> hits, string? dateline)
    {
        var context = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in hits)
        {
            var r = h.Readings[0];
            if (r.Kind != PlaceKind.City && r.Country.Length > 0) context.Add(r.Country);
            else if (r.Kind == PlaceKind.City && IsDominant(h.Readings)) context.Add(r.Country);
        }
        if (!string.IsNullOrWhiteSpace(dateline))
        {
            var key = Gaz.Key(dateline.Trim());
            if (gazetteer.TryGetPlace(key, out var d) && d[0].Country.Length > 0) context.Add(d[0].Country);
        }
        var countries = new List<string>();
        foreach (var h in hits)
        {
            h.Chosen = Choose(h.Readings, context);
            if (h.Chosen.Country.Length > 0 && !countries.Contains(h.Chosen.Country)) countries.Add(h.Chosen.Country);
        }
        return countries;
    }

    /// <summary>A city name whose biggest reading dwarfs the others needs no context ("Paris", "Moscow").</summary>
    private static bool IsDominant(PlaceEntry[] readings) =>
        readings.Length == 1 || readings[0].Capital || readings[0].Population >= 20 * Math.Max(1, readings[1].Population);

    private static PlaceEntry Choose(PlaceEntry[] readings, HashSet<string> context)
    {
        if (readings[0].Kind != PlaceKind.City || readings.Length == 1) return readings[0];
        foreach (var r in readings)
            if (context.Contains(r.Country)) return r;
        return readings[0];
    }
}
