using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Summit.Benchmarks.Http;

/// <summary>Throughput and latency of the HTTP API at one concurrency. Latencies in milliseconds.
/// <paramref name="ResultCache"/>: the API kept responses for repeated requests (as it serves by default); false:
/// every request was searched (<c>--Search:ResultCacheEntries=0</c>). <paramref name="Corpus"/>: null for the run's
/// synthetic index, <see cref="BenchLabels.ReutersCorpus"/> for the real Reuters index.</summary>
public sealed record HttpResult(
    int Connections, double Seconds, long Requests, double RequestsPerSecond, double P50, double P90, double P99,
    double Max, long Errors, long Non2xx, string Tool, bool ResultCache = false, string? Corpus = null)
{
    /// <summary>True for a load on the run's synthetic index (<see cref="Corpus"/> null); the real Reuters load names its corpus.</summary>
    public bool Synthetic => Corpus is null;
}

/// <summary>
/// Loads the API on loopback with wrk (Debian's package) and a Lua script that rotates through the query set's
/// URLs. Each run is bounded by wrk's own duration and a process timeout, and targets 127.0.0.1 only.
/// </summary>
public sealed class HttpLoad(string workFolder)
{
    private const string Marker = "WRKJSON ";

    public static bool WrkAvailable() =>
        Environment.GetEnvironmentVariable("PATH")?.Split(':').Any(p => File.Exists(Path.Combine(p, "wrk"))) == true;

    public HttpResult Run(Uri baseAddress, IReadOnlyList<string> paths, int connections, int seconds)
    {
        if (!baseAddress.IsLoopback) throw new ArgumentException("load tests target loopback only", nameof(baseAddress));
        Directory.CreateDirectory(workFolder);
        var pathFile = Path.GetFullPath(Path.Combine(workFolder, "paths.txt"));
        File.WriteAllLines(pathFile, paths);
        var script = Path.Combine(workFolder, "rotate.lua");
        File.WriteAllText(script, LuaScript(pathFile));

        var info = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{seconds}s", "--timeout", "5s", "-s", script, baseAddress.ToString() })
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start wrk");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(seconds + 30)))
        {
            process.Kill();
            throw new TimeoutException("wrk did not finish in time");
        }
        var line = stdout.Result.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk printed no summary: {stdout.Result}\n{stderr.Result}");
        using var json = JsonDocument.Parse(line[Marker.Length..]);
        var root = json.RootElement;
        long Get(string name) => root.GetProperty(name).GetInt64();
        double Ms(string name) => root.GetProperty(name).GetDouble() / 1000.0;
        var requests = Get("requests");
        var duration = Get("duration_us") / 1_000_000.0;
        var socketErrors = Get("connect") + Get("read") + Get("write") + Get("timeout");
        return new HttpResult(connections, duration, requests, requests / duration,
            Ms("p50"), Ms("p90"), Ms("p99"), Ms("max"), socketErrors + Get("status"), Get("status"), "wrk");
    }

    private static string LuaScript(string pathFile) => $$"""
        local paths = {}
        for line in io.lines("{{pathFile.Replace("\\", "/", StringComparison.Ordinal)}}") do paths[#paths + 1] = line end
        local i = math.random(0, #paths - 1)
        request = function()
          i = i + 1
          return wrk.format("GET", paths[(i % #paths) + 1])
        end
        done = function(summary, latency, requests)
          io.write(string.format('{{Marker}}{"requests":%d,"duration_us":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d,"p50":%.1f,"p90":%.1f,"p99":%.1f,"max":%.1f}\n',
            summary.requests, summary.duration, summary.errors.connect, summary.errors.read, summary.errors.write,
            summary.errors.status, summary.errors.timeout, latency:percentile(50), latency:percentile(90),
            latency:percentile(99), latency.max))
        end
        """;

    /// <summary>Fetches every path once; returns the paths that did not answer 200, with their status.</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(Uri baseAddress, IEnumerable<string> paths)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var failures = new List<string>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            if (!response.IsSuccessStatusCode)
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)response.StatusCode} {path}"));
        }
        return failures;
    }
}
