using System.Diagnostics;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;

namespace Summit.Tests.Extraction;

/// <summary>Timing comparisons run alone, so other test classes running in parallel cannot skew them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Timing";
}

[Collection(TimingCollection.Name)]
public sealed class ExtractorScalingTests
{
    [Fact]
    public void A_megabyte_paragraph_without_punctuation_is_linear()
    {
        AssertLinear("Word Another capital Name here \"open ");
    }

    [Theory]
    [InlineData("\u201C\"a\" ")]                          // a curly mark left open, then straight marks
    [InlineData("\"We will,\" said Mr. Bob Lee, he added ")] // one endless sentence of attributed quotes
    [InlineData("President Anna Berg met Putin in Paris ")]   // names and places without a full stop
    [InlineData("Voters Cheer As Paul Okoye Endorses Ferry Fares And ")] // one endless title-case headline of names
    [InlineData("as Mr. Bob Lee went on about \"ferries\" and \"fares,\" and ")] // one endless list of partial quotes
    [InlineData("\"No,\" he said. ")]                        // pronouns far from any named source
    public void Megabyte_lines_of_quotes_and_names_stay_fast(string unit) => AssertLinear(unit);

    /// <summary>
    /// Extracts ~100 KB and ~1 MB of the repeated <paramref name="unit"/> and compares the times: linear work grows
    /// about 10×, quadratic about 100×. A ratio, not a wall-clock bound, so a busy machine does not fail the test
    /// (speed itself is measured by bench/eval-extraction.sh).
    /// </summary>
    private static void AssertLinear(string unit)
    {
        TimeSpan Time(int characters, out string body, out ArticleFacts facts)
        {
            body = string.Concat(Enumerable.Repeat(unit, characters / unit.Length));
            var watch = Stopwatch.StartNew();
            facts = Extractor.ExtractCore(new Article("big", "t", body));
            return watch.Elapsed;
        }

        Time(100_000, out _, out _); // warm-up: JIT and gazetteer loading must not count for the small run
        // The fastest of three runs of each size: the least disturbed by anything else on the machine.
        var small = Enumerable.Range(0, 3).Select(run => Time(100_000, out _, out _)).Min();
        var large = Enumerable.Range(0, 3).Select(run => Time(1_000_000, out _, out _)).Min();
        Time(1_000_000, out var body, out var facts);

        var allowed = TimeSpan.FromTicks(Math.Max(small.Ticks, TimeSpan.FromMilliseconds(50).Ticks) * 40);
        Assert.True(large < allowed, $"100 KB took {small.TotalMilliseconds:F0} ms, 1 MB took {large.TotalMilliseconds:F0} ms: more than linear");
        Assert.All(facts.Quotes, q => Assert.Equal(body[q.Start..q.End], q.Text));
    }
}
