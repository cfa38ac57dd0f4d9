using System.Diagnostics;
using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Summit.Engine.Entities;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// Runs searches against the current searcher: query building, filters, multi-select facet counts, snippets,
/// typo tolerance. Thread-safe singleton; every call borrows a searcher and returns it.
/// </summary>
public sealed partial class ArticleSearcher(SearchIndex index, ResultCache? cache = null)
{
    private readonly ResultCache _cache = cache ?? new ResultCache(0);

    /// <summary>Deepest result a page may reach (page × pageSize).</summary>
    public const int MaxWindow = 10_000;
    /// <summary>Fewer exact hits than this turns on typo tolerance and "did you mean".</summary>
    public const int FewHits = 3;

    /// <summary>The fields an article search counts (<see cref="SummitSchema.ArticleSearchFacets"/>).</summary>
    public static readonly IReadOnlyList<string> FacetDimensions = [.. SummitSchema.ArticleSearchFacets.Select(f => f.Field)];

    private readonly Analyzer _analyzer = SummitSchema.CreateAnalyzer();

    public SearchResponse Search(SearchRequest request)
    {
        var started = Stopwatch.GetTimestamp();
        using var lease = index.Acquire();
        var response = _cache.GetOrCompute(lease.Searcher.IndexReader, "search", request, () => Search(lease.Searcher, request));
        return response with { TookMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds };
    }

    private SearchResponse Search(SummitSearcher searcher, SearchRequest request)
    {
        var ast = QuerySyntax.Parse(request.Query);
        var vocabulary = Vocabulary.For(searcher);
        var filters = ResolveFilters(request, vocabulary);

        var builder = new QueryBuilder(_analyzer, vocabulary, searcher.IndexReader, SearchTarget.Articles);
        var query = BuildText(ast, builder);
        Query? Matching(FuzzyExpansions? typos) => MatchingQuery(ast, filters, vocabulary, searcher, SearchTarget.Articles, typos);
        var sortKind = request.Sort ?? (ast is null ? SearchSort.Date : SearchSort.Relevance);
        var sort = SortFor(sortKind);
        var filter = FilterFor(SummitSchema.KindArticle, WithoutCounted(filters), request, except: null, vocabulary);
        var after = request.Cursor is null ? null : Cursors.Decode(request.Cursor, sortKind);
        if (after is not null && after.Doc >= searcher.IndexReader.MaxDoc)
            throw new SearchRequestException("cursor", "'cursor' points past the end of the index as it is now; start again without it.");
        var wanted = after is null ? Math.Max(1, request.Page * request.PageSize) : request.PageSize;
        // One pass collects the page and the facet counts, each dimension under every filter but its own.
        // Counters rent their arrays: every one made is given back when the response is built.
        var counters = new List<FacetCounter>();
        (TopDocs, FacetCounter) Run(Query q, Query? matching)
        {
            var counter = new FacetCounter(searcher, FacetDimensions, SummitSchema.Date, request.DateHistogram, filters);
            counters.Add(counter);
            return (SearchWith(searcher, RecencyBoost.Apply(q, request.Recency, vocabulary.NewestDate), matching, filter, after, wanted, sort, counter), counter);
        }
        var (top, counted) = Run(query, Matching(null));
        try
        {
            var typoTolerance = false;
            string? didYouMean = null;
            QueryBuilder? fuzzyBuilder = null;
            FuzzyExpansions? typos = null;
            if (top.TotalHits < FewHits && ast is not null)
            {
                typos = new FuzzyExpansions(searcher.IndexReader);
                fuzzyBuilder = new QueryBuilder(_analyzer, vocabulary, searcher.IndexReader, SearchTarget.Articles, typos);
                var fuzzyQuery = BuildText(ast, fuzzyBuilder);
                if (fuzzyBuilder.UsedTypoTolerance)
                {
                    var (fuzzyTop, fuzzyCounted) = Run(fuzzyQuery, Matching(typos));
                    if (fuzzyTop.TotalHits > top.TotalHits)
                    {
                        (top, counted, typoTolerance) = (fuzzyTop, fuzzyCounted, true);
                    }
                }
                didYouMean = DidYouMean(ast, fuzzyBuilder, typos);
            }

            var highlight = HighlightTerms.From(ast, _analyzer, typoTolerance);
            // The misspelt words given typo tolerance are marked near the words they match, with the edits they got.
            // Words over the typo budget matched as typed, and real words are no typos: they are marked as typed.
            Dictionary<string, IReadOnlyCollection<string>>? typoMatches = null;
            if (fuzzyBuilder is not null && typos is not null)
            {
                var marked = highlight.Fuzzy.Where(f => fuzzyBuilder.TypoEdits(f.Word) is not null)
                    .Select(f => (f.Word, fuzzyBuilder.TypoEdits(f.Word)!.Value)).ToList();
                highlight.Fuzzy.Clear();
                highlight.Fuzzy.AddRange(marked);
                // A word typed twice is one typo.
                typoMatches = marked.DistinctBy(f => f.Word)
                    .ToDictionary(f => f.Word, f => typos.Matches(SummitSchema.BodyExact, fuzzyBuilder.TypoToken(f.Word)!));
            }
            var hits = new List<SearchHit>();
            var bodyMarks = PostedMarks.For(searcher.IndexReader, SummitSchema.Body, highlight, _analyzer, typoMatches);
            // The typo search's matches are the body's words; a title is marked by analysis when a word is misspelt.
            var titleMarks = highlight.Fuzzy.Count == 0 ? PostedMarks.For(searcher.IndexReader, SummitSchema.Title, highlight) : null;
            for (var i = after is null ? (request.Page - 1) * request.PageSize : 0; i < top.ScoreDocs.Length; i++)
                hits.Add(ToHit(HitFields.Read(searcher, top.ScoreDocs[i].Doc), top.ScoreDocs[i].Doc, top.ScoreDocs[i].Score, highlight, bodyMarks, titleMarks, ast is null, ArchiveEntities.For(searcher.IndexReader)));

            var (facets, histogram) = CountFacets(counted, filters, request.FacetLimit, request.DateHistogram, FacetDimensions);
            return new SearchResponse(
                request.Query ?? "",
                top.TotalHits,
                request.Page,
                request.PageSize,
                0, // TookMs: set by the public Search, so that an answer from the cache reports its own time
                hits,
                new SearchFacets(facets),
                typoTolerance,
                didYouMean,
                histogram,
                hits.Count == request.PageSize && top.ScoreDocs.Length > 0 ? Cursors.Encode((FieldDoc)top.ScoreDocs[^1], sortKind) : null);
        }
        finally
        {
            foreach (var counter in counters) counter.Dispose();
        }
    }

    /// <summary>Counts of one dimension for a search (its own filter ignored), limited to values with a word
    /// starting with <paramref name="prefix"/>; selected values are always listed.</summary>
    public FacetResponse Facet(SearchRequest request, string dimension, string? prefix)
    {
        var ast = QuerySyntax.Parse(request.Query);
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var vocabulary = Vocabulary.For(searcher);
        var filters = ResolveFilters(request, vocabulary);
        var query = BuildText(ast, new QueryBuilder(_analyzer, vocabulary, searcher.IndexReader, SearchTarget.Articles));
        using var counter = new FacetCounter(searcher, FacetDimensions.Contains(dimension) ? FacetDimensions : [dimension]);
        searcher.Search(query, FilterFor(SummitSchema.KindArticle, filters, request, except: dimension, vocabulary), counter);
        var typed = TextFolding.Fold(prefix ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var counts = counter.Counts(dimension)
            .Where(kv => typed.Length == 0 || WordsMatch(
                TextFolding.Fold(dimension == SummitSchema.Country ? Countries.Label(kv.Key) + " " + kv.Key : kv.Key).Split(' '), typed))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        return new FacetResponse(dimension, request.Query ?? "",
            FacetValues(dimension, counts, filters.GetValueOrDefault(dimension) ?? [], request.FacetLimit));
    }

    /// <summary>The article with its extracted facts, or null when no article has that id.</summary>
    public ArticleDetails? GetArticle(string id)
    {
        using var lease = index.Acquire();
        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SummitSchema.Id, id)), Occur.MUST },
            { new TermQuery(new Term(SummitSchema.Kind, SummitSchema.KindArticle)), Occur.MUST },
        };
        var top = lease.Searcher.Search(query, 1);
        if (top.TotalHits == 0) return null;
        var doc = lease.Searcher.Doc(top.ScoreDocs[0].Doc);
        var entities = ArchiveEntities.For(lease.Searcher.IndexReader);
        var (registry, evidence) = (entities.Registry, entities.ResolvedIn(top.ScoreDocs[0].Doc));
        var facts = EntityLinking.Link(ReadFacts(doc), registry, evidence);
        return new ArticleDetails(
            doc.Get(SummitSchema.Id),
            doc.Get(SummitSchema.Title) ?? "",
            doc.Get(SummitSchema.Body) ?? "",
            ReadDate(doc),
            doc.Get(SummitSchema.Source),
            doc.Get(SummitSchema.Dateline),
            doc.Get(SummitSchema.Url),
            doc.Get(SummitSchema.Author),
            facts.Quotes.Select(q => new ArticleQuote(q.Text, q.Speaker, q.Start, q.End)).ToList(),
            facts.Persons.Select(p => new ArticlePerson(p.Name, p.Mentions.Select(m => new TextSpan(m.Start, m.End)).ToList())).ToList(),
            facts.Places.Select(p => new ArticlePlace(p.Name, p.Country, Countries.Label(p.Country), p.Mentions.Select(m => new TextSpan(m.Start, m.End)).ToList())).ToList(),
            facts.Countries.Select(c => new CountryRef(c, Countries.Label(c))).ToList(),
            // Speakers that are entities: a description or a fragment stays on its quote but is no speaker.
            [.. facts.Speakers.Where(s => EntityLinking.Resolve(s, registry, evidence) is not null)],
            [.. facts.Organizations.Select(o => new ArticleOrganization(o.Name, o.Mentions.Select(m => new TextSpan(m.Start, m.End)).ToList()))]);
    }

    private static Query BuildText(QueryNode? ast, QueryBuilder builder)
    {
        if (ast is null) return new MatchAllDocsQuery();
        return builder.Build(ast)
            ?? throw new QuerySyntaxException("The query has no words to search for; use letters or digits, like summit or \"trade talks\".");
    }

    internal static Sort SortFor(SearchSort sort) => sort switch
    {
        SearchSort.Date => new Sort(DateSort.Newest),
        // Undated articles go last in both date orders.
        SearchSort.Oldest => new Sort(DateSort.Oldest),
        _ => new Sort(SortField.FIELD_SCORE, DateSort.Newest),
    };

    /// <summary>Filter values in their indexed spelling: country codes, names as the index spells them.</summary>
    private static Dictionary<string, IReadOnlyList<string>> ResolveFilters(SearchRequest request, Vocabulary vocabulary)
    {
        var countries = request.Countries.Select(c => Countries.Resolve(c)
            ?? throw new SearchRequestException("country", $"'{c}' is not a country this search knows; use a name like Japan or a two-letter code like JP."))
            .Distinct().ToList();
        IReadOnlyList<string> Names(string dimension, IReadOnlyList<string> values) =>
            values.Select(v => vocabulary.Canonical(dimension, v) ?? v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        return new Dictionary<string, IReadOnlyList<string>>
        {
            [SummitSchema.Country] = countries,
            [SummitSchema.Place] = Names(SummitSchema.Place, request.Places),
            [SummitSchema.Person] = Names(SummitSchema.Person, request.Persons),
            [SummitSchema.Speaker] = Names(SummitSchema.Speaker, request.Speakers),
            [SummitSchema.Source] = Names(SummitSchema.Source, request.Sources),
            [SummitSchema.Organization] = Names(SummitSchema.Organization, request.Organizations),
        };
    }

    /// <summary>
    /// With a value of a counted dimension selected, every match of the query without it is counted, and a cheaper
    /// query with the same matches finds them (<see cref="QueryBuilder.MatchOnly"/>); null when nothing is selected
    /// or there is no query.
    /// </summary>
    private Query? MatchingQuery(QueryNode? ast, Dictionary<string, IReadOnlyList<string>> filters, Vocabulary vocabulary,
        IndexSearcher searcher, SearchTarget target, FuzzyExpansions? typos = null) =>
        ast is not null && FacetDimensions.Any(d => filters.GetValueOrDefault(d) is { Count: > 0 })
            ? BuildText(ast, new QueryBuilder(_analyzer, vocabulary, searcher.IndexReader, target, typos) { MatchOnly = true })
            : null;

    /// <summary>The filters without the selections in <see cref="FacetDimensions"/>, which a <see cref="FacetCounter"/>
    /// given them applies itself (and counts sideways).</summary>
    private static Dictionary<string, IReadOnlyList<string>> WithoutCounted(Dictionary<string, IReadOnlyList<string>> filters) =>
        filters.Where(kv => !FacetDimensions.Contains(kv.Key)).ToDictionary();

    /// <summary>Kind, date range and every facet filter except <paramref name="except"/> (multi-select counts).</summary>
    private static Filter FilterFor(string kind, Dictionary<string, IReadOnlyList<string>> filters, SearchRequest request, string? except, Vocabulary vocabulary) =>
        FilterFor(kind, filters, request.From, request.To, except, vocabulary);

    /// <param name="vocabulary">Of the reader the filter is for: a person or speaker filter matches every form the
    /// index holds of that entity.</param>
    internal static Filter FilterFor(string kind, Dictionary<string, IReadOnlyList<string>> filters, DateTimeOffset? from, DateTimeOffset? to, string? except,
        Vocabulary vocabulary)
    {
        var kindFilter = KindFilter.For(kind);
        var query = new BooleanQuery { { new ConstantScoreQuery(kindFilter), Occur.MUST } };
        foreach (var (dimension, values) in filters)
        {
            if (dimension == except || values.Count == 0) continue;
            var anyOf = new BooleanQuery();
            foreach (var value in values.SelectMany(v => vocabulary.IndexedForms(dimension, v)).Distinct(StringComparer.Ordinal))
                anyOf.Add(new TermQuery(new Term(dimension, value)), Occur.SHOULD);
            // And the articles whose ambiguous surname their evidence gave to that entity.
            foreach (var resolved in values.Select(v => vocabulary.ResolvedFilter(dimension, v)).OfType<Filter>())
                anyOf.Add(new ConstantScoreQuery(resolved), Occur.SHOULD);
            query.Add(anyOf, Occur.MUST);
        }
        if (from is not null || to is not null)
        {
            query.Add(NumericRangeQuery.NewInt64Range(SummitSchema.Date,
                from is { } f ? ArticleDocuments.ToIndexDate(f) : null,
                to is { } t ? ArticleDocuments.ToIndexDate(t) : null, true, false), Occur.MUST);
        }
        // Kind alone (most searches): the cached bit set, which the search tests per document instead of leap-frogging.
        return query.Clauses.Count == 1 ? kindFilter : new QueryWrapperFilter(query);
    }

    /// <summary>
    /// Top documents of <paramref name="query"/> exactly as <c>IndexSearcher.Search</c>/<c>SearchAfter</c> with a sort
    /// (scores tracked, no max score) would return them, while <paramref name="also"/> sees every match in the same pass.
    /// When <paramref name="also"/> counts sideways, the pass walks <paramref name="matching"/> (the same matches,
    /// cheaper) if given, and only the documents that reach the page are scored by <paramref name="query"/>.
    /// </summary>
    private static TopDocs SearchWith(SummitSearcher searcher, Query query, Query? matching, Filter filter, FieldDoc? after, int wanted, Sort sort, FacetCounter also)
    {
        // Rewritten once here so the weight below and the search share the (possibly costly, e.g. fuzzy) rewrite.
        var filtered = searcher.Rewrite(new FilteredQuery(query, filter));
        var weight = searcher.CreateNormalizedWeight(filtered);
        var size = Math.Min(wanted, Math.Max(1, searcher.IndexReader.MaxDoc));
        if (matching is not null && also.CountsSideways)
        {
            var inOrder = TopFieldCollector.Create(sort, size, after, fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
            searcher.Collect(searcher.CreateNormalizedWeight(new FilteredQuery(matching, filter)), also.Around(new FullQueryScores(weight, inOrder)));
            return inOrder.GetTopDocs();
        }
        var top = TopFieldCollector.Create(sort, size, after,
            fillFields: true, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: !weight.ScoresDocsOutOfOrder);
        searcher.Collect(weight, also.Around(top));
        return top.GetTopDocs();
    }

    /// <summary>The facet lists of a search from the counter of its pass (selected dimensions counted sideways).</summary>
    internal static (Dictionary<string, IReadOnlyList<FacetValue>>, IReadOnlyList<DateBucket>?) CountFacets(
        FacetCounter counted, Dictionary<string, IReadOnlyList<string>> filters, int limit, DateInterval? histogram,
        IReadOnlyList<string> dimensions)
    {
        var result = new Dictionary<string, IReadOnlyList<FacetValue>>();
        foreach (var dimension in dimensions)
        {
            var selected = filters.GetValueOrDefault(dimension) ?? [];
            result[dimension] = FacetValues(dimension, counted.TopCandidates(dimension, limit, selected), selected, limit);
        }
        var buckets = histogram is null ? null
            : counted.DateCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new DateBucket(kv.Key, kv.Value)).ToList();
        return (result, buckets);
    }

    /// <summary>What a facet value shows, and what facet lists order ties by: country names, other values as they are.</summary>
    internal static string DisplayLabel(string dimension, string value) => dimension == SummitSchema.Country ? Countries.Label(value) : value;

    internal static IReadOnlyList<FacetValue> FacetValues(string dimension, IReadOnlyDictionary<string, int> counts, IReadOnlyList<string> selected, int limit)
    {
        string Label(string value) => DisplayLabel(dimension, value);
        var chosen = new HashSet<string>(selected, StringComparer.Ordinal);
        var values = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => Label(kv.Key), StringComparer.OrdinalIgnoreCase)
            .Take(limit)
            .Select(kv => new FacetValue(kv.Key, Label(kv.Key), kv.Value, chosen.Contains(kv.Key)))
            .ToList();
        // A selected value is always listed, even at zero, so the user can unselect it.
        foreach (var value in selected)
            if (values.All(v => v.Value != value))
                values.Add(new FacetValue(value, Label(value), counts.GetValueOrDefault(value), true));
        return values;
    }

    private SearchHit ToHit(HitFields doc, int docId, float score, HighlightTerms highlight, PostedMarks? bodyMarks, PostedMarks? titleMarks,
        bool browsing, ArchiveEntities entities)
    {
        var (title, body) = (doc.Title ?? "", doc.Body ?? "");
        var posted = bodyMarks?.Marks(docId, body);
        // A transcript can hold hundreds of quotes; looking at the first 200 keeps a hit cheap, and only the ones
        // shown are escaped and marked.
        var all = ReadQuotes(doc.FactsJson).Take(200).ToList();
        // A quote is a span of the body: its marks are the body's marks there, read from the postings, unless its text
        // differs from that span (then it is analysed).
        var marks = new Dictionary<Quote, List<Snippets.Range>>(ReferenceEqualityComparer.Instance);
        foreach (var q in all)
            marks[q] = posted is not null && q.Start >= 0 && q.End - q.Start == q.Text.Length && q.End <= body.Length
                && string.CompareOrdinal(body, q.Start, q.Text, 0, q.Text.Length) == 0
                ? Snippets.MarksOfPart(posted, q.Start, q.End)
                : Snippets.Marks(q.Text, highlight, _analyzer);
        // A quote inside a longer one of the article is shown as the longer, and once.
        var best = all.Where(q => marks[q].Count > 0).OrderByDescending(q => marks[q].Count).ToList();
        var chosen = QuoteOverlap.Longest(best.Count == 0 && browsing ? all : best, all, best.Count == 0 ? (browsing ? 2 : 0) : 3);
        // Only the shown quotes' speakers are looked up as entities; a role description shows the person holding the
        // role when the article names one (as the speaker facet counts it), else it stays as it is.
        var shown = chosen.Select(q => new HitQuote(Snippets.Highlight(q.Text, marks[q]),
            q.FacetSpeaker is { } speaker ? entities.Display(speaker, docId) ?? speaker : null)).ToList();
        return new SearchHit(
            doc.Id!,
            title,
            titleMarks?.Marks(docId, title) is { } titled ? Snippets.Highlight(title, titled) : Snippets.Highlight(title, highlight, _analyzer, out _),
            doc.Date,
            doc.Source,
            doc.Dateline,
            doc.Url,
            doc.Author,
            float.IsFinite(score) ? score : 0f,
            Snippets.Passages(body, highlight, _analyzer, posted, SentenceOffsets.Decode(doc.BodySentences, body.Length)),
            shown,
            entities.Names(SummitSchema.Speaker, doc.Speakers, docId),
            entities.Names(SummitSchema.Person, doc.Persons, docId),
            doc.Countries);
    }

    internal static ArticleFacts ReadFacts(Document doc) => ReadFacts(doc.Get(SummitSchema.FactsJson)) ?? ArticleFacts.Empty;

    /// <summary>
    /// The quotes of an article's stored facts, all a hit shows of them. The facts are written with their quotes
    /// first, so the persons, places and organisations after them (with every mention) are not read at all; facts
    /// laid out otherwise are read whole.
    /// </summary>
    internal static IReadOnlyList<Quote> ReadQuotes(string? json)
    {
        if (string.IsNullOrEmpty(json)) return [];
        var bytes = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var reader = new Utf8JsonReader(bytes.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(json, bytes)));
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.Read()
                && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("quotes"u8) && reader.Read())
                return JsonSerializer.Deserialize(ref reader, FactsJsonContext.Default.IReadOnlyListQuote) ?? [];
            return ReadFacts(json)?.Quotes ?? [];
        }
        catch (JsonException)
        {
            // Written by an older indexer: show the article without quotes rather than fail the request.
            return [];
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static ArticleFacts? ReadFacts(string? json)
    {
        if (string.IsNullOrEmpty(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<ArticleFacts>(json, ArticleDocuments.FactsJsonOptions);
        }
        catch (JsonException)
        {
            // Written by an older indexer: show the article without facts rather than fail the request.
            return null;
        }
    }

    internal static DateTimeOffset? ReadDate(Document doc) =>
        doc.GetField(SummitSchema.Date)?.GetInt64Value() is { } millis ? DateTimeOffset.FromUnixTimeMilliseconds(millis) : null;

    /// <summary>The query with misspelt words replaced by the closest indexed word, or null when nothing changed.
    /// Only the words given typo tolerance (<see cref="QueryBuilder.TypoWords"/>, the query's typo budget) are
    /// corrected: their expansions are already made.</summary>
    private string? DidYouMean(QueryNode ast, QueryBuilder fuzzyBuilder, FuzzyExpansions typos)
    {
        var changed = false;
        var corrected = Rewrite(ast, word =>
        {
            if (word.Prefix || word.Scope != QueryScope.Any) return word;
            var token = fuzzyBuilder.ExactToken(word.Text);
            if (token is null || !fuzzyBuilder.TypoWords.Contains(token)) return word;
            var best = Closest(typos, token);
            if (best is null) return word;
            changed = true;
            var text = char.IsUpper(word.Text[0]) ? char.ToUpperInvariant(best[0]) + best[1..] : best;
            return word with { Text = text };
        });
        return changed ? QuerySyntax.Format(corrected) : null;
    }

    private static string? Closest(FuzzyExpansions typos, string token)
    {
        var candidates = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in new[] { SummitSchema.BodyExact, SummitSchema.TitleExact })
            foreach (var match in typos.Matches(field, token))
                candidates[match] = candidates.GetValueOrDefault(match) + typos.Reader.DocFreq(new Term(field, match));
        return candidates
            .OrderBy(kv => Snippets.EditDistance(token, kv.Key))
            .ThenByDescending(kv => kv.Value)
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key)
            .FirstOrDefault();
    }

    private static QueryNode Rewrite(QueryNode node, Func<WordNode, WordNode> map) => node switch
    {
        WordNode w => map(w),
        NotNode n => n with { Child = Rewrite(n.Child, map) },
        AndNode a => new AndNode(a.Children.Select(c => Rewrite(c, map)).ToList()),
        OrNode o => new OrNode(o.Children.Select(c => Rewrite(c, map)).ToList()),
        _ => node,
    };
}
