using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Index;

public sealed class SentenceOffsetsTests
{
    [Fact]
    public void Sentences_come_back_as_they_were_stored()
    {
        var random = new Random(7);
        for (var round = 0; round < 200; round++)
        {
            var sentences = new List<(int Start, int End)>();
            var at = random.Next(3);
            for (var i = random.Next(1, 40); i > 0; i--)
            {
                // Gaps and lengths of every size a varint takes: one byte, two, three and more.
                var start = at + random.Next(4) switch { 0 => 0, 1 => random.Next(128), 2 => random.Next(20_000), _ => random.Next(3_000_000) };
                var end = start + random.Next(3) switch { 0 => 0, 1 => random.Next(1, 300), _ => random.Next(100_000) };
                sentences.Add((start, end));
                at = end;
            }

            Assert.Equal(sentences, SentenceOffsets.Decode(SentenceOffsets.Encode(sentences), at));
        }
    }

    [Fact]
    public void A_texts_sentences_take_a_few_bytes_each()
    {
        var text = "The talks ended. \"We agreed,\" he said. Prices rose 3.5 pct in March.\nNew line, new sentence.";
        var sentences = SentenceSplitter.Split(text);

        var bytes = SentenceOffsets.Encode(sentences);

        Assert.Equal(sentences, SentenceOffsets.Decode(bytes, text.Length));
        Assert.Equal(2 * sentences.Count, bytes.Length);
    }

    [Fact]
    public void Bytes_that_do_not_fit_the_text_give_none_so_the_text_is_cut_instead()
    {
        var bytes = SentenceOffsets.Encode([(0, 10), (12, 30)]);

        Assert.Null(SentenceOffsets.Decode(bytes, 29));
        Assert.Null(SentenceOffsets.Decode(bytes[..^1], 30));
        Assert.Null(SentenceOffsets.Decode([0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 30));
        Assert.Null(SentenceOffsets.Decode([], 30));
        Assert.Null(SentenceOffsets.Decode(null, 30));
        Assert.NotNull(SentenceOffsets.Decode(bytes, 30));
    }

    [Fact]
    public void Sentences_out_of_order_are_refused()
    {
        Assert.Throws<ArgumentException>(() => SentenceOffsets.Encode([(10, 20), (5, 8)]));
        Assert.Throws<ArgumentException>(() => SentenceOffsets.Encode([(10, 5)]));
    }
}
