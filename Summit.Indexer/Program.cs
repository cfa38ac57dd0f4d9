using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using Summit.Indexer;

var input = new Option<string>("--input", "-i") { Description = "An article file (.txt, .json, .jsonl) or a folder of them", Required = true };
var indexPath = new Option<string>("--index") { Description = "The index folder", DefaultValueFactory = _ => "index-data" };
var rebuild = new Option<bool>("--rebuild") { Description = "Start from an empty index instead of updating the existing one" };
var output = new Option<string>("--output", "-o") { Description = "Where to write the extracted facts (JSONL, one object per article)", Required = true };
var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table" };

var index = new Command("index", "Read articles, extract quotes, persons and places, and write them into a Lucene index") { input, indexPath, rebuild };
index.SetAction(result => Commands.Index(result.GetValue(input)!, result.GetValue(indexPath)!, result.GetValue(rebuild)));

var extract = new Command("extract", "Extract quotes, speakers, persons and places without indexing (output for score_extraction.py)") { input, output };
extract.SetAction(result => Commands.Extract(result.GetValue(input)!, result.GetValue(output)!));

var stats = new Command("stats", "Show what an index holds") { indexPath, json };
stats.SetAction(result => Commands.Stats(result.GetValue(indexPath)!, result.GetValue(json)));

var root = new RootCommand("Summit indexer: turns news articles into a searchable index of articles, quotes, persons and places")
{
    index, extract, stats,
};
try
{
    return root.Parse(args).Invoke();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
{
    AnsiConsole.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
    return ExitCodes.Failure;
}
