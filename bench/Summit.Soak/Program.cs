using System.CommandLine;
using Summit.Soak;

var duration = new Option<TimeSpan>("--duration") { Description = "How long the load runs (e.g. 10m, 90s)", DefaultValueFactory = _ => TimeSpan.FromMinutes(10), CustomParser = r => SoakRun.ParseDuration(r.Tokens.Single().Value) };
var searchers = new Option<int>("--concurrency") { Description = "Concurrent search clients", DefaultValueFactory = _ => 8 };
var ingestsPerSecond = new Option<double>("--ingest-rate") { Description = "Article ingests per second (every 5th ack also deletes an earlier one)", DefaultValueFactory = _ => 5 };
var seeds = new Option<string?>("--seeds") { Description = "Articles the API indexes at start (default: the repository's seeds/)" };
var withIndexer = new Option<bool>("--with-indexer") { Description = "Also run the indexer CLI into the API's index, pass after pass, while the API takes writes (one writer at a time: the other is refused, nothing is lost)" };
var report = new Option<string?>("--report") { Description = "Also write the report (Markdown) to this file" };

var root = new RootCommand("Summit soak test: runs the real API on loopback under a mixed search + ingest + delete load for a bounded time, then checks that nothing acknowledged was lost")
{
    duration, searchers, ingestsPerSecond, seeds, report, withIndexer,
};
root.SetAction((result, cancellation) => SoakRun.RunAsync(new SoakOptions(
    result.GetValue(duration), result.GetValue(searchers), result.GetValue(ingestsPerSecond),
    result.GetValue(seeds), result.GetValue(report), result.GetValue(withIndexer)), cancellation));
return await root.Parse(args).InvokeAsync();
