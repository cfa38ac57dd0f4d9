using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Summit.QueryBudget;

// Query budget probe: how much one expensive query costs, and how ordinary searches fare while many clients send
// such queries. Targets a running API on the loopback interface only, and stops by itself.
var options = new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--url"] = "http://127.0.0.1:5077", ["--clients"] = "16", ["--duration"] = "30", ["--attack"] = "all", ["--samples"] = "5",
    ["--api-pid"] = "", ["--seed"] = "",
};
for (var i = 0; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
if (args.Length % 2 == 1 || args.Contains("--help"))
{
    Console.WriteLine("usage: Summit.QueryBudget [--url http://127.0.0.1:5077] [--clients 16] [--duration 30 (s)] [--attack all|"
        + string.Join('|', AttackQueries.Kinds.Keys) + "] [--samples 5 (single-request runs per kind)]"
        + " [--api-pid PID (also report the API's CPU time per request, read from /proc)]"
        + " [--seed N (the attack queries' seed; default: the clock, so that the API's result cache never answers them)]");
    return 2;
}
var baseUri = new Uri(options["--url"]);
if (!IPAddress.TryParse(baseUri.Host, out var ip) || !IPAddress.IsLoopback(ip))
{
    Console.Error.WriteLine($"--url must be a loopback address (127.0.0.1 or [::1]), not {baseUri.Host}");
    return 2;
}
var clients = int.Parse(options["--clients"], CultureInfo.InvariantCulture);
var duration = TimeSpan.FromSeconds(double.Parse(options["--duration"], CultureInfo.InvariantCulture));
var samples = int.Parse(options["--samples"], CultureInfo.InvariantCulture);
int? apiPid = options["--api-pid"].Length > 0 ? int.Parse(options["--api-pid"], CultureInfo.InvariantCulture) : null;
var kinds = options["--attack"] == "all" ? AttackQueries.Kinds.Keys.ToList() : options["--attack"].Split(',').ToList();
foreach (var kind in kinds.Where(k => !AttackQueries.Kinds.ContainsKey(k)))
{
    Console.Error.WriteLine($"unknown attack '{kind}'; use one of {string.Join(", ", AttackQueries.Kinds.Keys)}");
    return 2;
}

// Ordinary searches a reader types. They repeat, so the API's result cache may answer them; the probe measures what
// such a reader waits for either way.
string[] ordinary = ["biden", "sanctions", "\"national security\"", "climate change", "Putin", "human rights -china", "elect*", "vaccines"];

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = baseUri,
    Timeout = TimeSpan.FromSeconds(120),
};

async Task<(double Ms, int Status)> Send(string query, CancellationToken stop = default)
{
    var started = Stopwatch.GetTimestamp();
    using var response = await http.GetAsync("/api/search?q=" + Uri.EscapeDataString(query), stop);
    await response.Content.ReadAsByteArrayAsync(stop);
    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, (int)response.StatusCode);
}

static double Percentile(List<double> values, double p)
{
    if (values.Count == 0) return double.NaN;
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static string Statuses(IEnumerable<int> statuses) =>
    string.Join(" ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"));

Console.WriteLine($"query budget probe against {baseUri}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

// Warm-up: the first requests pay for JIT and the searcher's caches.
foreach (var query in ordinary) await Send(query);
var seed = options["--seed"].Length > 0 ? int.Parse(options["--seed"], CultureInfo.InvariantCulture) : Environment.TickCount;
var random = new Random(seed);
foreach (var kind in kinds) await Send(AttackQueries.Kinds[kind](random));

// 1. Each query alone, one at a time: the cost of a single request.
Console.WriteLine();
Console.WriteLine("## Single requests, alone (ms: median / max of " + samples + ")");
Console.WriteLine();
Console.WriteLine("| query | median ms | max ms | API CPU ms/request | statuses | example |");
Console.WriteLine("|---|---:|---:|---:|---|---|");
var alone = new List<double>();
var cpu = ApiCpuMs(apiPid);
for (var s = 0; s < samples; s++) foreach (var query in ordinary) alone.Add((await Send(query)).Ms);
var ordinaryCpu = (ApiCpuMs(apiPid) - cpu) / alone.Count;
Console.WriteLine($"| ordinary ({ordinary.Length} queries) | {Percentile(alone, 0.5):F1} | {alone.Max():F1} | {ordinaryCpu:F1} | | {ordinary[0]} |");
var single = new Dictionary<string, double>();
foreach (var kind in kinds)
{
    var runs = new List<(double Ms, int Status)>();
    string example = "";
    var before = ApiCpuMs(apiPid);
    for (var s = 0; s < samples; s++)
    {
        example = AttackQueries.Kinds[kind](random);
        runs.Add(await Send(example));
    }
    var kindCpu = (ApiCpuMs(apiPid) - before) / samples;
    single[kind] = Percentile(runs.Select(r => r.Ms).ToList(), 0.5);
    Console.WriteLine($"| {kind} | {single[kind]:F1} | {runs.Max(r => r.Ms):F1} | {kindCpu:F1} | {Statuses(runs.Select(r => r.Status))} | {(example.Length > 60 ? example[..60] + "…" : example)} |");
}
var worst = single.MaxBy(kv => kv.Value);
Console.WriteLine();
Console.WriteLine($"worst single query: {worst.Key}, {worst.Value:F1} ms median = {worst.Value / Percentile(alone, 0.5):F1}× an ordinary query's median");

// 2. Under attack: N clients send the attack queries back to back while one client sends ordinary queries.
Console.WriteLine();
Console.WriteLine($"## {clients} clients sending [{string.Join(", ", kinds)}] for {duration.TotalSeconds:F0} s, one client sending ordinary queries");
Console.WriteLine();
using var stop = new CancellationTokenSource(duration);
var attackTimes = new ConcurrentDictionary<string, ConcurrentBag<double>>();
var attackStatuses = new ConcurrentBag<int>();
var failures = 0;
var clock = Stopwatch.StartNew();
var attackCpu = ApiCpuMs(apiPid);
var attackers = Enumerable.Range(0, clients).Select(n => Task.Run(async () =>
{
    var r = new Random(seed + n * 7919 + 1);
    for (var k = n; !stop.IsCancellationRequested; k++)
    {
        var kind = kinds[k % kinds.Count];
        try
        {
            var (ms, status) = await Send(AttackQueries.Kinds[kind](r), stop.Token);
            attackTimes.GetOrAdd(kind, _ => []).Add(ms);
            attackStatuses.Add(status);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (HttpRequestException) { Interlocked.Increment(ref failures); }
    }
})).ToList();
var underAttack = new List<double>();
var ordinaryStatuses = new List<int>();
await Task.Run(async () =>
{
    for (var k = 0; !stop.IsCancellationRequested; k++)
    {
        try
        {
            var (ms, status) = await Send(ordinary[k % ordinary.Length], stop.Token);
            underAttack.Add(ms);
            ordinaryStatuses.Add(status);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        // A reader waits a little between searches.
        try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
    }
});
await Task.WhenAll(attackers);
var seconds = clock.Elapsed.TotalSeconds;
attackCpu = ApiCpuMs(apiPid) - attackCpu;
var allAttack = attackTimes.Values.SelectMany(b => b).ToList();

Console.WriteLine("| client | requests | per s | p50 ms | p99 ms | max ms | statuses |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
Console.WriteLine($"| ordinary | {underAttack.Count} | {underAttack.Count / seconds:F1} | {Percentile(underAttack, 0.5):F1} | {Percentile(underAttack, 0.99):F1} | {underAttack.DefaultIfEmpty().Max():F1} | {Statuses(ordinaryStatuses)} |");
Console.WriteLine($"| attack (all) | {allAttack.Count} | {allAttack.Count / seconds:F1} | {Percentile(allAttack, 0.5):F1} | {Percentile(allAttack, 0.99):F1} | {allAttack.DefaultIfEmpty().Max():F1} | {Statuses(attackStatuses)} |");
foreach (var (kind, times) in attackTimes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
{
    var list = times.ToList();
    Console.WriteLine($"| {kind} | {list.Count} | {list.Count / seconds:F1} | {Percentile(list, 0.5):F1} | {Percentile(list, 0.99):F1} | {list.Max():F1} | |");
}
Console.WriteLine();
Console.WriteLine($"transport failures: {failures}; API CPU {attackCpu / 1000 / seconds:F2} cores busy, {attackCpu / Math.Max(1, allAttack.Count + underAttack.Count):F1} ms per request; load average after: {LoadAverage()}");
Console.WriteLine($"RESULT ordinary-under-attack p50={Percentile(underAttack, 0.5):F1}ms p99={Percentile(underAttack, 0.99):F1}ms max={underAttack.DefaultIfEmpty().Max():F1}ms; worst single query {worst.Key} {worst.Value:F1}ms (ordinary alone {Percentile(alone, 0.5):F1}ms)");
return 0;

// CPU time (user + system) the API process has used, in ms; NaN without a pid (or off Linux).
static double ApiCpuMs(int? pid)
{
    if (pid is null || !File.Exists($"/proc/{pid}/stat")) return double.NaN;
    var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    // After the command name: state is field 3 of stat(5), utime and stime fields 14 and 15, in clock ticks (100 Hz).
    return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
