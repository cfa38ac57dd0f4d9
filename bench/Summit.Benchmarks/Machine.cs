using System.Globalization;

namespace Summit.Benchmarks;

/// <summary>Facts about the shared machine that explain the figures.</summary>
public static class Machine
{
    /// <summary>The 1-minute load average (Linux), or -1 where it cannot be read. Other engineers build on the
    /// same two cores, so wall-clock figures are reported next to it and to CPU time.</summary>
    public static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return -1;
        }
    }
}
