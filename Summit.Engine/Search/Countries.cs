using Summit.Engine.Gazetteer;

namespace Summit.Engine.Search;

/// <summary>
/// Countries for the search, all from the gazetteer that names them at index time (<see cref="CountryTable"/>): ISO
/// 3166-1 alpha-2 codes, their GeoNames display names (every label the API shows) and the names and aliases a reader
/// may type ("Britain", "Burma", "DR Congo").
/// </summary>
public static class Countries
{
    private static readonly Lazy<Dictionary<string, string>> ByName = new(BuildByName);

    /// <summary>All known codes with their display names.</summary>
    public static IReadOnlyDictionary<string, string> All => CountryTable.Names;

    /// <summary>Display name of a code (the gazetteer's), or the code itself when unknown.</summary>
    public static string Label(string code) =>
        CountryTable.Names.TryGetValue(code.ToUpperInvariant(), out var name) ? name : code;

    /// <summary>Resolves a code ("ru", "RU") or a name ("Russia", "the United States") to a code; null when unknown.</summary>
    public static string? Resolve(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName)) return null;
        var trimmed = codeOrName.Trim();
        if (trimmed.Length == 2 && CountryTable.Names.ContainsKey(trimmed.ToUpperInvariant())) return trimmed.ToUpperInvariant();
        return ByName.Value.GetValueOrDefault(TextFolding.Fold(trimmed));
    }

    /// <summary>Resolves only full names and aliases (not two-letter codes, which collide with words like "us").</summary>
    public static string? ResolveName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : ByName.Value.GetValueOrDefault(TextFolding.Fold(name));

    // Display names first; an alias never takes a name's place.
    private static Dictionary<string, string> BuildByName()
    {
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in CountryTable.Names) byName.TryAdd(TextFolding.Fold(name), code);
        foreach (var (alias, code) in CountryTable.Aliases) byName.TryAdd(TextFolding.Fold(alias), code);
        return byName;
    }
}
