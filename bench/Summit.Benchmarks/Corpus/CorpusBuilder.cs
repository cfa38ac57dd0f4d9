using Summit.Engine.Extraction;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Summit.Benchmarks.Corpus;

/// <summary>
/// Scales the real corpora to N synthetic articles, deterministically (fixed seed). Each synthetic article takes a
/// real article as template (length, date, places, dateline) and is filled with real sentences, 80% from articles
/// with the same primary place, so quotes, names and facet distributions stay realistic. Dates are spread over ten
/// years (2015-2024, keeping the template's day and time) and sources over a dozen outlets.
/// </summary>
public sealed class CorpusBuilder
{
    /// <summary>A dozen outlets, most frequent first (weights fall off roughly like real archive shares).</summary>
    public static readonly IReadOnlyList<string> Outlets =
    [
        "Reuters", "AP", "AFP", "BBC News", "Bloomberg", "The Guardian", "Financial Times", "The New York Times",
        "Al Jazeera", "Deutsche Welle", "The Times of India", "ABC News",
    ];

    private const int MinPoolSentences = 200;
    private const double SamePlaceShare = 0.8;

    private readonly IReadOnlyList<SourceArticle> _templates;
    private readonly Dictionary<string, string[]> _sentencesByPlace;
    private readonly Dictionary<string, string[]> _titlesByPlace;
    private readonly string[] _allSentences;
    private readonly double[] _outletCumulative;
    private readonly int _seed;

    public CorpusBuilder(IReadOnlyList<SourceArticle> sources, int seed)
    {
        _templates = sources;
        _seed = seed;
        var byPlace = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var titles = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var all = new List<string>();
        foreach (var article in sources)
        {
            var place = article.PrimaryPlace;
            if (!byPlace.TryGetValue(place, out var list)) byPlace[place] = list = [];
            if (!titles.TryGetValue(place, out var titleList)) titles[place] = titleList = [];
            titleList.Add(article.Title);
            foreach (var paragraph in article.Body.Split("\n\n"))
                foreach (var sentence in SentenceSplitter.Split(paragraph).Select(range => paragraph[range.Start..range.End]))
                {
                    if (sentence.Length < 20) continue;
                    list.Add(sentence);
                    all.Add(sentence);
                }
        }
        _sentencesByPlace = byPlace.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _titlesByPlace = titles.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _allSentences = all.ToArray();

        var weights = Enumerable.Range(1, Outlets.Count).Select(rank => 1.0 / Math.Sqrt(rank)).ToArray();
        var total = weights.Sum();
        var sum = 0.0;
        _outletCumulative = weights.Select(w => sum += w / total).ToArray();
    }

    public int SentenceCount => _allSentences.Length;

    /// <summary>Writes <paramref name="count"/> synthetic articles as JSONL (id,title,body,date,source).</summary>
    public void WriteSynthetic(string path, int count)
    {
        var random = new Random(_seed);
        using var writer = new JsonlWriter(path);
        var body = new StringBuilder(4096);
        for (var i = 0; i < count; i++)
        {
            var template = _templates[random.Next(_templates.Count)];
            var place = template.PrimaryPlace;
            var local = _sentencesByPlace.TryGetValue(place, out var pool) && pool.Length >= MinPoolSentences ? pool : _allSentences;
            var titles = _titlesByPlace.TryGetValue(place, out var titlePool) ? titlePool : [template.Title];
            var source = PickOutlet(random);

            body.Clear();
            if (template.DatelinePlace is { } dateline) body.Append(dateline).Append(" (").Append(source).Append(") - ");
            var target = template.Body.Length;
            while (body.Length < target)
            {
                var sentences = 1 + random.Next(3);
                for (var s = 0; s < sentences && body.Length < target; s++)
                {
                    var from = random.NextDouble() < SamePlaceShare ? local : _allSentences;
                    if (s > 0) body.Append(' ');
                    body.Append(from[random.Next(from.Length)]);
                }
                if (body.Length < target) body.Append("\n\n");
            }

            var year = 2015 + random.Next(10);
            var date = template.Date.AddYears(year - template.Date.Year);
            writer.Write($"syn-{i:D7}", titles[random.Next(titles.Length)], body.ToString(), date, source);
        }
    }

    /// <summary>Writes real articles unchanged (Reuters dateline restored in front of the body).</summary>
    public static int WriteReal(string path, IEnumerable<SourceArticle> articles)
    {
        using var writer = new JsonlWriter(path);
        var count = 0;
        foreach (var article in articles)
        {
            var body = article.DatelinePlace is { } d ? $"{d} (Reuters) - {article.Body}" : article.Body;
            writer.Write(article.Id, article.Title, body, article.Date, article.Corpus == "reuters" ? "Reuters" : "BBC News");
            count++;
        }
        return count;
    }

    private string PickOutlet(Random random)
    {
        var x = random.NextDouble();
        for (var i = 0; i < _outletCumulative.Length; i++)
            if (x <= _outletCumulative[i]) return Outlets[i];
        return Outlets[^1];
    }

    /// <summary>JSON lines with only the escaping JSON needs (quotes and apostrophes stay readable, sizes stay
    /// close to the text's), one object per line.</summary>
    private sealed class JsonlWriter : IDisposable
    {
        private static readonly byte[] NewLine = "\n"u8.ToArray();
        private readonly FileStream _stream;
        private readonly Utf8JsonWriter _json;

        public JsonlWriter(string path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            _json = new Utf8JsonWriter(_stream, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        }

        public void Write(string id, string title, string body, DateTimeOffset date, string source)
        {
            _json.WriteStartObject();
            _json.WriteString("id", id);
            _json.WriteString("title", title);
            _json.WriteString("body", body);
            _json.WriteString("date", date.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
            _json.WriteString("source", source);
            _json.WriteEndObject();
            _json.Flush();
            _stream.Write(NewLine);
            _json.Reset();
        }

        public void Dispose()
        {
            _json.Dispose();
            _stream.Dispose();
        }
    }
}
