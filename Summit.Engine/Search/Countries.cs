using System.Globalization;
using System.Text;

namespace Summit.Engine.Search;

/// <summary>ISO 3166-1 alpha-2 codes and English display names (from .NET's ICU region data plus a few aliases).</summary>
public static class Countries
{
    // Names people use that the region data spells differently, and labels news readers expect.
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["usa"] = "US", ["america"] = "US", ["united states of america"] = "US", ["us"] = "US",
        ["uk"] = "GB", ["britain"] = "GB", ["great britain"] = "GB", ["england"] = "GB",
        ["south korea"] = "KR", ["korea"] = "KR", ["north korea"] = "KP", ["russian federation"] = "RU",
        ["czech republic"] = "CZ", ["ivory coast"] = "CI", ["turkey"] = "TR", ["burma"] = "MM",
        ["holland"] = "NL", ["uae"] = "AE", ["vatican"] = "VA", ["hong kong"] = "HK", ["macau"] = "MO",
        ["palestine"] = "PS", ["turkiye"] = "TR", ["dr congo"] = "CD", ["democratic republic of the congo"] = "CD",
        ["republic of the congo"] = "CG", ["east timor"] = "TL", ["swaziland"] = "SZ", ["cape verde"] = "CV",
    };

    private static readonly Dictionary<string, string> LabelOverrides = new(StringComparer.Ordinal)
    {
        ["HK"] = "Hong Kong", ["MO"] = "Macau", ["PS"] = "Palestine", ["US"] = "United States",
    };

    private static readonly Lazy<(Dictionary<string, string> Names, Dictionary<string, string> ByName)> Tables = new(Build);

    /// <summary>All known codes with their English names.</summary>
    public static IReadOnlyDictionary<string, string> All => Tables.Value.Names;

    /// <summary>English name of a code, or the code itself when unknown.</summary>
    public static string Label(string code) =>
        Tables.Value.Names.TryGetValue(code.ToUpperInvariant(), out var name) ? name : code;

    /// <summary>Resolves a code ("ru", "RU") or a name ("Russia", "the United States") to a code; null when unknown.</summary>
    public static string? Resolve(string? codeOrName)
    {
        if (string.IsNullOrWhiteSpace(codeOrName)) return null;
        var trimmed = codeOrName.Trim();
        if (trimmed.Length == 2 && Tables.Value.Names.ContainsKey(trimmed.ToUpperInvariant())) return trimmed.ToUpperInvariant();
        return Tables.Value.ByName.GetValueOrDefault(Normalize(trimmed));
    }

    /// <summary>Resolves only full names and aliases (not two-letter codes, which collide with words like "us").</summary>
    public static string? ResolveName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : Tables.Value.ByName.GetValueOrDefault(Normalize(name));

    /// <summary>Lower case, accents folded, dots and a leading "the" dropped, single spaces.</summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c == '.') continue;
            if (char.IsWhiteSpace(c) || c == '-' || c == '\u2019' || c == '\'')
            {
                if (c is '\u2019' or '\'') continue;
                space = sb.Length > 0;
                continue;
            }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }
        var result = sb.ToString();
        return result.StartsWith("the ", StringComparison.Ordinal) ? result[4..] : result;
    }

    private static (Dictionary<string, string>, Dictionary<string, string>) Build()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var a = 'A'; a <= 'Z'; a++)
        for (var b = 'A'; b <= 'Z'; b++)
        {
            var code = string.Concat(a, b);
            try
            {
                var region = new RegionInfo(code);
                if (region.TwoLetterISORegionName == code && !string.IsNullOrWhiteSpace(region.EnglishName))
                    names[code] = LabelOverrides.GetValueOrDefault(code, region.EnglishName);
            }
            catch (ArgumentException)
            {
                // Not a region .NET knows.
            }
        }
        foreach (var (code, label) in LabelOverrides) names.TryAdd(code, label);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (code, name) in names) byName.TryAdd(Normalize(name), code);
        foreach (var (alias, code) in Aliases) byName[alias] = code;
        return (names, byName);
    }
}
