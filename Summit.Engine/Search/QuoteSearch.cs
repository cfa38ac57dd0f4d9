using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

public sealed partial class ArticleSearcher
{
    /// <summary>Quote documents considered for de-duplication; deeper matches are not grouped.</summary>
    public const int MaxQuoteCandidates = 5_000;

    private static readonly IReadOnlyList<string> QuoteDimensions = [.. SummitSchema.QuoteSearchFacets.Select(f => f.Field)];

    private static readonly ISet<string> ContextFields = new HashSet<string> { SummitSchema.Id, SummitSchema.Body };

    /// <summary>
    /// Searches quote documents. The same words quoted by several articles (after normalising whitespace, case and
    /// quotation marks) are one hit, shown from the earliest article with the number of articles reporting it.
    /// </summary>
    public QuoteSearchResponse SearchQuotes(QuoteSearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var lease = index.Acquire();
        var response = _cache.GetOrCompute(lease.Searcher.IndexReader, "quotes", request, () => SearchQuotes(lease.Searcher, request));
        return response with { TookMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds };
    }

    private QuoteSearchResponse SearchQuotes(SummitSearcher searcher, QuoteSearchRequest request)
    {
        var ast = QuerySyntax.Parse(request.Query);
        var vocabulary = Vocabulary.For(searcher);
        var filters = ResolveFilters(new SearchRequest
        {
            Countries = request.Countries, Persons = request.Persons, Speakers = request.Speakers,
        }, vocabulary);
        var builder = new QueryBuilder(_analyzer, vocabulary, searcher.IndexReader, SearchTarget.Quotes);
        var query = BuildText(ast, builder);
        var matching = MatchingQuery(ast, filters, vocabulary, searcher, SearchTarget.Quotes);
        var sort = SortFor(request.Sort ?? (ast is null ? SearchSort.Date : SearchSort.Relevance));
        var filter = FilterFor(SummitSchema.KindQuote, WithoutCounted(filters), request.From, request.To, except: null, vocabulary);
        // Grow the window until it holds the requested page of distinct quotes (duplicates sit close together in
        // both orders: equal text scores equally, and reports of one statement share dates).
        var needed = request.Page * request.PageSize;
        var window = Math.Min(MaxQuoteCandidates, Math.Max(200, needed * 4));
        TopDocs top;
        List<QuoteGroup> groups;
        FacetCounter? counted = null;
        while (true)
        {
            // The facet counts come from the same pass as the candidates.
            counted?.Dispose();
            counted = new FacetCounter(searcher, FacetDimensions, selected: filters);
            top = SearchWith(searcher, query, matching, filter, null, window, sort, counted);
            groups = Group(searcher, top);
            if (groups.Count >= needed || top.ScoreDocs.Length >= top.TotalHits || window >= MaxQuoteCandidates) break;
            window = Math.Min(MaxQuoteCandidates, window * 4);
        }

        var highlight = HighlightTerms.From(ast, _analyzer, typoTolerant: false);
        var hits = groups.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Select(g => ToQuoteHit(searcher, g, highlight)).ToList();
        var (facets, _) = CountFacets(counted, filters, request.FacetLimit, null, QuoteDimensions);
        counted.Dispose();
        // Groups beyond the candidate window cannot be told apart; count them as distinct.
        var total = groups.Count + Math.Max(0, top.TotalHits - top.ScoreDocs.Length);
        // TookMs: set by the public SearchQuotes, so that an answer from the cache reports its own time.
        return new QuoteSearchResponse(request.Query ?? "", total, request.Page, request.PageSize, 0, hits,
            new QuoteFacets(facets));
    }

    /// <summary>Groups the candidates by the quote hash doc values (no stored-field reads), in hit order; a group
    /// is shown from its earliest dated report.</summary>
    private static List<QuoteGroup> Group(IndexSearcher searcher, TopDocs top)
    {
        var leaves = searcher.IndexReader.Leaves;
        var groups = new List<QuoteGroup>();
        var byKey = new Dictionary<long, QuoteGroup>();
        foreach (var scoreDoc in top.ScoreDocs)
        {
            var doc = scoreDoc.Doc;
            var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
            // Every quote document of the index layout SearchIndex admits has its hash (ArticleDocuments).
            var key = NumericColumn.For(leaf.AtomicReader, SummitSchema.QuoteHash)?.Get(doc - leaf.DocBase)
                ?? throw new InvalidOperationException($"Quote document {doc} has no {SummitSchema.QuoteHash}.");
            DateTimeOffset? date = NumericColumn.For(leaf.AtomicReader, SummitSchema.Date)?.Get(doc - leaf.DocBase) is { } millis
                ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;
            if (!byKey.TryGetValue(key, out var group))
            {
                byKey[key] = group = new QuoteGroup(doc, date);
                groups.Add(group);
            }
            else if (date is { } d && (group.Date is null || d < group.Date))
            {
                (group.DocId, group.Date) = (doc, d);
            }
            group.Docs.Add(doc);
        }
        return groups;
    }

    /// <summary>The indexed spelling of a speaker typed in any case, or null when nobody of that name is quoted.</summary>
    public string? FindSpeaker(string name)
    {
        using var lease = index.Acquire();
        return Vocabulary.For(lease.Searcher).Canonical(SummitSchema.Speaker, name);
    }

    private sealed class QuoteGroup(int docId, DateTimeOffset? date)
    {
        public int DocId { get; set; } = docId;
        public DateTimeOffset? Date { get; set; } = date;
        public List<int> Docs { get; } = [];
    }

    private QuoteHit ToQuoteHit(IndexSearcher searcher, QuoteGroup group, HighlightTerms highlight)
    {
        var doc = searcher.Doc(group.DocId);
        var text = doc.Get(SummitSchema.QuoteText) ?? "";
        var articleId = doc.Get(SummitSchema.ArticleId);
        var start = doc.GetField(SummitSchema.QuoteStart)?.GetInt32Value() ?? -1;
        var end = doc.GetField(SummitSchema.QuoteEnd)?.GetInt32Value() ?? -1;
        return new QuoteHit(
            doc.Get(SummitSchema.Id),
            Snippets.Highlight(text, highlight, _analyzer, out _),
            doc.Get(SummitSchema.Speaker) is { } speaker ? ArchiveEntities.For(searcher.IndexReader).Display(speaker, group.DocId) ?? speaker : null,
            articleId,
            doc.Get(SummitSchema.Title) ?? "",
            group.Date,
            doc.Get(SummitSchema.Source),
            Context(searcher, group.DocId, articleId, start, end),
            ReportingArticles(searcher, group),
            doc.Get(SummitSchema.Url),
            doc.Get(SummitSchema.Author));
    }

    /// <summary>Distinct articles among a group's reports; read only for the groups on the page.</summary>
    private static int ReportingArticles(IndexSearcher searcher, QuoteGroup group) =>
        group.Docs.Select(d => ArticleDocOf(searcher, d)).Distinct().Count();

    /// <summary>
    /// The article document of a quote document, or -1. An article and its quotes are indexed as one block, the
    /// article first (<see cref="ArticleDocuments.Create"/>, <c>UpdateDocuments</c>), and Lucene keeps a block's
    /// documents adjacent through merges, so it is the nearest article document before the quote: no stored
    /// fields to read and no search per hit.
    /// </summary>
    private static int ArticleDocOf(IndexSearcher searcher, int quoteDoc)
    {
        var leaves = searcher.IndexReader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(quoteDoc, leaves)];
        if (KindFilter.For(SummitSchema.KindArticle).GetDocIdSet(leaf, null) is not FixedBitSet articles) return -1;
        var article = articles.PrevSetBit(quoteDoc - leaf.DocBase);
        return article < 0 ? -1 : leaf.DocBase + article;
    }

    /// <summary>The sentence(s) of the article around the quote, escaped.</summary>
    private static string Context(IndexSearcher searcher, int quoteDoc, string articleId, int start, int end)
    {
        var articleDoc = ArticleDocOf(searcher, quoteDoc);
        var article = articleDoc < 0 ? null : searcher.Doc(articleDoc, ContextFields);
        if (article?.Get(SummitSchema.Id) != articleId) return "";
        var body = article.Get(SummitSchema.Body) ?? "";
        if (start < 0 || end > body.Length || start > end) return "";
        var from = start;
        while (from > 0 && body[from - 1] != '\n' && !(from >= 2 && body[from - 1] == ' ' && body[from - 2] is '.' or '!' or '?') && start - from < 300) from--;
        var to = end;
        while (to < body.Length && body[to] != '\n' && !(body[to] is '.' or '!' or '?' && (to + 1 >= body.Length || body[to + 1] == ' ')) && to - end < 300) to++;
        if (to < body.Length && body[to] is '.' or '!' or '?') to++;
        while (to < body.Length && body[to] is '"' or '\u201D' or '\'') to++;
        return (from > 0 && body[from - 1] != '\n' && start - from >= 300 ? "…" : "") + Snippets.Escape(body[from..to].Trim());
    }
}
