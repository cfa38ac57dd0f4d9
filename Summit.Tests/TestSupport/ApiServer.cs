using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Summit.Tests.TestSupport;

/// <summary>
/// The real API as its own process, exactly as deployed: its build output, its project folder as content root
/// (so wwwroot is the repository's), the given index and a free loopback port.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ApiServer(Process process, string origin)
    {
        _process = process;
        Origin = origin;
        Client = new HttpClient { BaseAddress = new Uri(origin) };
    }

    public string Origin { get; }

    public HttpClient Client { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The API process id, e.g. to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>What the API process printed, for failure messages.</summary>
    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Starts the API on <paramref name="indexPath"/> and waits until <paramref name="readyPath"/> answers 2xx.</summary>
    public static async Task<ApiServer> StartAsync(string indexPath, string readyPath = "/health", params string[] settings)
    {
        var projectDir = Path.Combine(RepoPaths.Root, "Summit.Search.Api");
        // bin/<Configuration>/<tfm>/ of this test assembly names the same build of the API project.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var apiDll = Path.Combine(projectDir, "bin", testBin.Parent!.Name, testBin.Name, "Summit.Search.Api.dll");
        if (!File.Exists(apiDll)) apiDll = Path.Combine(AppContext.BaseDirectory, "Summit.Search.Api.dll");

        var origin = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     apiDll, "--urls", origin, "--contentRoot", projectDir, "--environment", "Development",
                     "--Search:IndexPath", indexPath, "--Logging:LogLevel:Default", "Warning",
                 }.Concat(settings))
            start.ArgumentList.Add(arg);
        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + apiDll);
        var server = new ApiServer(process, origin);
        process.OutputDataReceived += (_, e) => { lock (server._log) server._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (server._log) server._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(readyPath);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    private async Task WaitUntilReadyAsync(string readyPath)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var answered = 0;
        string? last = null;
        while (DateTime.UtcNow < deadline && !_process.HasExited && answered < 10)
        {
            try
            {
                using var response = await Client.GetAsync(readyPath);
                if (response.IsSuccessStatusCode) return;
                answered++; // listening, but not serving that path yet: give it a moment, then give up
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e) { last = e.Message; /* not listening yet */ }
            await Task.Delay(200);
        }
        // An exited process's last lines may still be on their way to the output handlers: wait for the end of its output.
        if (_process.HasExited) await _process.WaitForExitAsync();
        throw new InvalidOperationException(
            $"The API at {Origin} did not serve {readyPath} (last: {last}; exited: {_process.HasExited}). Its output:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush; what survives is what the API made durable.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        Client.Dispose();
    }
}
