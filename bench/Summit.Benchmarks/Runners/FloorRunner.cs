using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Summit.Benchmarks.Queries;
using Summit.Engine.Index;

namespace Summit.Benchmarks.Runners;

/// <summary>
/// The floor: bare Lucene.Net over the same index and the same queries, top 10 and the exact count only
/// (no facets, no snippets, no stored fields). A zero-hit query is retried once as a fuzzy query, because that
/// is the least work that still answers a typo.
/// </summary>
public sealed class FloorRunner : IQueryRunner
{
    private static readonly Sort ByDate = new(new SortField(SummitSchema.Date, SortFieldType.INT64, true));
    private readonly SummitDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly Analyzer _analyzer = SummitSchema.CreateAnalyzer();

    public FloorRunner(string indexPath, string name = "lucene-floor")
    {
        Name = name;
        _directory = new SummitDirectory(new DirectoryInfo(indexPath));
        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader);
    }

    public string Name { get; }

    public long Run(BenchQuery query)
    {
        var topDocs = Search(BuildQuery(query, fuzzy: false), query.SortByDate);
        if (topDocs.TotalHits == 0 && !query.Phrase)
            topDocs = Search(BuildQuery(query, fuzzy: true), query.SortByDate);
        return topDocs.TotalHits;
    }

    private TopDocs Search(Query query, bool sortByDate) =>
        sortByDate ? _searcher.Search(query, 10, ByDate) : _searcher.Search(query, 10);

    private Query BuildQuery(BenchQuery query, bool fuzzy)
    {
        string[] fields = query.Quotes ? [SummitSchema.QuoteText] : [SummitSchema.Title, SummitSchema.Body];
        // QueryParser is not thread-safe: one per query, culture set explicitly.
        var parser = new MultiFieldQueryParser(SummitSchema.Version, fields, _analyzer)
        {
            DefaultOperator = Operator.AND,
            Locale = CultureInfo.InvariantCulture,
        };
        var text = fuzzy ? string.Join(" AND ", query.Terms.Select(t => t + "~")) : query.Text;
        var result = new BooleanQuery
        {
            { parser.Parse(text), Occur.MUST },
            { new TermQuery(new Term(SummitSchema.Kind, query.Quotes ? SummitSchema.KindQuote : SummitSchema.KindArticle)), Occur.MUST },
        };
        if (query.Country is not null) result.Add(new TermQuery(new Term(SummitSchema.Country, query.Country)), Occur.MUST);
        if (query.Person is not null) result.Add(new TermQuery(new Term(SummitSchema.Person, query.Person)), Occur.MUST);
        return result;
    }

    public void Dispose()
    {
        _analyzer.Dispose();
        _reader.Dispose();
        _directory.Dispose();
    }
}
