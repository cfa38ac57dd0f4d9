using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>
/// Limits wrong admin keys per client address: a burst of <see cref="SearchOptions.AdminKeyFailureBurst"/> failures,
/// then one more every <see cref="SearchOptions.AdminKeyFailureSeconds"/> (a token bucket per address). An address that
/// has spent its failures is answered 429 with Retry-After before its key is even compared, so guessing gains nothing
/// from sending faster. A right key costs nothing: it is never counted, never delayed, and works from any address
/// that is not locked out. Addresses whose bucket has refilled are forgotten, so memory follows the addresses
/// failing right now.
/// </summary>
public sealed class AdminKeyThrottle(IOptions<SearchOptions> options)
{
    /// <summary>Above this many remembered addresses, a failure first forgets those whose bucket is full again
    /// (at most once a second, so a flood from many addresses does not sweep on every request).</summary>
    internal const int SweepAbove = 10_000;

    private readonly double _burst = options.Value.AdminKeyFailureBurst;
    private readonly TimeSpan _period = TimeSpan.FromSeconds(options.Value.AdminKeyFailureSeconds);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private long _lastSweep;

    private sealed class Bucket(double tokens, long at)
    {
        public double Tokens = tokens;
        public long At = at;
    }

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    internal int Remembered => _buckets.Count;

    /// <summary>Null when <paramref name="address"/> may try a key; otherwise how long until it may.</summary>
    public TimeSpan? LockedOut(string address)
    {
        if (!_buckets.TryGetValue(address, out var bucket)) return null;
        lock (bucket)
        {
            var tokens = Refill(bucket, Stopwatch.GetTimestamp());
            return tokens >= 1 ? null : _period * (1 - tokens);
        }
    }

    /// <summary>Counts one wrong key from <paramref name="address"/>.</summary>
    public void Failed(string address)
    {
        var now = Stopwatch.GetTimestamp();
        var last = Interlocked.Read(ref _lastSweep);
        if (_buckets.Count > SweepAbove && Stopwatch.GetElapsedTime(last, now) > TimeSpan.FromSeconds(1)
            && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
            Sweep(now);
        var bucket = _buckets.GetOrAdd(address, static (_, state) => new Bucket(state.Burst, state.Now), (Burst: _burst, Now: now));
        lock (bucket) bucket.Tokens = Math.Max(0, Refill(bucket, now) - 1);
    }

    private double Refill(Bucket bucket, long now)
    {
        var elapsed = Stopwatch.GetElapsedTime(bucket.At, now);
        if (elapsed > TimeSpan.Zero)
        {
            bucket.Tokens = Math.Min(_burst, bucket.Tokens + elapsed / _period);
            bucket.At = now;
        }
        return bucket.Tokens;
    }

    private void Sweep(long now)
    {
        foreach (var (address, bucket) in _buckets)
        {
            bool full;
            lock (bucket) full = Refill(bucket, now) >= _burst;
            if (full) _buckets.TryRemove(new KeyValuePair<string, Bucket>(address, bucket));
        }
    }

    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
