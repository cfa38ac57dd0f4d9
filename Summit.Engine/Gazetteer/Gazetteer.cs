using Summit.Engine.Extraction;

namespace Summit.Engine.Gazetteer;

internal enum PlaceKind : byte { Country, Demonym, Institution, Region, City }

/// <summary>One reading of a place name: what it is, which country (empty for continents), how big; Seat marks the seat
/// of a state or province (GeoNames PPLA), Section a part of a city (PPLX: "West End" in Vancouver).</summary>
internal readonly record struct PlaceEntry(string Name, PlaceKind Kind, string Country, long Population, bool Capital,
                                           bool Seat = false, bool Section = false)
{
    /// <summary>The prior of this reading among namesakes: its people, more for a capital or a seat, less for a part
    /// of a city, which its bare name means only inside that city.</summary>
    public double Prior => Population * (Capital ? 2.0 : Seat ? 1.5 : Section ? 0.25 : 1.0);
}

/// <summary>
/// Country names and aliases, demonyms, regions, GeoNames cities (population ≥ 15,000) and English first
/// names, loaded once from embedded TSV resources. Lookups are by token sequence (names are tokenized with
/// the same <see cref="Tokenizer"/> as article text), so matching an article is one dictionary probe per
/// candidate start and length, not a regex per name.
/// </summary>
internal sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> _default = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Gazetteer Default => _default.Value;

    /// <summary>Readings per name key (token texts joined by a space); countries first, then by population.</summary>
    private readonly Dictionary<string, PlaceEntry[]> _places = new(StringComparer.Ordinal);
    private readonly Dictionary<string, char> _firstNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _commonWords = new(StringComparer.Ordinal);

    /// <summary>One of the ~10,000 most common English words (lowercase form): "Red", "Star", "Analysts".</summary>
    public bool IsCommonWord(string word) => _commonWords.Contains(word.ToLowerInvariant());

    /// <summary>Longest name (in tokens) per first token of multi-token names: most starts cost one probe.</summary>
    private readonly Dictionary<string, int> _firstTokens = new(StringComparer.Ordinal);

    /// <summary>Token count of the longest multi-token name starting with this token; 0 if none.</summary>
    public int LongestNameStartingWith(string token) => _firstTokens.GetValueOrDefault(token);

    /// <summary>Keys of two or more tokens that begin a longer name ("Gulf of" of "Gulf of Mexico").</summary>
    private readonly HashSet<string> _namePrefixes = new(StringComparer.Ordinal);

    /// <summary>Whether some name of more tokens begins with this key of two or more tokens: a matcher can stop
    /// extending a span as soon as no name can hold it.</summary>
    public bool StartsLongerName(string key) => _namePrefixes.Contains(key);

    public bool TryGetPlace(string key, out PlaceEntry[] entries) => _places.TryGetValue(key, out entries!);

    /// <summary>'M', 'F', 'U' (either) for a known English first name, else '\0'.</summary>
    public char FirstNameGender(string name) => _firstNames.TryGetValue(name, out var g) ? g : '\0';

    /// <summary>English short name of an ISO code ("RU" → "Russia").</summary>
    public string CountryName(string code) => CountryTable.Name(code);

    /// <summary>The population of a hand-written region: above any city.</summary>
    public const long RegionOutranks = long.MaxValue / 2;

    public static string Key(string name)
    {
        var toks = Tokenizer.Tokenize(name);
        return string.Join(' ', toks.Select(t => name[t.Start..t.End]));
    }

    private static Gazetteer Load()
    {
        var g = new Gazetteer();
        var lists = new Dictionary<string, List<PlaceEntry>>(StringComparer.Ordinal);
        void Add(string name, PlaceEntry e)
        {
            var toks = Tokenizer.Tokenize(name);
            if (toks.Count == 0) return;
            var key = string.Join(' ', toks.Select(t => name[t.Start..t.End]));
            if (!lists.TryGetValue(key, out var l)) lists[key] = l = [];
            l.Add(e);
            if (toks.Count > 1)
            {
                var first = name[toks[0].Start..toks[0].End];
                g._firstTokens[first] = Math.Max(toks.Count, g._firstTokens.GetValueOrDefault(first));
                // The key up to each space after its second token (tokens hold no spaces, so these are its token prefixes).
                for (var space = key.IndexOf(' ', first.Length + 1); space > 0; space = key.IndexOf(' ', space + 1))
                    g._namePrefixes.Add(key[..space]);
            }
        }

        foreach (var f in Rows("countries.tsv", 3))
        {
            var kind = f[2] switch { "D" => PlaceKind.Demonym, "I" => PlaceKind.Institution, _ => PlaceKind.Country };
            Add(f[0], new PlaceEntry(f[0], kind, f[1], long.MaxValue, false));
        }
        // Hand-written regions (no population) outrank every city; GeoNames' first-level divisions ("Lower Saxony",
        // "Punjab") carry the people of their cities and compete with namesakes by that.
        foreach (var f in Rows("regions.tsv", 2))
            Add(f[0], new PlaceEntry(f[0], PlaceKind.Region, f[1], f.Length > 2 && long.TryParse(f[2], out var rp) ? rp : RegionOutranks, false));
        foreach (var f in Rows("cities.tsv", 4))
            Add(f[0], new PlaceEntry(f[0], PlaceKind.City, f[1], long.TryParse(f[2], out var p) ? p : 0, f[3] == "C", f[3] == "A", f[3] == "S"));
        foreach (var (key, l) in lists)
            g._places[key] = [.. l.OrderBy(e => e.Kind == PlaceKind.City || e.Kind == PlaceKind.Region && e.Population < RegionOutranks ? 1 : 0)
                                   .ThenByDescending(e => e.Prior)];
        foreach (var f in Rows("common-words.txt", 1))
            g._commonWords.Add(f[0]);
        foreach (var f in Rows("first-names.tsv", 2))
            g._firstNames[f[0]] = f[1][0];
        return g;
    }

    internal static IEnumerable<string[]> Rows(string file, int fields)
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream("Summit.Gazetteer." + file)
            ?? throw new InvalidOperationException($"Embedded gazetteer table {file} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var f = line.Split('\t');
            if (f.Length >= fields && f[0].Length > 0) yield return f;
        }
    }
}

/// <summary>
/// The gazetteer's countries on their own (without the cities and names the extractor needs), for the search: ISO codes
/// with their GeoNames display names (country-names.tsv), and every name and alias of a country (the rows of kind N in
/// countries.tsv: "Britain", "Burma", "Côte d'Ivoire"). The one place country names come from, at index time and at
/// search time.
/// </summary>
internal static class CountryTable
{
    private static readonly Lazy<(Dictionary<string, string> Names, List<(string Name, string Code)> Aliases)> Tables = new(Load);

    /// <summary>Display name per ISO code: "RU" → "Russia", "CI" → "Ivory Coast".</summary>
    public static IReadOnlyDictionary<string, string> Names => Tables.Value.Names;

    /// <summary>Every other name of a country, with its code ("Burma", "MM").</summary>
    public static IReadOnlyList<(string Name, string Code)> Aliases => Tables.Value.Aliases;

    /// <summary>Display name of an ISO code, or the code itself when the gazetteer has no such country.</summary>
    public static string Name(string code) => Tables.Value.Names.TryGetValue(code, out var name) ? name : code;

    /// <summary>Names the gazetteer lists for a country only so that extraction reads "Washington said" as the US
    /// government; as a search word or filter they mean the city or the state (the Washington Post, Washington
    /// state), so they are no alias of the country.</summary>
    private static readonly HashSet<string> SpeakerMetonyms = new(StringComparer.Ordinal) { "Washington" };

    private static (Dictionary<string, string>, List<(string, string)>) Load()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Gazetteer.Rows("country-names.tsv", 2)) names[f[0]] = f[1];
        var aliases = Gazetteer.Rows("countries.tsv", 3).Where(f => f[2] == "N" && !SpeakerMetonyms.Contains(f[0])).Select(f => (f[0], f[1])).ToList();
        return (names, aliases);
    }
}
