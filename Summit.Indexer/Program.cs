using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Summit.Indexer;
using Summit.Engine.Articles;
using Summit.Engine.Index;

var input = new Option<string>("--input", "-i") { Description = "An article file (.txt, .json, .jsonl) or a folder of them", Required = true };
var indexPath = new Option<string>("--index") { Description = "The index folder", DefaultValueFactory = _ => "index-data" };
var rebuild = new Option<bool>("--rebuild") { Description = "Start from an empty index instead of updating the existing one" };
var output = new Option<string>("--output", "-o") { Description = "Where to write the extracted facts (JSONL, one object per article)", Required = true };
var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };
var check = new Option<bool>("--check") { Description = "Also run Lucene's CheckIndex over every file and report problems (slow on big indexes)" };
var commitEvery = new Option<int>("--commit-every") { Description = "Commit after this many articles, so a killed run keeps its progress", DefaultValueFactory = _ => 10_000 };
commitEvery.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--commit-every must be at least 1"); });

var index = new Command("index", "Read articles, extract quotes, persons and places, and write them into a Lucene index") { input, indexPath, rebuild, commitEvery };
index.SetAction(result => Commands.Index(result.GetValue(input)!, result.GetValue(indexPath)!,
    new IndexingOptions(Rebuild: result.GetValue(rebuild), CommitEvery: result.GetValue(commitEvery))));

var extract = new Command("extract", "Extract quotes, speakers, persons and places without indexing (output for score_extraction.py)") { input, output };
extract.SetAction(result => Commands.Extract(result.GetValue(input)!, result.GetValue(output)!));

var stats = new Command("stats", "Show what an index holds") { indexPath, json, check };
stats.SetAction(result => Commands.Stats(result.GetValue(indexPath)!, result.GetValue(json), result.GetValue(check)));

var root = new RootCommand("Summit indexer: turns news articles into a searchable index of articles, quotes, persons and places")
{
    index, extract, stats,
};
try
{
    // Our own handler below prints known failures as one line instead of a stack trace.
    return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or IndexUnavailableException)
{
    Console.Error.WriteLine($"error: {PrintableText.Escape(e.Message)}");
    return ExitCodes.Failure;
}
