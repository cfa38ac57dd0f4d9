using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Summit.Soak;

/// <summary>The real Summit API as a child process on a free loopback port, with its own index folder.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public int Pid => _process.Id;

    public static async Task<ApiProcess> StartAsync(string indexPath, string seedsPath, string adminKey, TimeSpan startupTimeout)
    {
        var port = FreePort();
        var dll = Builds.Dll("Summit.Search.Api");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", $"--Search:IndexPath={indexPath}",
                     $"--Search:SeedsPath={seedsPath}", $"--Search:AdminApiKey={adminKey}", "--Logging:LogLevel:Default=Warning",
                     // The soak measures the server, not the per-client limiter: every client here shares one loopback address.
                     "--Search:RateLimitPerSecond=0" })
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API");
        // Warnings and errors only (log level Warning): a server error in the soak must show its cause.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[api] {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[api] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < startupTimeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"the API exited during startup with code {process.ExitCode}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await api.DisposeAsync();
        throw new TimeoutException($"the API did not answer /health within {startupTimeout.TotalSeconds:F0} s");
    }

    /// <summary>Resident memory of the API process in MB (Linux /proc), or the managed view elsewhere.</summary>
    public double ResidentMegabytes()
    {
        _process.Refresh();
        return _process.WorkingSet64 / 1024.0 / 1024.0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
