using System.Collections.Concurrent;

namespace Summit.Soak;

/// <summary>Request outcomes in time windows, so latency and errors can be read over the run.</summary>
public sealed class LatencyLog(TimeSpan window)
{
    private readonly ConcurrentDictionary<int, ConcurrentBag<double>> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private long _served, _throttled, _refused;

    public long Served => Interlocked.Read(ref _served);
    public long Throttled => Interlocked.Read(ref _throttled);
    /// <summary>Writes answered 503 because another process (the indexer CLI) held the index: refused, not lost.</summary>
    public long Refused => Interlocked.Read(ref _refused);
    public IReadOnlyDictionary<string, int> Errors => _errors;
    public int ErrorCount => _errors.Values.Sum();

    public void Record(TimeSpan sinceStart, double milliseconds, int status, string kind)
    {
        if (status == 429)
        {
            Interlocked.Increment(ref _throttled);
            return;
        }
        if (status == 503 && kind is "ingest" or "delete")
        {
            Interlocked.Increment(ref _refused);
            return;
        }
        if (status is < 200 or >= 300 && !(status == 404 && kind == "get-deleted"))
        {
            _errors.AddOrUpdate($"{kind} {status}", 1, (_, n) => n + 1);
            return;
        }
        Interlocked.Increment(ref _served);
        _latencies.GetOrAdd((int)(sinceStart / window), _ => []).Add(milliseconds);
    }

    public void RecordFailure(string kind, string reason) => _errors.AddOrUpdate($"{kind}: {reason}", 1, (_, n) => n + 1);

    public IEnumerable<(int Window, int Count, double P50, double P99)> Windows() =>
        _latencies.OrderBy(w => w.Key).Select(w =>
        {
            var sorted = w.Value.Order().ToArray();
            return (w.Key, sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
        });

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
