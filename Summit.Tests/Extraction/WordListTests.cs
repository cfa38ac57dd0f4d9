using Summit.Engine.Extraction;

namespace Summit.Tests.Extraction;

/// <summary>The word lists embedded from Summit.Engine/Extraction/Words: each is there, documented and well formed.</summary>
public class WordListTests
{
    private const string Prefix = "Summit.Extraction.Words.";

    public static TheoryData<string> Files()
    {
        var files = new TheoryData<string>();
        foreach (var name in typeof(WordList).Assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order())
            files.Add(name[Prefix.Length..]);
        return files;
    }

    [Fact]
    public void The_word_lists_are_embedded() => Assert.True(Files().Count >= 40, $"only {Files().Count} word lists embedded");

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_list_opens_with_a_header_and_has_distinct_entries(string file)
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream(Prefix + file)!;
        using var reader = new StreamReader(stream);
        Assert.StartsWith("# ", reader.ReadLine());

        var entries = WordList.Read(file).ToList();
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, entries.Distinct(StringComparer.Ordinal).Count());
        if (file == "nicknames.tsv")
            Assert.All(entries, e => Assert.Matches("^[A-Z][a-z]+\t[A-Z][a-z]+$", e));
        else if (file == "organizations.tsv")
            Assert.All(entries, e => Assert.Matches("^[^\t]+\t[^\t]+$", e));
        else if (file.EndsWith(".tsv", StringComparison.Ordinal))
            Assert.All(entries, e => Assert.Matches("^[^\t]+\t[A-Z]{2}$", e));
        else
            Assert.All(entries, e => Assert.DoesNotContain('\t', e));
    }

    [Fact]
    public void Lexicon_keeps_its_comparers()
    {
        Assert.Contains("said", Lexicon.ReportingVerbs);
        Assert.Contains("warned", Lexicon.ReportingVerbs);
        Assert.DoesNotContain("claims", Lexicon.ReportingVerbs); // a noun-like verb's -s form
        Assert.Contains("claims", Lexicon.NounLikePresent);
        Assert.Contains("The", Lexicon.CapitalisedCommon);       // case-insensitive
        Assert.DoesNotContain("president", Lexicon.Titles);       // case-sensitive
        Assert.Contains("Societe", Lexicon.OrgWords);             // after a comment line
    }
}
