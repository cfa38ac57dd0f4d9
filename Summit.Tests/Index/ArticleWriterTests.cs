using System.Text;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Tests.Index;

/// <summary>
/// <see cref="ArticleWriter.IngestAsync"/> on a body like a request's: it cannot seek, hands out a few bytes per
/// read and refuses synchronous reads (as Kestrel does unless AllowSynchronousIO is set). One JSON value is one
/// article, anything else JSON Lines, with the same ids, messages and line numbers as the indexer's reader gives.
/// </summary>
public sealed class ArticleWriterTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "summit-writer-" + Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly ArticleSearcher _searcher;
    private readonly ArticleWriter _writer;

    public ArticleWriterTests()
    {
        using (var builder = IndexBuilder.Open(_path)) builder.Commit();
        _index = new SearchIndex(_path);
        _searcher = new ArticleSearcher(_index);
        _writer = new ArticleWriter(_index, _searcher);
    }

    public void Dispose()
    {
        _index.Dispose();
        Directory.Delete(_path, recursive: true);
    }

    /// <summary>A request body as Kestrel hands it over.</summary>
    private sealed class RequestBody(byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override int Read(Span<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            return _inner.Read(buffer.Span[..Math.Min(buffer.Length, 5)]);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private Task<IngestResponse> Ingest(string body, bool jsonLines = false) => Ingest(Encoding.UTF8.GetBytes(body), jsonLines);

    private Task<IngestResponse> Ingest(byte[] body, bool jsonLines = false) =>
        _writer.IngestAsync(new RequestBody(body), jsonLines, CancellationToken.None);

    private async Task<IReadOnlyList<string>> Rejected(string body, bool jsonLines = false) =>
        (await Assert.ThrowsAsync<IngestRejectedException>(() => Ingest(body, jsonLines))).Problems;

    [Fact]
    public async Task One_json_object_over_several_lines_is_one_article_named_after_the_upload()
    {
        var response = await Ingest("{\n  \"title\": \"Harbour reopens\",\n  \"body\": \"The harbour reopened on Monday.\",\n  \"date\": \"March 3rd\"\n}\n");

        var id = Assert.Single(response.Ids);
        Assert.Matches(@"^upload-\d{17}$", id);
        Assert.StartsWith("date 'March 3rd' is not ISO 8601", Assert.Single(response.Warnings));
        Assert.Equal("Harbour reopens", _searcher.GetArticle(id)!.Title);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Json_lines_are_read_line_by_line_with_ids_and_warnings_by_line(bool jsonLines)
    {
        var response = await Ingest("{\"id\":\"w-1\",\"body\":\"First article.\"}\n\n{\"body\":\"Second article.\",\"date\":\"soon\"}\n", jsonLines);

        Assert.Equal(2, response.Indexed);
        Assert.Equal("w-1", response.Ids[0]);
        Assert.Matches(@"^upload-\d{17}-3$", response.Ids[1]);
        Assert.StartsWith("Line 3: date 'soon' is not ISO 8601", Assert.Single(response.Warnings));
    }

    [Fact]
    public async Task A_utf16_body_with_a_byte_order_mark_is_read()
    {
        var encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: true);
        byte[] body = [.. encoding.GetPreamble(), .. encoding.GetBytes("{\"id\":\"u-1\",\"body\":\"Łódź 🎉.\"}\r\n{\"id\":\"u-2\",\"body\":\"São Paulo.\"}\r\n")];

        var response = await Ingest(body);

        Assert.Equal(["u-1", "u-2"], response.Ids);
        Assert.Equal("Łódź 🎉.", _searcher.GetArticle("u-1")!.Body);
    }

    [Fact]
    public async Task Unusable_uploads_are_rejected_with_the_reasons()
    {
        Assert.Equal(["The request body is empty; send an article as JSON."], await Rejected(""));
        Assert.Equal(["Send one article object, or JSON Lines (one object per line) for a batch, not a JSON array."],
            await Rejected("[{\"id\":\"a\",\"body\":\"b\"}]"));
        Assert.Equal(["Ids appear more than once in the batch: d-1."],
            await Rejected("{\"id\":\"d-1\",\"body\":\"One.\"}\n{\"id\":\"d-1\",\"body\":\"Two.\"}"));
        Assert.Equal(["the file is empty"], await Rejected(" \n\r\n", jsonLines: true));
        Assert.Equal(["the article has no \"body\" text"], await Rejected("{\"id\":\"no-body\"}"));

        var malformed = await Rejected("{\"id\":\"g-1\",\"body\":\"Good.\"}\n{\"id\":\"bad-1\",\"body\":\n{\"id\":\"bad/2\",\"body\":\"x\"}");
        Assert.Equal(2, malformed.Count);
        Assert.StartsWith("Line 2: malformed JSON", malformed[0]);
        Assert.StartsWith("Line 3: the article id 'bad/2' contains a space, slash", malformed[1]);

        // Sent as JSON Lines, one object over several lines is several broken lines.
        Assert.All(await Rejected("{\n\"id\":\"p-1\",\n\"body\":\"x\"\n}", jsonLines: true), p => Assert.Matches(@"^Line [1-4]: malformed JSON", p));

        Assert.Null(_searcher.GetArticle("g-1"));
    }

    [Fact]
    public async Task A_json_array_sent_as_json_lines_is_a_line_that_is_not_an_object()
    {
        var problem = Assert.Single(await Rejected("[{\"id\":\"a\",\"body\":\"b\"}]", jsonLines: true));

        Assert.Equal("Line 1: expected a JSON object with at least \"body\", found a JSON array", problem);
    }
}
