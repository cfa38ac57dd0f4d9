using System.Diagnostics;

namespace Summit.Tests.TestSupport;

/// <summary>Runs the real Summit.Indexer CLI (the built dll beside the tests) as a child process.</summary>
public static class IndexerProcess
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Summit.Indexer.dll");

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start the indexer");
    }

    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the indexer did not finish within 2 minutes");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}

/// <summary>Builds article files for tests: realistic enough sentences, unique ids, deterministic.</summary>
public static class ArticleFiles
{
    private static readonly string[] Sentences =
    [
        "The finance ministry said on Tuesday that inflation had slowed for a third month.",
        "\"We expect growth to pick up in the second half,\" the minister told reporters.",
        "Officials in Nairobi and Lagos met to discuss a regional trade agreement.",
        "Farmers near the border reported a record harvest despite the dry spring.",
        "The central bank left its main interest rate unchanged at 4.5 percent.",
        "Opposition leaders called the decision \"a missed opportunity\" for reform.",
    ];

    /// <summary>One JSONL line per article with ids <c>{prefix}-{n}</c>.</summary>
    public static string Jsonl(string prefix, int count, int sentencesPerArticle = 6) =>
        string.Join('\n', Enumerable.Range(0, count).Select(n =>
            System.Text.Json.JsonSerializer.Serialize(new
            {
                id = $"{prefix}-{n}",
                title = $"Report {n}",
                body = string.Join(' ', Enumerable.Range(0, sentencesPerArticle).Select(i => Sentences[(n + i) % Sentences.Length])) + $" Item {n}.",
                date = new DateTime(2020, 1, 1).AddDays(n % 1500).ToString("yyyy-MM-dd"),
            }))) + "\n";
}
