using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Summit.Tests.TestSupport;

/// <summary>
/// Holds a child process stopped (SIGSTOP) until disposed (SIGCONT), so a test can act while the child is certainly
/// in the middle of its work instead of racing it: on a fast machine a run that "should take a few seconds" can
/// finish before the second process has even started.
/// </summary>
public sealed class ProcessPause : IDisposable
{
    private const int SigCont = 18, SigStop = 19; // Linux numbering
    private readonly Process process;
    private bool resumed;

    private ProcessPause(Process process) => this.process = process;

    public static ProcessPause Stop(Process process)
    {
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("pausing a process is implemented for Linux only");
        if (kill(process.Id, SigStop) != 0) throw new InvalidOperationException($"SIGSTOP failed: errno {Marshal.GetLastPInvokeError()}");
        return new ProcessPause(process);
    }

    public void Dispose()
    {
        if (resumed) return;
        resumed = true;
        if (!process.HasExited) kill(process.Id, SigCont);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
