using System.Text.Json;
using Spectre.Console;
using Summit.Engine.Articles;
using Summit.Engine.Entities;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Indexer;

/// <summary>Process exit codes of the CLI.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    /// <summary>The run finished, but some articles were reported and skipped.</summary>
    public const int CompletedWithErrors = 2;
}

/// <summary>The CLI commands; Program.cs only declares their options.</summary>
internal static class Commands
{
    private const int MaxListed = 50;

    public static int Index(string inputPath, string indexPath, IndexingOptions options)
    {
        if (!File.Exists(inputPath) && !Directory.Exists(inputPath))
        {
            Console.Error.WriteLine($"error: no article file or folder at '{Escape(inputPath)}'");
            return ExitCodes.Failure;
        }

        IndexingSummary summary;
        try
        {
            summary = RunWithProgress(inputPath, indexPath, options);
        }
        catch (IndexingFailedException e)
        {
            Console.Error.WriteLine($"error: {Escape(e.Message)}");
            if (IndexStats.Exists(indexPath))
                Console.WriteLine($"the index holds {IndexStats.Read(indexPath).Articles:N0} committed articles");
            return ExitCodes.Failure;
        }

        PrintList("failed", summary.Failures.Select(f => f.ToString()).ToList(), "31");
        PrintList("warning", summary.WarningMessages, "33");
        var (articles, quotes) = IndexStats.Counts(indexPath);
        Console.WriteLine($"{summary}; extraction {summary.ExtractionTime.TotalSeconds:F1} s; index now holds {articles:N0} articles and {quotes:N0} quotes (committed) in {Escape(indexPath)}");
        return summary.Failed > 0 ? ExitCodes.CompletedWithErrors : ExitCodes.Success;
    }

    private static IndexingSummary RunWithProgress(string inputPath, string indexPath, IndexingOptions options)
    {
        // Redirected output gets no progress bar: asked first, so a scripted run does not set up the console library.
        if (Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive) return IndexingPipeline.Run(inputPath, indexPath, options);
        var total = IndexingPipeline.CountArticles(inputPath);
        return AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Indexing", maxValue: Math.Max(1, total));
                return IndexingPipeline.Run(inputPath, indexPath, options, new Progress<int>(n => task.Value = n));
            });
    }

    /// <summary>
    /// Extracts every article, then links their persons across the whole input as the searcher does across an index
    /// (<see cref="EntityLinking"/>), and writes one line per article. The facts are held until the input is read.
    /// </summary>
    public static int Extract(string inputPath, string outputPath)
    {
        var failed = 0;
        var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        var extracted = new List<(string Id, ArticleFacts Facts, DateTimeOffset? Date)>();
        // Offsets must index the body exactly as given, so the dateline is detected but kept.
        var reader = new ReaderOptions(StripDateline: false);
        foreach (var result in ArticleReader.Read(inputPath, reader))
        {
            if (result is ReadFailure failure)
            {
                Console.Error.WriteLine($"failed: {Escape(failure.ToString())}");
                failed++;
                continue;
            }
            var article = ((ArticleRead)result).Article;
            extracted.Add((article.Id, Extractor.Default.Extract(article), article.Date));
        }
        var registry = EntityLinking.RegistryOf([.. extracted.Select(e => e.Facts)]);
        // A bare surname the registry leaves ambiguous goes to a person on its article's evidence, as in the index.
        var evidence = EntityLinking.EvidenceOf(registry, extracted.Select(e => (e.Facts, e.Date)));
        using (var stream = File.Create(outputPath))
        {
            foreach (var (id, facts, date) in extracted)
            {
                var resolved = evidence.ResolveArticle(EntityLinking.FormsOf(facts), SurnameEvidence.YearOf(date));
                // Persons as the facets show them; each quote keeps the speaker the extractor attributed it to (its name
                // in this article), which the scorer measures; the article's speaker facet values are listed apart.
                var linked = EntityLinking.Link(facts, registry, resolved) with { Quotes = facts.Quotes };
                WriteFacts(stream, id, linked, [.. facts.Speakers.Select(s => EntityLinking.Resolve(s, registry, resolved)?.Name).OfType<string>().Distinct(StringComparer.Ordinal)]);
            }
        }
        Console.WriteLine($"extracted {extracted.Count:N0} articles to {Escape(outputPath)}, failed {failed:N0}");
        return failed > 0 ? ExitCodes.CompletedWithErrors : ExitCodes.Success;
    }

    public static int Stats(string indexPath, bool asJson, bool check = false)
    {
        if (!IndexStats.Exists(indexPath))
        {
            Console.Error.WriteLine($"error: no index at '{Escape(indexPath)}'; build one with: index --input <articles> --index {Escape(indexPath)}");
            return ExitCodes.Failure;
        }
        var checkResult = check ? IndexCheckResult.Run(indexPath) : null;
        var checkExit = checkResult is { Clean: false } ? ExitCodes.Failure : ExitCodes.Success;
        if (checkResult is { Clean: false } && !asJson)
            Console.Error.WriteLine(string.Join('\n', checkResult.Report.Split('\n').Select(line => Escape(line.TrimEnd('\r')))));
        // A damaged index may not open at all; the CheckIndex verdict above is then the whole answer.
        IndexStats? stats = null;
        try
        {
            stats = IndexStats.Read(indexPath);
        }
        catch (IndexUnavailableException) when (checkResult is not null)
        {
        }

        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                articles = stats?.Articles,
                quotes = stats?.Quotes,
                facetValues = stats?.FacetValues,
                sizeBytes = stats?.SizeBytes,
                segments = stats?.Segments,
                check = checkResult is null ? null : new
                {
                    clean = checkResult.Clean,
                    segments = checkResult.Segments,
                    badSegments = checkResult.BadSegments,
                    lostDocuments = checkResult.LostDocuments,
                },
            }));
            return checkExit;
        }
        if (checkResult is not null)
        {
            Console.WriteLine(checkResult.Clean
                ? $"check: clean ({checkResult.Segments} segments)"
                : $"check: DAMAGED: {checkResult.BadSegments} of {checkResult.Segments} segments are bad, {checkResult.LostDocuments:N0} documents would be lost; rebuild with: index --input <articles> --index {Escape(indexPath)} --rebuild");
        }
        if (stats is null) return checkExit;
        var table = new Table().AddColumns("what", "count");
        table.AddRow("articles", $"{stats.Articles:N0}");
        table.AddRow("quotes", $"{stats.Quotes:N0}");
        foreach (var (field, count) in stats.FacetValues) table.AddRow($"distinct {field} values", $"{count:N0}");
        table.AddRow("size on disk", $"{stats.SizeBytes / 1024.0 / 1024.0:F1} MB");
        table.AddRow("segments", $"{stats.Segments}");
        AnsiConsole.Write(table);
        return checkExit;
    }

    /// <summary>One line per fact type, in the format of score_extraction.py.</summary>
    internal static void WriteFacts(Stream stream, string id, ArticleFacts facts, IReadOnlyList<string> speakers)
    {
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("id", id);
        WriteNamed(json, "persons", facts.Persons.Select(p => (p.Name, p.Mentions)));
        // The speaker facet of the article: its speakers that are entities, under their entities' names.
        json.WriteStartArray("speakers");
        foreach (var speaker in speakers) json.WriteStringValue(speaker);
        json.WriteEndArray();
        WriteNamed(json, "organizations", facts.Organizations.Select(o => (o.Name, o.Mentions)));
        json.WriteStartArray("countries");
        foreach (var country in facts.Countries) json.WriteStringValue(country);
        json.WriteEndArray();
        json.WriteStartArray("places");
        foreach (var place in facts.Places)
        {
            json.WriteStartObject();
            json.WriteString("name", place.Name);
            json.WriteString("country", place.Country);
            WriteSpans(json, place.Mentions);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("quotes");
        foreach (var quote in facts.Quotes)
        {
            json.WriteStartObject();
            json.WriteNumber("start", quote.Start);
            json.WriteNumber("end", quote.End);
            json.WriteString("text", quote.Text);
            json.WriteString("speaker", quote.Speaker);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        stream.WriteByte((byte)'\n');
    }

    /// <summary>An array of <c>{"name", "mentions"}</c> objects.</summary>
    private static void WriteNamed(Utf8JsonWriter json, string property, IEnumerable<(string Name, IReadOnlyList<Span> Mentions)> items)
    {
        json.WriteStartArray(property);
        foreach (var (name, mentions) in items)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            WriteSpans(json, mentions);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteSpans(Utf8JsonWriter json, IReadOnlyList<Span> spans)
    {
        json.WriteStartArray("mentions");
        foreach (var span in spans)
        {
            json.WriteStartArray();
            json.WriteNumberValue(span.Start);
            json.WriteNumberValue(span.End);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }

    /// <summary>Paths, messages and article text as one printable line each (<see cref="PrintableText"/>).</summary>
    private static string Escape(string text) => PrintableText.Escape(text);

    /// <summary>One line per item, never wrapped: Spectre's markup wraps at the console width (80 columns when the
    /// output is redirected), which split long paths over two lines.</summary>
    /// <param name="ansiColour">SGR colour code for the label, e.g. "31" for red.</param>
    private static void PrintList(string label, IReadOnlyList<string> items, string ansiColour)
    {
        if (items.Count == 0) return;
        var prefix = AnsiConsole.Profile.Capabilities.Ansi ? $"\u001b[{ansiColour}m{label}:\u001b[0m" : $"{label}:";
        foreach (var item in items.Take(MaxListed))
            Console.WriteLine($"{prefix} {Escape(item)}");
        if (items.Count > MaxListed)
            Console.WriteLine($"{prefix} … and {items.Count - MaxListed:N0} more");
    }
}
