using System.Text.Json;
using Summit.Engine.Extraction;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Extraction;

public sealed class SentenceSplitterTests
{
    /// <summary>Every seed article's body, and texts whose lines start or end on what the splitter looks at around
    /// a line break: closing quotes, abbreviations, initials, brackets, possessives, blank lines.</summary>
    private static List<string> Texts()
    {
        var data = new List<string>
        {
            "\"We will.\"\nMr. Smith said so.\n\n'Yes,' he said. (It rained.)\nJan.\nJohn's car. George W.\nBush left.",
            "MR. SULLIVAN: Thank you.\r\n\u201CQuite.\u201D\nThe U.S.\nEnd",
            "\n\nNo text on the first lines.\n",
        };
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Seeds, "*.jsonl", SearchOption.AllDirectories))
            foreach (var line in File.ReadLines(file))
                if (JsonDocument.Parse(line).RootElement.TryGetProperty("body", out var body) && body.GetString() is { Length: > 0 } text)
                    data.Add(text);
        data.Add(File.ReadAllText(RepoPaths.SeedArticle));
        return data;
    }

    [Fact]
    public void Extraction_gives_the_sentences_the_splitter_cuts_which_the_index_stores_for_snippets()
    {
        var texts = Texts();
        Assert.True(texts.Count > 1000, "the seed articles were not found");
        Assert.All(texts.Where(t => t.Length > 0), text =>
            Assert.Equal(SentenceSplitter.Split(text), Extractor.ExtractCore(new Summit.Engine.Articles.Article("s", "t", text)).BodySentences));
    }

    [Fact]
    public void Cutting_line_by_line_gives_the_sentences_of_the_whole_text()
    {
        var texts = Texts();
        Assert.True(texts.Count > 1000, "the seed articles were not found");
        Assert.All(texts, text =>
        {
            var byLine = new List<(int Start, int End)>();
            for (var start = 0; start <= text.Length;)
            {
                var end = text.IndexOf('\n', start) is var at and >= 0 ? at : text.Length;
                byLine.AddRange(SentenceSplitter.SplitLine(text, start, end));
                start = end + 1;
            }
            Assert.Equal(SentenceSplitter.Split(text), byLine);
        });
    }
}
