using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Summit.Engine.Search;

namespace Summit.Soak;

/// <param name="WithIndexer">Also run the indexer CLI into the API's index, pass after pass, while the API takes writes.</param>
public sealed record SoakOptions(TimeSpan Duration, int Concurrency, double IngestsPerSecond, string? SeedsPath, string? ReportPath, bool WithIndexer = false);

/// <summary>One soak run: start the API, load it, check every acknowledged change, report.</summary>
public static class SoakRun
{
    private const string AdminHeader = "X-Api-Key";

    // A realistic mix over the seed archive: words, phrases, filters, facets, quotes, typeahead, an article read.
    private static readonly string[] Requests =
    [
        "/api/search?q=Ukraine", "/api/search?q=%22national%20security%22", "/api/search?q=climate%20change&country=US",
        "/api/search?q=trade&sort=date", "/api/search?q=Putin&country=RU&country=CN", "/api/search?q=vaccines",
        "/api/search?q=human%20rights%20-china", "/api/search?q=elect*", "/api/search?q=sanctions&page=2",
        "/api/search?q=&country=JP", "/api/search?q=Kishda", "/api/quotes?q=security", "/api/quotes?q=democracy",
        "/api/suggest?q=pu", "/api/suggest?q=jap", "/api/suggest?q=bid", "/api/facets/person?prefix=Jo",
        "/api/search?q=NATO&facetLimit=5", "/api/articles/000_270a9acb2966ab58", "/api/search?q=Xi%20Jinping",
    ];

    public static TimeSpan ParseDuration(string text)
    {
        text = text.Trim();
        if (TimeSpan.TryParse(text, out var span) && text.Contains(':')) return span;
        var unit = text[^1];
        var number = double.Parse(char.IsDigit(unit) ? text : text[..^1], System.Globalization.CultureInfo.InvariantCulture);
        return unit switch
        {
            'h' => TimeSpan.FromHours(number),
            'm' => TimeSpan.FromMinutes(number),
            _ => TimeSpan.FromSeconds(number),
        };
    }

    public static async Task<int> RunAsync(SoakOptions options, CancellationToken cancellation)
    {
        var repo = SearchPaths.FindRepositoryRoot(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();
        var seeds = options.SeedsPath ?? Path.Combine(repo, "seeds");
        var indexPath = Path.Combine(Path.GetTempPath(), $"summit-soak-{Guid.NewGuid():N}");
        var adminKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());
        var runId = DateTime.UtcNow.ToString("HHmmss");
        Console.WriteLine($"soak: {options.Duration} with {options.Concurrency} search clients and {options.IngestsPerSecond}/s ingests; index {indexPath}");

        await using var api = await ApiProcess.StartAsync(indexPath, seeds, adminKey, TimeSpan.FromMinutes(3));
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 4 })
        {
            BaseAddress = api.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };

        var window = TimeSpan.FromSeconds(Math.Max(10, options.Duration.TotalSeconds / 10));
        var log = new LatencyLog(window);
        var memory = new ConcurrentDictionary<int, double>();
        var ingested = new ConcurrentDictionary<string, string>();
        var deleted = new ConcurrentDictionary<string, string>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        stop.CancelAfter(options.Duration);

        var startMemory = api.ResidentMegabytes();
        var articlesAtStart = await ArticleCountAsync(http);
        var indexer = options.WithIndexer ? new IndexerPasses(indexPath, runId) : null;
        var workers = Enumerable.Range(0, options.Concurrency)
            .Select(n => SearchLoopAsync(http, log, clock, n, stop.Token))
            .Append(IngestLoopAsync(http, adminKey, runId, options.IngestsPerSecond, log, clock, ingested, deleted, stop.Token))
            .Append(MemoryLoopAsync(api, memory, clock, window, stop.Token))
            .Append(indexer?.RunAsync(stop.Token) ?? Task.CompletedTask)
            .ToList();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var endMemory = api.ResidentMegabytes();

        // Give the API's refresh loop its promised second, then check every acknowledged change.
        await Task.Delay(TimeSpan.FromSeconds(1.5), CancellationToken.None);
        var lost = await CheckAsync(http, ingested, deleted);
        if (indexer is not null)
        {
            lost.AddRange(await indexer.CheckAsync(http));
            var expected = articlesAtStart + indexer.ArticlesIndexed + ingested.Count - deleted.Count;
            var present = await ArticleCountAsync(http);
            if (present != expected) lost.Add($"the index holds {present:N0} articles; the acknowledgements and indexer runs imply {expected:N0}");
        }

        var text = Report(options, elapsed, log, startMemory, endMemory, memory, ingested.Count, deleted.Count, lost, window, indexer);
        Console.WriteLine(text);
        if (options.ReportPath is not null) await File.WriteAllTextAsync(options.ReportPath, text, CancellationToken.None);
        var damaged = indexer is not null && !indexer.IndexIsClean;
        try { Directory.Delete(indexPath, recursive: true); } catch (IOException) { }
        var memoryBounded = endMemory <= Math.Max(memory.OrderBy(m => m.Key).Skip(1).Select(m => m.Value).DefaultIfEmpty(startMemory).First() * 1.5, startMemory + 300);
        return log.ErrorCount == 0 && lost.Count == 0 && memoryBounded && !damaged ? 0 : 1;
    }

    private static async Task<long> ArticleCountAsync(HttpClient http)
    {
        using var health = JsonDocument.Parse(await http.GetStringAsync("/health"));
        return health.RootElement.GetProperty("articles").GetInt64();
    }

    private static async Task SearchLoopAsync(HttpClient http, LatencyLog log, Stopwatch clock, int worker, CancellationToken stop)
    {
        var next = worker * 7;
        while (!stop.IsCancellationRequested)
        {
            var path = Requests[next++ % Requests.Length];
            await TimedAsync(log, clock, "search", () => http.GetAsync(path, stop), stop);
        }
    }

    private static async Task IngestLoopAsync(HttpClient http, string adminKey, string runId, double perSecond, LatencyLog log,
        Stopwatch clock, ConcurrentDictionary<string, string> ingested, ConcurrentDictionary<string, string> deleted, CancellationToken stop)
    {
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.1, perSecond));
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var id = $"soak-{runId}-{n}";
            var token = $"soaktoken{runId}x{n}";
            var article = new
            {
                id,
                title = $"Soak article {n}",
                body = $"Ministers met in Geneva to discuss trade. \"We will keep talking,\" said Anna Berg, the envoy. Marker {token}.",
                date = DateTimeOffset.UtcNow.ToString("O"),
                source = "Soak Wire",
            };
            // A write in flight when the run ends is finished, so its answer is known: the checks count on every
            // write having an answer.
            var status = await TimedAsync(log, clock, "ingest", () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = JsonContent.Create(article) };
                request.Headers.Add(AdminHeader, adminKey);
                return http.SendAsync(request, CancellationToken.None);
            }, CancellationToken.None);
            if (status is >= 200 and < 300) ingested[id] = token;

            if (n % 5 == 4 && ingested.Keys.Where(k => !deleted.ContainsKey(k)).OrderBy(_ => Random.Shared.Next()).FirstOrDefault() is { } victim)
            {
                var deleteStatus = await TimedAsync(log, clock, "delete", () =>
                {
                    var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/articles/{Uri.EscapeDataString(victim)}");
                    request.Headers.Add(AdminHeader, adminKey);
                    return http.SendAsync(request, CancellationToken.None);
                }, CancellationToken.None);
                if (deleteStatus is >= 200 and < 300) deleted[victim] = ingested[victim];
            }
            try { await Task.Delay(interval, stop); } catch (OperationCanceledException) { }
        }
    }

    private static async Task MemoryLoopAsync(ApiProcess api, ConcurrentDictionary<int, double> memory, Stopwatch clock, TimeSpan window, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            memory[(int)(clock.Elapsed / window)] = api.ResidentMegabytes();
            try { await Task.Delay(TimeSpan.FromSeconds(2), stop); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Runs one request and records its status and latency; returns the status (0 on a transport failure).</summary>
    private static async Task<int> TimedAsync(LatencyLog log, Stopwatch clock, string kind, Func<Task<HttpResponseMessage>> send, CancellationToken stop)
    {
        var started = clock.Elapsed;
        try
        {
            using var response = await send();
            await response.Content.ReadAsByteArrayAsync(stop);
            var status = (int)response.StatusCode;
            log.Record(started, (clock.Elapsed - started).TotalMilliseconds, status, kind);
            return status;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0; // the run ended while this request was in flight: neither success nor error
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            log.RecordFailure(kind, e.GetType().Name);
            return 0;
        }
    }

    /// <summary>Every acknowledged ingest that was not deleted must be readable and searchable; every acknowledged
    /// delete must be gone from both. Returns what was lost.</summary>
    private static async Task<List<string>> CheckAsync(HttpClient http, ConcurrentDictionary<string, string> ingested, ConcurrentDictionary<string, string> deleted)
    {
        var lost = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(ingested, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (entry, ct) =>
        {
            var (id, token) = (entry.Key, entry.Value);
            var shouldExist = !deleted.ContainsKey(id);
            var get = await http.GetAsync($"/api/articles/{Uri.EscapeDataString(id)}", ct);
            if ((get.StatusCode == HttpStatusCode.OK) != shouldExist)
                lost.Add($"{id}: GET /api/articles answered {(int)get.StatusCode} after an acknowledged {(shouldExist ? "ingest" : "delete")}");
            using var search = JsonDocument.Parse(await http.GetStringAsync($"/api/search?q={token}", ct));
            var total = search.RootElement.GetProperty("total").GetInt64();
            if (total != (shouldExist ? 1 : 0))
                lost.Add($"{id}: search for its marker found {total} after an acknowledged {(shouldExist ? "ingest" : "delete")}");
        });
        return lost.ToList();
    }

    private static string Report(SoakOptions options, TimeSpan elapsed, LatencyLog log, double startMemory, double endMemory,
        ConcurrentDictionary<int, double> memory, int ingested, int deleted, List<string> lost, TimeSpan window, IndexerPasses? indexer)
    {
        var text = new StringBuilder();
        text.AppendLine($"# Summit soak, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine($"{elapsed.TotalMinutes:F1} min, {options.Concurrency} search clients, {options.IngestsPerSecond}/s ingests, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        text.AppendLine();
        text.AppendLine($"- requests served: {log.Served:N0} ({log.Served / elapsed.TotalSeconds:N0}/s); throttled (429): {log.Throttled:N0}; writes refused while another writer held the index (503): {log.Refused:N0}");
        text.AppendLine($"- errors (non-429): {log.ErrorCount}{(log.ErrorCount == 0 ? "" : " — " + string.Join(", ", log.Errors.Select(e => $"{e.Key} ×{e.Value}")))}");
        text.AppendLine($"- acknowledged ingests: {ingested:N0}, acknowledged deletes: {deleted:N0}, lost or resurrected after the run: {lost.Count}");
        foreach (var item in lost.Take(20)) text.AppendLine($"  - {item}");
        if (indexer is not null) text.AppendLine($"- indexer CLI in the same index: {indexer.Summary}");
        text.AppendLine($"- API memory (RSS): {startMemory:F0} MB at start, {endMemory:F0} MB at the end");
        text.AppendLine();
        text.AppendLine($"| window (from s) | requests | p50 ms | p99 ms | RSS MB |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var (index, count, p50, p99) in log.Windows())
            text.AppendLine($"| {index * window.TotalSeconds:F0} | {count:N0} | {p50:F1} | {p99:F1} | {memory.GetValueOrDefault(index):F0} |");
        return text.ToString();
    }
}
