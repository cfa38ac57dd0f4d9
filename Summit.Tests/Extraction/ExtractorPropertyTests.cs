using CsCheck;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;

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
    public void Binary_garbage_does_not_throw()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);
        var body = new string(bytes.Select(b => (char)b).ToArray());

        var facts = Extractor.ExtractCore(new Article("bin", "t", body));

        Assert.NotNull(facts);
    }
}
