using System.Globalization;
using System.Runtime.InteropServices;

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

    /// <summary>User + system CPU seconds of this process's finished (waited-for) child processes, from getrusage
    /// (Linux); -1 where it cannot be read. The difference around one child's run is that child's CPU time.</summary>
    public static double ChildrenCpuSeconds()
    {
        try
        {
            if (getrusage(RusageChildren, out var usage) != 0) return -1;
            return usage.UserSeconds + usage.UserMicroseconds / 1e6 + usage.SystemSeconds + usage.SystemMicroseconds / 1e6;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    private const int RusageChildren = -1;

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs this class does not read.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Rusage
    {
        public long UserSeconds, UserMicroseconds, SystemSeconds, SystemMicroseconds;
        private readonly long _r0, _r1, _r2, _r3, _r4, _r5, _r6, _r7, _r8, _r9, _r10, _r11, _r12, _r13;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int getrusage(int who, out Rusage usage);
}
