namespace Summit.Engine.Extraction;

/// <summary>
/// Reads a word list embedded from Words/*.txt: one word or phrase a line, in file order; blank lines and lines
/// starting with # are skipped, and each entry is trimmed.
/// </summary>
internal static class WordList
{
    /// <summary>The list as a case-sensitive set (the same as the <c>is "a" or "b"</c> patterns it replaces).</summary>
    public static HashSet<string> Set(string file) => new(Read(file), StringComparer.Ordinal);

    /// <summary>A two-column list (word, a tab, its value) as a case-sensitive table; a later row wins.</summary>
    public static Dictionary<string, string> Table(string file)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in Read(file))
        {
            var tab = entry.IndexOf('\t');
            if (tab <= 0) throw new InvalidOperationException($"Word list {file}: \"{entry}\" has no tab-separated value.");
            table[entry[..tab]] = entry[(tab + 1)..];
        }
        return table;
    }

    public static IEnumerable<string> Read(string file)
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream("Summit.Extraction.Words." + file)
            ?? throw new InvalidOperationException($"Embedded word list {file} is missing.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0 && entry[0] != '#') yield return entry;
        }
    }
}
