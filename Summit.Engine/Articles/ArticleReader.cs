using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Summit.Engine.Articles;

/// <summary>How articles are read.</summary>
/// <param name="StripDateline">Remove a wire dateline from the body (indexing). The <c>extract</c> command keeps
/// the body exactly as given so that offsets index it.</param>
/// <param name="MaxArticleBytes">Larger .txt/.json files or JSONL lines are reported and skipped.</param>
public sealed record ReaderOptions(bool StripDateline = true, int MaxArticleBytes = 8 * 1024 * 1024);

/// <summary>
/// Reads articles from a file or a folder (recursively, in ordinal path order, each real folder and file once: see
/// <see cref="ArticleWalker"/>): <c>.txt</c> (headline on the first line, or a title derived from the first
/// sentence), <c>.json</c> (one article object) and <c>.jsonl</c> (one object per line), in UTF-8 or in UTF-16 with
/// a byte order mark. Every problem becomes a <see cref="ReadFailure"/>; reading never throws for bad content or
/// for a folder or file that cannot be read.
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

    public static IEnumerable<ReadResult> ReadFile(string file, ReaderOptions options)
    {
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension == ".jsonl")
        {
            foreach (var result in ReadJsonLines(file, options)) yield return result;
            yield break;
        }

        var (text, failure) = ReadWholeFile(file, options);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        var stem = Path.GetFileNameWithoutExtension(file);
        yield return extension == ".json"
            ? FromJson(text!, file, null, stem, options)
            : FromText(text!, file, stem, options);
    }

    private static (string? Text, ReadFailure? Failure) ReadWholeFile(string file, ReaderOptions options)
    {
        try
        {
            var length = new FileInfo(file).Length;
            if (length == 0) return (null, new ReadFailure(file, null, "the file is empty"));
            if (length > options.MaxArticleBytes)
                return (null, new ReadFailure(file, null,
                    $"the file is {length / 1024.0 / 1024.0:F1} MB, over the {options.MaxArticleBytes / 1024 / 1024} MB limit for one article"));
            var (text, problem) = DecodeText(File.ReadAllBytes(file));
            return problem is null ? (text, null) : (null, new ReadFailure(file, null, problem));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new ReadFailure(file, null, $"cannot be read: {e.Message}"));
        }
    }

    private static IEnumerable<ReadResult> ReadJsonLines(string file, ReaderOptions options)
    {
        try
        {
            // Checked before opening: a FIFO or device (e.g. reached through a link) has no length and would block.
            if (new FileInfo(file).Length == 0) return [new ReadFailure(file, null, "the file is empty")];
            return ReadJsonLines(OpenAsUtf8(file), file, options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [new ReadFailure(file, null, $"cannot be read: {e.Message}")];
        }
    }

    /// <summary>The file's bytes as UTF-8: a file with a UTF-16 byte order mark is transcoded as it is read
    /// (invalid UTF-16 throws a <see cref="DecoderFallbackException"/> from Read); any other file as it is.</summary>
    private static Stream OpenAsUtf8(string file)
    {
        var stream = File.OpenRead(file);
        try
        {
            Span<byte> start = stackalloc byte[2];
            var read = stream.ReadAtLeast(start, 2, throwOnEndOfStream: false);
            var utf16 = read < 2 ? null : Utf16ByBom(start);
            if (utf16 is null)
            {
                stream.Position = 0;
                return stream;
            }
            return Encoding.CreateTranscodingStream(stream, utf16, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The strict UTF-16 encoding a byte order mark at the start of <paramref name="bytes"/> names, if any.</summary>
    private static UnicodeEncoding? Utf16ByBom(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) ? StrictUtf16Le
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) ? StrictUtf16Be
        : null;

    private static IEnumerable<ReadResult> ReadJsonLines(Stream stream, string file, ReaderOptions options)
    {
        using var _ = stream;
        var stem = Path.GetFileNameWithoutExtension(file);
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
                    ? new ReadFailure(file, null, problem)
                    : new ReadFailure(file, lineNumber + 1, $"{problem}; the lines from here on were skipped");
                yield break;
            }
            var line = lines.Current;
            lineNumber++;
            if (line.Bytes is null)
            {
                yield return new ReadFailure(file, lineNumber, $"the line is over the {options.MaxArticleBytes / 1024 / 1024} MB limit for one article");
                continue;
            }
            if (line.Bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r')) continue;
            sawContent = true;
            var (text, decodeProblem) = DecodeUtf8(line.Bytes);
            yield return decodeProblem is not null
                ? new ReadFailure(file, lineNumber, decodeProblem)
                : FromJson(text!, file, lineNumber, $"{stem}-{lineNumber}", options);
        }
        if (!sawContent) yield return new ReadFailure(file, null, "the file is empty");
    }

    private readonly record struct RawLine(byte[]? Bytes);

    /// <summary>Splits a stream on '\n' without decoding, so one bad line cannot spoil the others; lines over the
    /// limit come back with null bytes (and are skipped without being buffered whole).</summary>
    private static IEnumerable<RawLine> SplitLines(Stream stream, int maxBytes)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        var tooLong = false;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
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

    /// <summary>The text of a whole file: UTF-16 when it starts with a UTF-16 byte order mark (LE or BE), else
    /// strict UTF-8 (a BOM is allowed). Null and the reason for invalid text or binary content.</summary>
    private static (string? Text, string? Problem) DecodeText(byte[] bytes)
    {
        if (Utf16ByBom(bytes) is not { } utf16) return DecodeUtf8(bytes);
        var name = utf16 == StrictUtf16Le ? "UTF-16 LE" : "UTF-16 BE";
        string text;
        try
        {
            text = utf16.GetString(bytes, 2, bytes.Length - 2);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"not valid {name} text (it starts with a {name} byte order mark); re-save the file as UTF-8");
        }
        return text.Contains('\0') ? (null, $"binary content (NUL characters after a {name} byte order mark), not a text article") : (text, null);
    }

    /// <summary>Strict UTF-8 (a BOM is allowed); null and the reason for invalid UTF-8 or binary content.</summary>
    private static (string? Text, string? Problem) DecodeUtf8(byte[] bytes)
    {
        var span = bytes.AsSpan();
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
        var cut = sentence.LastIndexOf(' ', maxLength);
        return sentence[..(cut > 40 ? cut : maxLength)].TrimEnd(',', ';', ':', ' ') + "…";
    }

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
