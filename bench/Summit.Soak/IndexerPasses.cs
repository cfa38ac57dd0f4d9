using System.Diagnostics;
using System.Text.Json;

namespace Summit.Soak;

/// <summary>
/// The indexer CLI writing into the API's own index while the API takes live writes: pass after pass, each a fresh
/// JSON Lines file of articles with a marker word of its own. One writer at a time: a pass either indexes all its
/// articles (exit 0) or is refused before it writes anything (exit 1, the API was committing); the API answers its
/// writes 503 while a pass runs. <see cref="CheckAsync"/> then proves every article of every successful pass is
/// searchable and no refused pass left anything, and <see cref="IndexIsClean"/> runs Lucene's CheckIndex.
/// </summary>
public sealed class IndexerPasses(string indexPath, string runId)
{
    private const int ArticlesPerPass = 2_000;
    private readonly List<(int Pass, int ExitCode, TimeSpan Took, string Output)> _passes = [];
    private readonly string _dll = Builds.Dll("Summit.Indexer");
    private string _check = "not run";

    public int ArticlesIndexed => _passes.Count(p => p.ExitCode == 0) * ArticlesPerPass;

    public bool IndexIsClean { get; private set; }

    public string Summary =>
        $"{_passes.Count} passes of {ArticlesPerPass:N0} articles: {_passes.Count(p => p.ExitCode == 0)} indexed, " +
        $"{_passes.Count(p => p.ExitCode == 1)} refused (the API held the lock), {_passes.Count(p => p.ExitCode is not 0 and not 1)} other; " +
        $"{ArticlesIndexed:N0} articles through the CLI; `stats --check`: {_check}" +
        (_passes.FirstOrDefault(p => p.ExitCode != 0) is { Output: { Length: > 0 } output } ? $"; first refusal said: {output.Trim().Split('\n')[^1]}" : "");

    /// <summary>Runs passes back to back until <paramref name="stop"/>; a pass in flight is finished, not killed.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var folder = Directory.CreateTempSubdirectory("summit-soak-cli-");
        try
        {
            for (var pass = 0; !stop.IsCancellationRequested; pass++)
            {
                var input = Path.Combine(folder.FullName, $"pass{pass}.jsonl");
                await File.WriteAllLinesAsync(input, Enumerable.Range(0, ArticlesPerPass).Select(n => JsonSerializer.Serialize(new
                {
                    id = $"cli-{runId}-{pass}-{n}",
                    title = $"Indexer pass {pass} article {n}",
                    body = $"The ministry said on Tuesday that talks would go on. \"We are not done,\" said Jana Novak. Marker {Marker(pass)}.",
                })), CancellationToken.None);
                var clock = Stopwatch.StartNew();
                var (exit, output) = await RunIndexerAsync("index", "--input", input, "--index", indexPath, "--commit-every", "500");
                _passes.Add((pass, exit, clock.Elapsed, exit == 0 ? "" : output));
                File.Delete(input);
                // Leave the API a window to take its writes between passes.
                try { await Task.Delay(TimeSpan.FromSeconds(1), stop); } catch (OperationCanceledException) { }
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Each successful pass's marker finds all its articles; a refused pass's finds none. Then CheckIndex.</summary>
    public async Task<List<string>> CheckAsync(HttpClient http)
    {
        var problems = new List<string>();
        foreach (var (pass, exit, _, _) in _passes)
        {
            using var search = JsonDocument.Parse(await http.GetStringAsync($"/api/search?q={Marker(pass)}&pageSize=1"));
            var total = search.RootElement.GetProperty("total").GetInt64();
            var expected = exit == 0 ? ArticlesPerPass : 0;
            if (total != expected) problems.Add($"indexer pass {pass} (exit {exit}): its marker finds {total} articles, expected {expected}");
        }
        var (checkExit, checkOutput) = await RunIndexerAsync("stats", "--index", indexPath, "--check", "--json");
        IndexIsClean = checkExit == 0 && checkOutput.Contains("\"clean\":true", StringComparison.Ordinal);
        _check = IndexIsClean ? "clean" : $"DAMAGED (exit {checkExit})";
        if (!IndexIsClean) problems.Add($"stats --check: {checkOutput.Trim()}");
        return problems;
    }

    private string Marker(int pass) => $"clipass{runId}x{pass}";

    private async Task<(int ExitCode, string Output)> RunIndexerAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(_dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + _dll);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
