using System.Text;
using Summit.Engine.Articles;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Articles;

public sealed class ArticleReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private List<ReadResult> ReadAll() => ArticleReader.Read(_dir.Path).ToList();

    [Fact]
    public void Text_file_with_a_short_first_line_uses_it_as_the_title()
    {
        _dir.File("a.txt", "Storm closes ports\nHeavy rain closed three ports on Monday, officials said.\nMore rain is expected.");

        var article = Assert.IsType<ArticleRead>(Assert.Single(ReadAll())).Article;

        Assert.Equal("a", article.Id);
        Assert.Equal("Storm closes ports", article.Title);
        Assert.StartsWith("Heavy rain closed", article.Body);
    }

    [Fact]
    public void Seed_article_gets_a_title_from_its_first_sentence_and_loses_its_dateline()
    {
        var article = Assert.IsType<ArticleRead>(Assert.Single(ArticleReader.Read(RepoPaths.SeedArticle))).Article;

        Assert.Equal("Moscow", article.Dateline);
        Assert.Equal("AFP", article.Source);
        Assert.StartsWith("Chinese leader Xi Jinping arrived", article.Body);
        Assert.StartsWith("Chinese leader Xi Jinping arrived at the Kremlin", article.Title);
        Assert.True(article.Title.Length <= 121, article.Title);
    }

    [Fact]
    public void Json_file_reads_every_field()
    {
        _dir.File("one.json", """{"id":"x-1","title":"T","body":"Body text.","date":"2023-03-21T09:30:00+02:00","source":"Wire","url":"https://example.org/x","author":"A. Writer"}""");

        var article = Assert.IsType<ArticleRead>(Assert.Single(ReadAll())).Article;

        Assert.Equal(new Article("x-1", "T", "Body text.", new DateTimeOffset(2023, 3, 21, 7, 30, 0, TimeSpan.Zero), "Wire", "https://example.org/x", "A. Writer"), article);
    }

    [Fact]
    public void Jsonl_line_that_is_malformed_is_reported_and_the_rest_are_read()
    {
        _dir.File("batch.jsonl", "{\"id\":\"a\",\"body\":\"First.\"}\n{\"id\":\"b\",\"body\":\n\n{\"body\":\"Third without id.\"}\n");

        var results = ReadAll();

        Assert.Equal(["a", "batch-4"], results.OfType<ArticleRead>().Select(r => r.Article.Id));
        var failure = Assert.Single(results.OfType<ReadFailure>());
        Assert.Equal(2, failure.Line);
        Assert.Contains("malformed JSON", failure.Reason);
    }

    [Fact]
    public void Empty_file_is_reported()
    {
        _dir.File("empty.txt", "");
        _dir.File("good.txt", "Headline\nBody.");

        var results = ReadAll();

        Assert.Contains("empty", Assert.Single(results.OfType<ReadFailure>()).Reason);
        Assert.Single(results.OfType<ArticleRead>());
    }

    [Fact]
    public void Invalid_utf8_is_reported_with_a_fix()
    {
        _dir.File("latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 news\nS\u00e3o Paulo body."));

        var failure = Assert.IsType<ReadFailure>(Assert.Single(ReadAll()));

        Assert.Contains("UTF-8", failure.Reason);
    }

    [Fact]
    public void Binary_file_is_reported()
    {
        _dir.File("blob.json", [0x7B, 0x00, 0x01, 0x02, 0x7D]);

        Assert.Contains("binary", Assert.IsType<ReadFailure>(Assert.Single(ReadAll())).Reason);
    }

    [Theory]
    [InlineData(".txt", false)]
    [InlineData(".txt", true)]
    [InlineData(".json", false)]
    [InlineData(".json", true)]
    [InlineData(".jsonl", false)]
    [InlineData(".jsonl", true)]
    public void Utf16_with_a_byte_order_mark_is_read(string extension, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var content = extension switch
        {
            ".txt" => "Café reopens\r\nThe café in São Paulo reopened 🎉.",
            ".json" => """{"id":"u","title":"Café reopens","body":"The café in São Paulo reopened 🎉."}""",
            _ => "{\"id\":\"u\",\"body\":\"The café in São Paulo reopened 🎉.\"}\r\n{\"id\":\"v\",\"body\":\"Łódź too.\"}\r\n",
        };
        _dir.File("u" + extension, [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);

        var results = ReadAll();

        Assert.Empty(results.OfType<ReadFailure>());
        var articles = results.OfType<ArticleRead>().Select(r => r.Article).ToList();
        Assert.Equal("The café in São Paulo reopened 🎉.", articles[0].Body);
        if (extension != ".jsonl") Assert.Equal("Café reopens", Assert.Single(articles).Title);
        else Assert.Equal(["u", "v"], articles.Select(a => a.Id));
    }

    [Theory]
    [InlineData(".txt", false, "not valid UTF-16 LE text")]
    [InlineData(".json", true, "not valid UTF-16 BE text")]
    [InlineData(".jsonl", false, "not valid UTF-16 text")]
    public void Invalid_utf16_after_a_byte_order_mark_is_reported(string extension, bool bigEndian, string reasonPart)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        // A high surrogate followed by a letter is not UTF-16.
        byte[] loneSurrogate = bigEndian ? [0xD8, 0x00, 0x00, 0x41] : [0x00, 0xD8, 0x41, 0x00];
        _dir.File("bad" + extension, [.. encoding.GetPreamble(), .. encoding.GetBytes("{\"body\":\"x"), .. loneSurrogate, .. encoding.GetBytes("\"}")]);

        var failure = Assert.IsType<ReadFailure>(Assert.Single(ReadAll()));

        Assert.Contains(reasonPart, failure.Reason);
    }

    [Fact]
    public void Utf16_without_a_byte_order_mark_is_binary_with_a_hint()
    {
        _dir.File("nobom.txt", Encoding.Unicode.GetBytes("Title\nBody text."));

        var reason = Assert.IsType<ReadFailure>(Assert.Single(ReadAll())).Reason;

        Assert.Contains("binary", reason);
        Assert.Contains("byte order mark", reason);
    }

    [Fact]
    public void Binary_content_after_a_utf16_byte_order_mark_is_still_binary()
    {
        _dir.File("blob.txt", [0xFF, 0xFE, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00]);

        Assert.Contains("binary", Assert.IsType<ReadFailure>(Assert.Single(ReadAll())).Reason);
    }

    [Theory]
    [InlineData("[1,2]", "JSON array")]
    [InlineData("{\"title\":\"no body\"}", "no \"body\"")]
    [InlineData("{\"id\":\"../etc/passwd\",\"body\":\"x\"}", "slash")]
    [InlineData("{\"body\":{\"nested\":1}}", "must be a string")]
    public void Json_that_is_not_an_article_is_reported(string json, string reasonPart)
    {
        _dir.File("bad.json", json);

        Assert.Contains(reasonPart, Assert.IsType<ReadFailure>(Assert.Single(ReadAll())).Reason);
    }

    [Fact]
    public void Unreadable_date_is_a_warning_and_the_article_is_kept()
    {
        _dir.File("d.json", """{"body":"Text.","date":"March 3rd"}""");

        var read = Assert.IsType<ArticleRead>(Assert.Single(ReadAll()));

        Assert.Null(read.Article.Date);
        Assert.Contains("ISO 8601", Assert.Single(read.Warnings));
    }

    [Fact]
    public void Oversized_jsonl_line_is_reported_without_losing_its_neighbours()
    {
        var big = new string('x', 2048);
        _dir.File("big.jsonl", $"{{\"id\":\"a\",\"body\":\"ok\"}}\n{{\"id\":\"b\",\"body\":\"{big}\"}}\n{{\"id\":\"c\",\"body\":\"ok\"}}");

        var results = ArticleReader.Read(_dir.Path, new ReaderOptions(MaxArticleBytes: 1024)).ToList();

        Assert.Equal(["a", "c"], results.OfType<ArticleRead>().Select(r => r.Article.Id));
        Assert.Equal(2, Assert.Single(results.OfType<ReadFailure>()).Line);
    }

    [Fact]
    public void Extract_mode_keeps_the_dateline_in_the_body()
    {
        _dir.File("w.json", """{"id":"w","body":"PARIS (Reuters) - Ministers met."}""");

        var article = Assert.IsType<ArticleRead>(Assert.Single(ArticleReader.Read(_dir.Path, new ReaderOptions(StripDateline: false)))).Article;

        Assert.Equal("PARIS (Reuters) - Ministers met.", article.Body);
        Assert.Equal("Paris", article.Dateline);
        Assert.Equal("Reuters", article.Source);
    }
}
