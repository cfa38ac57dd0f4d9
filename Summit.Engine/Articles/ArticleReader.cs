using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Summit.Engine.Articles;

/// <summary>How articles are read.</summary>
/// <param name="StripDateline">Remove a wire dateline from the body (indexing). The <c>extract</c> command keeps
/// the body exactly as given so that offsets index it.</param>
/// <param name="MaxArticleBytes">Larger .txt/.json files or JSONL lines are reported and skipped.</param>
public sealed record ReaderOptions(bool StripDateline = true, int MaxArticleBytes = 8 * 1024 * 1024);

/// <summary>How the bytes of an article file or stream are laid out.</summary>
public enum ArticleFormat
{
    /// <summary><c>.txt</c>: one article, headline on the first line or a title derived from the first sentence.</summary>
    Text,

    /// <summary><c>.json</c>: one article object.</summary>
    Json,

    /// <summary><c>.jsonl</c>: JSON Lines, one article object per line.</summary>
    JsonLines,
}

/// <summary>
/// Reads articles from a folder (recursively, in ordinal path order, each real folder and file once: see
/// <see cref="ArticleWalker"/>), a file or a stream: <c>.txt</c> (headline on the first line, or a title derived
/// from the first sentence), <c>.json</c> (one article object) and <c>.jsonl</c> (one object per line), in UTF-8 or
/// in UTF-16 with a byte order mark. A file is read by opening it and reading the stream, so files and streams
/// (e.g. uploads) are parsed and validated alike. Every problem becomes a <see cref="ReadFailure"/>; reading never
/// throws for bad content or for a folder, file or stream that cannot be read.
/// </summary>
public static class ArticleReader
{
    public static readonly IReadOnlySet<string> Extensions =
        new HashSet<string>([".txt", ".json", ".jsonl"], StringComparer.OrdinalIgnoreCase);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);

    /// <summary>Every article under <paramref name="path"/>, streamed as the folders are walked; folders, links and
    /// files that are skipped come back as <see cref="ReadFailure"/>s.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IEnumerable<ReadResult> Read(string path, ReaderOptions? options = null) =>
        Read(ArticleWalker.Walk(path), options ?? new ReaderOptions());

    internal static IEnumerable<ReadResult> Read(IEnumerable<WalkEntry> walk, ReaderOptions options)
    {
        foreach (var entry in walk)
        {
            if (entry.Problem is not null)
            {
                yield return entry.Problem;
                continue;
            }
            foreach (var result in ReadFile(entry.Path, options))
                yield return result;
        }
    }

    /// <summary>The articles of one file, read as <see cref="ReadStream"/> reads the file's bytes in the format its
    /// extension names (<see cref="FormatOf"/>).</summary>
    public static IEnumerable<ReadResult> ReadFile(string file, ReaderOptions options)
    {
        var (stream, failure) = OpenFile(file);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        using (stream)
        {
            foreach (var result in ReadStream(stream!, file, FormatOf(file), options))
                yield return result;
        }
    }

    private static (Stream? Stream, ReadFailure? Failure) OpenFile(string file)
    {
        try
        {
            // Checked before opening: a FIFO or device (e.g. reached through a link) has no length and would block.
            if (new FileInfo(file).Length == 0) return (null, new ReadFailure(file, null, EmptyReason));
            return (File.OpenRead(file), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, CannotBeRead(file, e));
        }
    }

    /// <summary>The format a file name's extension names: .json and .jsonl by name, anything else as text.</summary>
    public static ArticleFormat FormatOf(string name) =>
        Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".jsonl" => ArticleFormat.JsonLines,
            ".json" => ArticleFormat.Json,
            _ => ArticleFormat.Text,
        };

    /// <summary>
    /// The articles in <paramref name="stream"/>, read from its position to its end in <paramref name="format"/>.
    /// <paramref name="name"/> stands for a file name: ids are derived from it (its name without extension, and
    /// <c>name-N</c> for line N of JSON Lines) and every result carries it. The stream need not be seekable (a
    /// seekable one over the size limit is reported without being read); it is read synchronously as the results
    /// are enumerated, and it is not disposed. As with files, bad content becomes a <see cref="ReadFailure"/>, and so
    /// does an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> while reading.
    /// </summary>
    public static IEnumerable<ReadResult> ReadStream(Stream stream, string name, ArticleFormat format, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            ArticleFormat.JsonLines => ReadJsonLines(stream, name, options),
            ArticleFormat.Json or ArticleFormat.Text => ReadWhole(stream, name, format, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an article format"),
        };
    }

    private const string EmptyReason = "the file is empty";

    private static ReadFailure CannotBeRead(string name, Exception e) => new(name, null, $"cannot be read: {e.Message}");

    private static IEnumerable<ReadResult> ReadWhole(Stream stream, string name, ArticleFormat format, ReaderOptions options)
    {
        var (text, failure) = ReadText(stream, name, options);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        var stem = Path.GetFileNameWithoutExtension(name);
        yield return format == ArticleFormat.Json
            ? FromJson(text!, name, null, stem, options)
            : FromText(text!, name, stem, options);
    }

    /// <summary>The decoded text of a whole .txt or .json article, or why there is none.</summary>
    private static (string? Text, ReadFailure? Failure) ReadText(Stream stream, string name, ReaderOptions options)
    {
        try
        {
            var (bytes, length) = ReadAtMost(stream, options.MaxArticleBytes);
            if (length == 0) return (null, new ReadFailure(name, null, EmptyReason));
            if (length > options.MaxArticleBytes)
                return (null, new ReadFailure(name, null,
                    $"the file is {length / 1024.0 / 1024.0:F1} MB, over the {options.MaxArticleBytes / 1024 / 1024} MB limit for one article"));
            var (text, problem) = DecodeText(bytes.AsSpan(0, (int)length));
            return problem is null ? (text, null) : (null, new ReadFailure(name, null, problem));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, CannotBeRead(name, e));
        }
    }

    /// <summary>The stream's remaining bytes and their count when that is at most <paramref name="max"/>; past it,
    /// the count alone (a seekable stream is not read at all, any other is read to its end without keeping
    /// more than <paramref name="max"/> bytes).</summary>
    private static (byte[] Bytes, long Length) ReadAtMost(Stream stream, int max)
    {
        var known = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : -1;
        if (known == 0 || known > max) return ([], known);
        var bytes = new byte[known > 0 ? known : Math.Min(64 * 1024, max)];
        var length = 0;
        Span<byte> probe = stackalloc byte[1];
        while (true)
        {
            if (length == bytes.Length)
            {
                // Full: one byte more says whether the stream has ended, without growing the buffer for nothing.
                if (stream.Read(probe) == 0) break;
                if (length >= max) return ([], length + 1 + CountRest(stream));
                Array.Resize(ref bytes, (int)Math.Min(Math.Max(2L * bytes.Length, length + 1), max));
                bytes[length++] = probe[0];
                continue;
            }
            var read = stream.Read(bytes, length, bytes.Length - length);
            if (read == 0) break;
            length += read;
        }
        return (bytes, length);
    }

    private static long CountRest(Stream stream)
    {
        var scratch = new byte[64 * 1024];
        long count = 0;
        int read;
        while ((read = stream.Read(scratch, 0, scratch.Length)) > 0) count += read;
        return count;
    }

    /// <summary>The strict UTF-16 encoding a byte order mark at the start of <paramref name="bytes"/> names, if any.</summary>
    private static UnicodeEncoding? Utf16ByBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? StrictUtf16Le
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? StrictUtf16Be
        : null;

    private static IEnumerable<ReadResult> ReadJsonLines(Stream stream, string name, ReaderOptions options)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var lineNumber = 0;
        var sawContent = false;
        using var lines = SplitLines(stream, options.MaxArticleBytes).GetEnumerator();
        while (true)
        {
            // A read that fails part way (an I/O error, invalid UTF-16) ends this file, not the run.
            string? problem = null;
            try
            {
                if (!lines.MoveNext()) break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problem = $"cannot be read: {e.Message}";
            }
            catch (DecoderFallbackException)
            {
                problem = "not valid UTF-16 text (it starts with a UTF-16 byte order mark); re-save the file as UTF-8";
            }
            if (problem is not null)
            {
                yield return lineNumber == 0
                    ? new ReadFailure(name, null, problem)
                    : new ReadFailure(name, lineNumber + 1, $"{problem}; the lines from here on were skipped");
                yield break;
            }
            var line = lines.Current;
            lineNumber++;
            if (line.Bytes is null)
            {
                yield return new ReadFailure(name, lineNumber, $"the line is over the {options.MaxArticleBytes / 1024 / 1024} MB limit for one article");
                continue;
            }
            if (line.Bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r')) continue;
            sawContent = true;
            var (text, decodeProblem) = DecodeUtf8(line.Bytes);
            yield return decodeProblem is not null
                ? new ReadFailure(name, lineNumber, decodeProblem)
                : FromJson(text!, name, lineNumber, $"{stem}-{lineNumber}", options);
        }
        if (!sawContent) yield return new ReadFailure(name, null, EmptyReason);
    }

    private readonly record struct RawLine(byte[]? Bytes);

    /// <summary>Splits a stream on '\n' without decoding, so one bad line cannot spoil the others; lines over the
    /// limit come back with null bytes (and are skipped without being buffered whole). A stream that starts with a
    /// UTF-16 byte order mark is transcoded to UTF-8 as it is read (invalid UTF-16 throws a
    /// <see cref="DecoderFallbackException"/> from MoveNext); any other is split as it is. The stream is never
    /// sought, so it need not be seekable.</summary>
    private static IEnumerable<RawLine> SplitLines(Stream stream, int maxBytes)
    {
        stream = new WholeReads(stream);
        var buffer = new byte[64 * 1024];
        // The first two bytes decide the encoding; unless they are a UTF-16 byte order mark they are the start of
        // the first line.
        var pending = stream.ReadAtLeast(buffer.AsSpan(0, 2), 2, throwOnEndOfStream: false);
        var utf16 = pending < 2 ? null : Utf16ByBom(buffer);
        using var transcoded = utf16 is null
            ? null
            : Encoding.CreateTranscodingStream(stream, utf16, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        var source = transcoded ?? stream;
        if (transcoded is not null) pending = 0;

        var line = new MemoryStream();
        var tooLong = false;
        int read;
        while ((read = pending + source.Read(buffer, pending, buffer.Length - pending)) > 0)
        {
            pending = 0;
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n') continue;
                if (!tooLong) line.Write(buffer, start, i - start);
                yield return new RawLine(tooLong || line.Length > maxBytes ? null : line.ToArray());
                line.SetLength(0);
                tooLong = false;
                start = i + 1;
            }
            if (!tooLong) line.Write(buffer, start, read - start);
            if (line.Length > maxBytes)
            {
                tooLong = true;
                line.SetLength(0);
            }
        }
        if (tooLong) yield return new RawLine(null);
        else if (line.Length > 0) yield return new RawLine(line.ToArray());
    }

    /// <summary>
    /// Reads as a regular file does: every read returns as many bytes as asked for unless the stream ends. Invalid
    /// UTF-16 is found by the chunk the transcoder decodes, so with short reads (a network stream, a pipe) the lines
    /// before it would come out or not depending on how the bytes arrived; with whole reads a stream gives what a
    /// file with the same bytes gives. The inner stream is not disposed.
    /// </summary>
    private sealed class WholeReads(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override int Read(Span<byte> buffer) => inner.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The text of a whole file: UTF-16 when it starts with a UTF-16 byte order mark (LE or BE), else
    /// strict UTF-8 (a BOM is allowed). Null and the reason for invalid text or binary content.</summary>
    private static (string? Text, string? Problem) DecodeText(ReadOnlySpan<byte> bytes)
    {
        if (Utf16ByBom(bytes) is not { } utf16) return DecodeUtf8(bytes);
        var name = utf16 == StrictUtf16Le ? "UTF-16 LE" : "UTF-16 BE";
        string text;
        try
        {
            text = utf16.GetString(bytes[2..]);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"not valid {name} text (it starts with a {name} byte order mark); re-save the file as UTF-8");
        }
        return text.Contains('\0') ? (null, $"binary content (NUL characters after a {name} byte order mark), not a text article") : (text, null);
    }

    /// <summary>Strict UTF-8 (a BOM is allowed); null and the reason for invalid UTF-8 or binary content.</summary>
    private static (string? Text, string? Problem) DecodeUtf8(ReadOnlySpan<byte> span)
    {
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        if (span.Contains((byte)0))
            return (null, "binary content (NUL bytes), not a text article; UTF-16 text needs a byte order mark");
        try
        {
            return (StrictUtf8.GetString(span), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "not valid UTF-8 text; re-save the file as UTF-8");
        }
    }

    private static ReadResult FromText(string text, string file, string fallbackId, ReaderOptions options)
    {
        text = NormaliseNewlines(text).Trim();
        if (text.Length == 0) return new ReadFailure(file, null, "the file holds only white space");

        string? title = null;
        var body = text;
        var firstBreak = text.IndexOf('\n');
        if (firstBreak > 0 && IsHeadline(text[..firstBreak].Trim()))
        {
            title = text[..firstBreak].Trim();
            body = text[(firstBreak + 1)..].Trim();
        }
        if (body.Length == 0) return new ReadFailure(file, null, "the file has a headline but no body text");
        return Build(file, null, new RawArticle(fallbackId, title, body, null, null, null, null), fallbackId, options);
    }

    /// <summary>A short line that does not read like a sentence of running text.</summary>
    internal static bool IsHeadline(string line) =>
        line.Length is > 0 and <= 160
        && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 25
        && !(line.EndsWith('.') && line.Length > 100)
        && Dateline.Parse(line + " ") is null;

    private sealed record RawArticle(string? Id, string? Title, string? Body, string? Date, string? Source, string? Url, string? Author);

    private static ReadResult FromJson(string json, string file, int? line, string fallbackId, ReaderOptions options)
    {
        RawArticle raw;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return new ReadFailure(file, line, $"expected a JSON object with at least \"body\", found a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            var root = document.RootElement;
            raw = new RawArticle(
                GetString(root, "id"), GetString(root, "title"), GetString(root, "body") ?? GetString(root, "text"),
                GetString(root, "date"), GetString(root, "source"), GetString(root, "url"), GetString(root, "author"));
        }
        catch (JsonException e)
        {
            return new ReadFailure(file, line, $"malformed JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            return new ReadFailure(file, line, $"unexpected JSON value: {e.Message}");
        }
        return Build(file, line, raw, fallbackId, options);
    }

    /// <summary>A string property (numbers are accepted as text, e.g. numeric ids); null when absent or null.</summary>
    private static string? GetString(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => throw new InvalidOperationException($"\"{name}\" must be a string, not a {value.ValueKind.ToString().ToLowerInvariant()}"),
        };
    }

    private static ReadResult Build(string file, int? line, RawArticle raw, string fallbackId, ReaderOptions options)
    {
        var warnings = new List<string>();
        var id = string.IsNullOrWhiteSpace(raw.Id) ? fallbackId : raw.Id.Trim();
        if (ArticleIds.Validate(id) is { } idProblem) return new ReadFailure(file, line, idProblem);

        var body = NormaliseNewlines(raw.Body ?? "").Trim();
        if (body.Length == 0) return new ReadFailure(file, line, "the article has no \"body\" text");

        var source = NullIfBlank(raw.Source);
        var parsed = Dateline.Parse(body);
        var datelineLength = parsed is not null && parsed.Length < body.Length ? parsed.Length : 0;
        source ??= parsed?.Source;
        var title = string.IsNullOrWhiteSpace(raw.Title) ? TitleFromBody(body[datelineLength..]) : CollapseWhiteSpace(raw.Title);
        if (options.StripDateline) body = body[datelineLength..].TrimStart();

        DateTimeOffset? date = null;
        if (!string.IsNullOrWhiteSpace(raw.Date))
        {
            date = ParseDate(raw.Date);
            if (date is null) warnings.Add($"date '{Truncate(raw.Date, 40)}' is not ISO 8601 (e.g. 2023-03-21 or 2023-03-21T09:30:00Z); indexed without a date");
        }

        var article = new Article(id, title, body, date, source, NullIfBlank(raw.Url), NullIfBlank(raw.Author), parsed?.Place);
        return new ArticleRead(file, line, article, warnings);
    }

    /// <summary>ISO 8601 date or date-time; a value without an offset is taken as UTC.</summary>
    public static DateTimeOffset? ParseDate(string value)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
            "yyyy-MM-ddTHH:mmK", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ssK"];
        return DateTimeOffset.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date) ? date : null;
    }

    /// <summary>The first sentence, cut at a word boundary when it is long.</summary>
    internal static string TitleFromBody(string body)
    {
        const int maxLength = 120;
        var firstLine = body.Split('\n', 2)[0];
        var end = firstLine.Length;
        for (var i = 1; i < firstLine.Length - 1; i++)
        {
            if (firstLine[i] is '.' or '!' or '?' && firstLine[i + 1] == ' ' && i > 20 && !char.IsUpper(firstLine[i - 1]))
            {
                end = i + 1;
                break;
            }
        }
        var sentence = CollapseWhiteSpace(firstLine[..end]);
        if (sentence.Length <= maxLength) return sentence;
        // Cut at the end of a phrase (a comma, semicolon, colon or dash) when one leaves a title of some length,
        // else after a word, never leaving a dangling "with", "the", "of" at the end.
        const int minLength = 60;
        var phrase = sentence.LastIndexOfAny([',', ';', ':', '\u2014', '\u2013'], maxLength);
        var cut = phrase >= minLength ? phrase : sentence.LastIndexOf(' ', maxLength);
        if (cut <= 40) cut = maxLength;
        var title = sentence[..cut].TrimEnd(',', ';', ':', ' ', '\u2014', '\u2013');
        while (title.LastIndexOf(' ') is > 40 and var space && DanglingWords.Contains(title[(space + 1)..]))
            title = title[..space].TrimEnd(',', ';', ':', ' ');
        return title + "…";
    }

    private static readonly HashSet<string> DanglingWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
        "into", "over", "after", "before", "about", "than", "that", "which", "who", "whose", "its", "his", "her", "their",
    };

    private static string NormaliseNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    private static string CollapseWhiteSpace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length] + "…";
}

/// <summary>Rules for article ids: they travel in URLs and Lucene terms, never to the file system.</summary>
public static class ArticleIds
{
    public const int MaxLength = 200;

    /// <summary>Null when the id is acceptable, else the reason in plain words.</summary>
    public static string? Validate(string id)
    {
        if (id.Length == 0) return "the article id is empty";
        if (id.Length > MaxLength) return $"the article id is {id.Length} characters long; the limit is {MaxLength}";
        foreach (var c in id)
        {
            if (char.IsControl(c) || c is '/' or '\\' || char.IsWhiteSpace(c))
                return $"the article id '{id}' contains a space, slash or control character; use letters, digits and . _ - : only";
        }
        if (id is "." or "..") return "the article id cannot be '.' or '..'";
        return null;
    }
}
