using System.Text;
using Summit.Engine.Articles;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Articles;

/// <summary><see cref="ArticleReader.ReadStream"/> gives, for a stream that cannot seek and hands out a few bytes
/// per read (like a request body), exactly what reading a file with the same bytes gives.</summary>
public sealed class ArticleReaderStreamTests : IDisposable
{
    private readonly TempDirectory _dir = new("summit-stream");

    public void Dispose() => _dir.Dispose();

    /// <summary>A read-only stream that cannot seek, has no length and returns at most a few bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int chunk) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public bool Disposed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, chunk));
        public override int Read(Span<byte> buffer) => _inner.Read(buffer[..Math.Min(buffer.Length, chunk)]);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    /// <summary>Everything a result says, comparable by value.</summary>
    private static string Describe(ReadResult result) => result switch
    {
        ArticleRead read => $"read {read.File} line {read.Line}: {read.Article} warnings [{string.Join(" | ", read.Warnings)}]",
        ReadFailure failure => $"failed {failure.File} line {failure.Line}: {failure.Reason}",
        _ => throw new InvalidOperationException(result.GetType().Name),
    };

    private static byte[] Utf16(string text, bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    private static byte[] Utf8Bom(string text) => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];

    private const string Jsonl = "{\"id\":\"a\",\"body\":\"First in Łódź.\",\"date\":\"March 3rd\"}\r\n{\"id\":\"b\",\"body\":\n\n{\"body\":\"Third without id.\"}\n";

    public static TheoryData<string, byte[], int> Cases() => new()
    {
        { "plain.txt", Encoding.UTF8.GetBytes("Storm closes ports\nHeavy rain closed three ports on Monday."), 3 },
        { "bom.txt", Utf8Bom("Café reopens\r\nPARIS (Reuters) - The café reopened."), 1 },
        { "le.txt", Utf16("Café reopens\r\nThe café in São Paulo reopened 🎉.", bigEndian: false), 2 },
        { "x.txt", "x"u8.ToArray(), 1 },
        { "latin1.txt", Encoding.Latin1.GetBytes("Caf\u00e9 news\nS\u00e3o Paulo body."), 5 },
        { "nobom.txt", Encoding.Unicode.GetBytes("Title\nBody text."), 4 },
        { "one.json", Encoding.UTF8.GetBytes("""{"title":"T","body":"Body text.","date":"2023-03-21T09:30:00+02:00","source":"Wire"}"""), 3 },
        { "be.json", Utf16("""{"id":"u","title":"Café reopens","body":"The café reopened 🎉."}""", bigEndian: true), 1 },
        { "bad-be.json", [.. Utf16("{\"body\":\"x", bigEndian: true), 0xD8, 0x00, 0x00, 0x41, .. Encoding.BigEndianUnicode.GetBytes("\"}")], 2 },
        { "array.json", "[1,2]"u8.ToArray(), 7 },
        { "nobody.json", Encoding.UTF8.GetBytes("""{"id":"../x","body":"text"}"""), 3 },
        { "batch.jsonl", Encoding.UTF8.GetBytes(Jsonl), 3 },
        { "bom.jsonl", Utf8Bom(Jsonl), 1 },
        { "le.jsonl", Utf16(Jsonl, bigEndian: false), 1 },
        { "be.jsonl", Utf16(Jsonl, bigEndian: true), 5 },
        { "bad-le.jsonl", [.. Utf16("{\"id\":\"a\",\"body\":\"ok\"}\n{\"body\":\"x", bigEndian: false), 0x00, 0xD8, 0x41, 0x00, .. Encoding.Unicode.GetBytes("\"}\n{\"id\":\"c\",\"body\":\"ok\"}")], 2 },
        { "blank.jsonl", " \r\n\t\n\n"u8.ToArray(), 1 },
        { "y.jsonl", "y"u8.ToArray(), 1 },
        { "mixed.jsonl", [.. "{\"id\":\"a\",\"body\":\"ok\"}\n"u8, 0xC3, 0x28, .. "\n{\"id\":\"z\",\"body\":\"\u0000\"}\n"u8], 4 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_non_seekable_stream_reads_like_a_file_with_the_same_bytes(string name, byte[] bytes, int chunk)
    {
        var path = _dir.File(name, bytes);
        var options = new ReaderOptions();
        var fromFile = ArticleReader.ReadFile(path, options).Select(Describe).ToList();

        using var stream = new TrickleStream(bytes, chunk);
        var fromStream = ArticleReader.ReadStream(stream, path, ArticleReader.FormatOf(name), options).Select(Describe).ToList();

        Assert.NotEmpty(fromFile);
        Assert.Equal(fromFile, fromStream);
        Assert.False(stream.Disposed);
    }

    [Fact]
    public void A_stream_reads_utf16_and_reports_a_malformed_line_by_number()
    {
        using var stream = new TrickleStream(Utf16(Jsonl, bigEndian: true), 3);

        var results = ArticleReader.ReadStream(stream, "upload.jsonl", ArticleFormat.JsonLines, new ReaderOptions()).ToList();

        Assert.Equal(["a", "upload-4"], results.OfType<ArticleRead>().Select(r => r.Article.Id));
        Assert.Equal("First in Łódź.", results.OfType<ArticleRead>().First().Article.Body);
        Assert.Equal(1, results.OfType<ArticleRead>().First().Line);
        Assert.Contains("ISO 8601", Assert.Single(results.OfType<ArticleRead>().First().Warnings));
        var failure = Assert.Single(results.OfType<ReadFailure>());
        Assert.Equal(("upload.jsonl", 2), (failure.File, failure.Line));
        Assert.Contains("malformed JSON", failure.Reason);
    }

    [Fact]
    public void The_name_gives_the_id_and_the_format_is_what_the_caller_says()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"body":"Text of the article."}""");

        var asJson = ArticleReader.ReadStream(new TrickleStream(bytes, 4), "upload-1.jsonl", ArticleFormat.Json, new ReaderOptions()).ToList();
        var asLines = ArticleReader.ReadStream(new TrickleStream(bytes, 4), "upload-1.json", ArticleFormat.JsonLines, new ReaderOptions()).ToList();
        var asText = ArticleReader.ReadStream(new TrickleStream(bytes, 4), "upload-1.json", ArticleFormat.Text, new ReaderOptions()).ToList();

        Assert.Equal("upload-1", Assert.IsType<ArticleRead>(Assert.Single(asJson)).Article.Id);
        Assert.Equal("upload-1-1", Assert.IsType<ArticleRead>(Assert.Single(asLines)).Article.Id);
        Assert.Equal("""{"body":"Text of the article."}""", Assert.IsType<ArticleRead>(Assert.Single(asText)).Article.Body);
    }

    [Theory]
    [InlineData("big.txt", 1)]
    [InlineData("big.json", 1000)]
    public void An_article_over_the_size_limit_is_reported_with_its_size_from_a_stream_without_a_length(string name, int chunk)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"id":"big","body":"{{new string('x', 300_000)}}"}""");
        var path = _dir.File(name, bytes);
        var options = new ReaderOptions(MaxArticleBytes: 128 * 1024);

        var fromFile = Assert.IsType<ReadFailure>(Assert.Single(ArticleReader.ReadFile(path, options)));
        var fromStream = Assert.IsType<ReadFailure>(Assert.Single(ArticleReader.ReadStream(new TrickleStream(bytes, chunk), path, ArticleReader.FormatOf(name), options)));

        Assert.Contains("the file is 0.3 MB, over the 0 MB limit", fromFile.Reason);
        Assert.Equal(fromFile, fromStream);
    }

    [Fact]
    public void An_article_of_exactly_the_size_limit_is_read_from_a_stream()
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"id":"edge","body":"{{new string('x', 1000)}}"}""");
        var options = new ReaderOptions(MaxArticleBytes: bytes.Length);

        var read = ArticleReader.ReadStream(new TrickleStream(bytes, 7), "edge.json", ArticleFormat.Json, options).Single();
        var over = ArticleReader.ReadStream(new TrickleStream([.. bytes, (byte)'\n'], 7), "edge.json", ArticleFormat.Json, options with { MaxArticleBytes = bytes.Length }).Single();
        var under = ArticleReader.ReadStream(new TrickleStream(bytes, 7), "edge.json", ArticleFormat.Json, options with { MaxArticleBytes = bytes.Length - 1 }).Single();

        Assert.Equal(1000, Assert.IsType<ArticleRead>(read).Article.Body.Length);
        Assert.Contains("over the", Assert.IsType<ReadFailure>(over).Reason);
        Assert.Contains("over the", Assert.IsType<ReadFailure>(under).Reason);
    }

    [Fact]
    public void A_stream_is_read_from_its_position()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("skip me{\"id\":\"p\",\"body\":\"From here.\"}"));
        stream.Position = "skip me".Length;

        var article = Assert.IsType<ArticleRead>(Assert.Single(ArticleReader.ReadStream(stream, "p.json", ArticleFormat.Json, new ReaderOptions()))).Article;

        Assert.Equal("From here.", article.Body);
    }
}
