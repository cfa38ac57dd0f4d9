using static Summit.Engine.Extraction.Speakers.SpeakerWindows;
using static Summit.Engine.Extraction.Speakers.SpeakerWords;

namespace Summit.Engine.Extraction.Speakers;

/// <summary>The article's sources: the subjects of its reporting verbs and the persons opening its sentences, gathered
/// on first use; what a he/she may refer to and what a quote without any attribution falls back on.</summary>
internal sealed partial class SpeakerContext
{
    // Gathered when a rule first needs them. While they are gathered, a he/she subject resolves to nobody, and a
    // they/we/it subject to the last speaker of that moment.
    private List<(int Pos, string Name)>? _sources;
    private bool _building;

    /// <summary>Subjects of every reporting verb in the article (character position, speaker), in order.</summary>
    private List<(int Pos, string Name)> Sources()
    {
        if (_sources != null) return _sources;
        _building = true;
        _sources = [];
        for (var v = 0; v < Doc.Tokens.Count; v++)
        {
            if (!Doc.IsWord(v) || !Lexicon.ReportingVerbs.Contains(Doc[v]) && !Lexicon.FramingVerbs.Contains(Doc[v]) || IsNounUse(v)) continue;
            // A name inside a quotation is what the speaker talks about, not a source of the article.
            if (InQuote(v)) continue;
            var (ss, _) = Doc.Sentences[Doc.SentenceOf[v]];
            // "X said" or, inverted, "…," said X
            // (not "Sanders pushed back, questioning Clinton's judgment": the participle's object is no speaker)
            var inverted = v > 0 && (Doc.IsPunct(v - 1, ',') && !Doc[v].EndsWith("ing") || Doc.Is(v - 1, TokenKind.Quote));
            // "Trump went after Bush, calling him …": a participle after a comma has the main clause's subject, which
            // the sentence-opening rule below records; the phrase before the comma is its object.
            if (Doc[v].EndsWith("ing") && Doc.IsPunct(v - 1, ',')) continue;
            var name = Subject(v, ss) ?? (inverted && PersonAfterOutlet(v + 1) is var p && p < PersonAt.Length && PersonAt[p] is { } after && EndsInversion(p) ? after.Name : null);
            if (name != null) _sources.Add((Doc.Tokens[v].Start, name));
            if (name != null && !_byName.ContainsKey(name) && LooksLikeUnlistedName(name)) _unlisted.Add(name);
        }
        // A person opening a sentence or its first clause is its subject too ("Guessford was shocked …"; "But his
        // wife, Jane, …"; "In his assessment, Calderon …").
        foreach (var (start, _) in Doc.Sentences)
        {
            var t = start;
            while (t < Doc.Tokens.Count && (Doc.Is(t, TokenKind.Quote) || Doc.IsWord(t) && SentenceConjunctions.Contains(Doc[t]))) t++;
            if (t < PersonAt.Length && PersonAt[t] is { } p && !InQuote(t)) _sources.Add((Doc.Tokens[t].Start, p.Name));
            else if (t < Doc.Tokens.Count && Doc.IsWord(t) && !InQuote(t)
                     && FirstSubjectPerson(t, Math.Min(Doc.Sentences[Doc.SentenceOf[t]].End, t + OpeningSubjectTokens)) is { } opened)
                _sources.Add((Doc.Tokens[t].Start, opened)); // "In his assessment, Calderon …", "Former CEO Carly Fiorina named …"
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
        if (t >= PersonAt.Length || PersonAt[t] != null) return t;
        var k = t;
        if (Doc.IsWord(k) && Doc[k] == "the") k++;
        var words = 0;
        while (k < PersonAt.Length && Doc.IsWord(k) && char.IsUpper(Doc[k][0]) && PersonAt[k] == null && words < MaxOutletWords) { k++; words++; }
        return words > 0 && Doc.Is(k, TokenKind.Possessive) ? k + 1 : t;
    }

    /// <summary>
    /// "…, said Brown." / "…, said Brown, the mayor": the person after an inverted verb is its subject only when the
    /// clause ends with the name; in "…, for example, said Trump continued to …" the name opens the reported clause.
    /// </summary>
    private bool EndsInversion(int name)
    {
        var k = name;
        while (k < PersonAt.Length && PersonAt[k] == PersonAt[name]) k++;
        return k >= Doc.Tokens.Count || !Doc.IsWord(k) && !Doc.Is(k, TokenKind.Possessive);
    }

    /// <summary>The subject of the latest reporting verb or sentence before a character position.</summary>
    internal string? LatestSource(int before)
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
        _placeNames ??= new HashSet<string>(PlaceAt.Where(h => h != null).Select(h => h!.Readings[0].Name), StringComparer.Ordinal);
        return !_placeNames.Contains(name);
    }

    private HashSet<string>? _placeNames;

    /// <summary>"Nobody asked …": an indefinite pronoun opening a sentence is no one a later he/she refers to.</summary>
    private static bool IsIndefinite(string w) => IndefiniteWords.Contains(w);
}
