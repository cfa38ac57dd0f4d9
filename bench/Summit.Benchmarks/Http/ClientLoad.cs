using System.Diagnostics;
using Summit.Benchmarks.Runners;

namespace Summit.Benchmarks.Http;

/// <summary>
/// The fallback when wrk is not installed (CI, the smoke test): <c>connections</c> tasks share one HttpClient and
/// each sends its next request when the previous answer is read, rotating through the query set's URLs like the
/// wrk script. It runs in the benchmark process, so it costs more CPU per request than wrk.
/// </summary>
public static class ClientLoad
{
    public const string Tool = "httpclient";

    public static async Task<HttpResult> RunAsync(Uri baseAddress, IReadOnlyList<string> paths, int connections, int seconds)
    {
        if (!baseAddress.IsLoopback) throw new ArgumentException("load tests target loopback only", nameof(baseAddress));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var latencies = new List<double>[connections];
        long socketErrors = 0, non2xx = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            for (var i = c * 7; clock.Elapsed < end; i++)
            {
                var began = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(paths[i % paths.Count], HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref non2xx);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref socketErrors);
                }
                mine.Add(Stopwatch.GetElapsedTime(began).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var duration = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new HttpResult(connections, duration, all.Length, all.Length / duration,
            LatencyBench.Percentile(all, 0.50), LatencyBench.Percentile(all, 0.90), LatencyBench.Percentile(all, 0.99),
            all.Length > 0 ? all[^1] : double.NaN, socketErrors + non2xx, non2xx, Tool);
    }
}
