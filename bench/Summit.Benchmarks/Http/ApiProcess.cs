using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Summit.Benchmarks.Http;

/// <summary>
/// The real API process, started on 127.0.0.1 over a given index and stopped (by its own process id) on dispose.
/// </summary>
public sealed class ApiProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    /// <summary>Requests per second per client address (the API's <c>Search:RateLimitPerSecond</c>); 0 turns the limiter off.</summary>
    public const string RateLimitSetting = "RateLimitPerSecond";
    /// <summary>Turns the API's result cache off, so that every request is searched.</summary>
    public const string NoResultCache = "--Search:ResultCacheEntries=0";

    public Uri BaseAddress { get; }

    /// <summary>For reading the process's memory from /proc.</summary>
    public int ProcessId => _process.Id;

    private ApiProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public IReadOnlyList<string> Output { get { lock (_output) return _output.ToList(); } }

    /// <summary>Starts <paramref name="apiDll"/> and waits until <paramref name="readyPath"/> answers 200.</summary>
    public static async Task<ApiProcess> StartAsync(string apiDll, string indexPath, string readyPath, TimeSpan timeout, params string[] settings)
    {
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The per-client rate limit is off: every request of the load test comes from the one loopback address.
        foreach (var arg in new[] { apiDll, $"--Search:IndexPath={Path.GetFullPath(indexPath)}", $"--Search:{RateLimitSetting}=0", "--urls", $"http://127.0.0.1:{port}" }.Concat(settings))
            info.ArgumentList.Add(arg);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the API process");
        var api = new ApiProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (api._output) api._output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (api._output) api._output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the API exited with code {process.ExitCode}:\n{string.Join('\n', api.Output.TakeLast(30))}");
            try
            {
                using var response = await client.GetAsync(readyPath);
                if (response.StatusCode == HttpStatusCode.OK) return api;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        api.Dispose();
        throw new TimeoutException($"the API did not answer {readyPath} within {timeout.TotalSeconds:F0} s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
