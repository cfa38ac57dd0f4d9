using System.Globalization;

namespace Summit.Benchmarks.Http;

/// <summary>Resident memory of the API process over the HTTP phase. <c>PeakRss</c> is the kernel's high-water mark
/// (VmHWM, startup included), which the 100 ms samples of VmRSS cannot miss; <c>EndRss</c> is read after the load.
/// RSS counts two kinds of pages, sampled apart: anonymous ones (heap, stacks: what the process itself needs) and
/// file-backed ones (the index files it maps and its own libraries: page cache the kernel takes back under pressure).
/// Both are null in reports written before they were sampled.</summary>
public sealed record ApiMemory(double PeakRssMegabytes, double SampledPeakRssMegabytes, double EndRssMegabytes, int Samples,
    double? SampledPeakAnonMegabytes = null, double? SampledPeakFileMegabytes = null);

/// <summary>
/// Samples VmRSS and VmHWM of another process from <c>/proc/&lt;pid&gt;/status</c> on a background thread
/// (Linux only: <see cref="Stop"/> returns null where the file cannot be read). Also used for the indexer CLI.
/// </summary>
public sealed class ProcessMemorySampler : IDisposable
{
    private readonly int _pid;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _sampledPeakKb, _lastRssKb, _lastHwmKb, _peakAnonKb, _peakFileKb;
    private int _samples;

    public ProcessMemorySampler(int pid)
    {
        _pid = pid;
        _thread = new Thread(Loop) { IsBackground = true, Name = "api-rss-sampler" };
        _thread.Start();
    }

    private void Loop()
    {
        while (!_stop)
        {
            if (Read() is { } m) Sample(m);
            Thread.Sleep(100);
        }
    }

    /// <summary>Stops sampling and returns the figures: from a last reading, or from the last sample when the
    /// process has exited meanwhile; null when /proc could never be read.</summary>
    public ApiMemory? Stop()
    {
        _stop = true;
        _thread.Join();
        if (Read() is { } end) Sample(end);
        return _samples == 0 ? null
            : new ApiMemory(Math.Max(_lastHwmKb, _sampledPeakKb) / 1024.0, _sampledPeakKb / 1024.0, _lastRssKb / 1024.0, _samples,
                _peakAnonKb / 1024.0, _peakFileKb / 1024.0);
    }

    private void Sample(Reading m)
    {
        _sampledPeakKb = Math.Max(_sampledPeakKb, m.RssKb);
        _peakAnonKb = Math.Max(_peakAnonKb, m.AnonKb);
        _peakFileKb = Math.Max(_peakFileKb, m.FileKb);
        (_lastRssKb, _lastHwmKb) = (m.RssKb, m.HwmKb);
        _samples++;
    }

    private readonly record struct Reading(long RssKb, long HwmKb, long AnonKb, long FileKb);

    private Reading? Read()
    {
        try
        {
            long rss = -1, hwm = -1, anon = 0, file = 0;
            foreach (var line in File.ReadLines($"/proc/{_pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
                else if (line.StartsWith("RssAnon:", StringComparison.Ordinal)) anon = Kilobytes(line);
                else if (line.StartsWith("RssFile:", StringComparison.Ordinal)) file = Kilobytes(line);
            }
            return rss >= 0 && hwm >= 0 ? new Reading(rss, hwm, anon, file) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>"VmRSS:\t  123456 kB" → 123456.</summary>
    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(line.IndexOf(':') + 1).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (!_stop) Stop();
    }
}
