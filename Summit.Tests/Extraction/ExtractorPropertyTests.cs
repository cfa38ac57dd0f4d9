using System.Diagnostics;
using CsCheck;
using Summit.Indexer.Articles;
using Summit.Indexer.Extraction;

namespace Summit.Tests.Extraction;

/// <summary>
/// Random and adversarial text: extraction never throws and every offset is a valid span of the body. These
/// call the pipeline without <see cref="Extractor.Extract"/>'s catch-all, so a rule that throws fails them.
/// </summary>
public class ExtractorPropertyTests
{
    private static readonly string[] Words = ["said", "Mr.", "President", "Putin", "U.S.", "Moscow", "\"", "\u201C", "\n\n", "he added", "according to", ", ", "Paris"];

    // Characters that stress the rules: quotation marks of every kind, apostrophes, dots, dashes, line breaks,
    // capitals, digits and a surrogate pair.
    private static readonly Gen<string> Tricky = Gen.OneOf(
        Gen.String,
        Gen.Char["\"'\u201C\u201D\u2018\u2019\u00AB\u00BB.,:;-\u2014\n ASaMrUS1\uD83D\uDE00"].Array[0, 400].Select(c => new string(c)),
        Gen.Int[0, Words.Length - 1].Select(i => Words[i]).Array[0, 120].Select(words => string.Join(' ', words)));

    [Fact]
    public void Never_throws_and_offsets_are_in_range()
    {
        Tricky.Sample(body =>
        {
            var facts = Extractor.ExtractCore(new Article("p", "t", body));
            foreach (var q in facts.Quotes)
            {
                Assert.InRange(q.Start, 0, body.Length);
                Assert.InRange(q.End, q.Start, body.Length);
                Assert.Equal(body[q.Start..q.End], q.Text);
                Assert.False(q.Speaker is "he" or "she" or "they" or "He" or "She" or "They");
            }
            foreach (var span in facts.Persons.SelectMany(p => p.Mentions).Concat(facts.Places.SelectMany(p => p.Mentions)))
            {
                Assert.InRange(span.Start, 0, body.Length);
                Assert.InRange(span.End, span.Start + 1, body.Length);
                Assert.False(char.IsLowSurrogate(body[span.Start]));
            }
        }, iter: 3000);
    }

    [Fact]
    public void A_megabyte_paragraph_without_punctuation_is_linear()
    {
        AssertLinear("Word Another capital Name here \"open ");
    }

    [Theory]
    [InlineData("\u201C\"a\" ")]                          // a curly mark left open, then straight marks
    [InlineData("\"We will,\" said Mr. Bob Lee, he added ")] // one endless sentence of attributed quotes
    [InlineData("President Anna Berg met Putin in Paris ")]   // names and places without a full stop
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
        var small = Time(100_000, out _, out _);
        var large = Time(1_000_000, out var body, out var facts);

        var allowed = TimeSpan.FromTicks(Math.Max(small.Ticks, TimeSpan.FromMilliseconds(20).Ticks) * 40);
        Assert.True(large < allowed, $"100 KB took {small.TotalMilliseconds:F0} ms, 1 MB took {large.TotalMilliseconds:F0} ms: more than linear");
        Assert.All(facts.Quotes, q => Assert.Equal(body[q.Start..q.End], q.Text));
    }

    [Fact]
    public void Binary_garbage_does_not_throw()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var body = new string(bytes.Select(b => (char)b).ToArray());

        var facts = Extractor.ExtractCore(new Article("bin", "t", body));

        Assert.NotNull(facts);
    }
}
