using System.Text.Json.Serialization;

namespace Summit.Engine.Search;

[JsonConverter(typeof(JsonStringEnumConverter<SearchSort>))]
public enum SearchSort { Relevance, Date, Oldest }

/// <summary>A validated article search. Filters are OR within a dimension and AND across dimensions.</summary>
public sealed record SearchRequest
{
    public string? Query { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Persons { get; init; } = [];
    public IReadOnlyList<string> Speakers { get; init; } = [];
    public IReadOnlyList<string> Sources { get; init; } = [];
    public IReadOnlyList<string> Organizations { get; init; } = [];
    public IReadOnlyList<string> Places { get; init; } = [];
    public DateTimeOffset? From { get; init; }
    /// <summary>Exclusive upper bound.</summary>
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    /// <summary>Null: relevance when there is a query, newest first when browsing.</summary>
    public SearchSort? Sort { get; init; }
    /// <summary>0 = off; 1 doubles the score of the newest article, halving every 180 days of age.</summary>
    public double Recency { get; init; }
    public int FacetLimit { get; init; } = 10;
    public DateInterval? DateHistogram { get; init; }
    /// <summary>Opaque position from a previous response's <c>nextCursor</c>; replaces <see cref="Page"/> for deep paging.</summary>
    public string? Cursor { get; init; }
}

/// <summary>A request value the index cannot use (an unknown country, say); becomes a 400 for that parameter.</summary>
public sealed class SearchRequestException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}

public sealed record SearchResponse(
    string Query,
    int Total,
    int Page,
    int PageSize,
    long TookMs,
    IReadOnlyList<SearchHit> Hits,
    SearchFacets Facets,
    bool TypoTolerance = false,
    string? DidYouMean = null,
    IReadOnlyList<DateBucket>? DateHistogram = null,
    string? NextCursor = null);

public sealed record SearchHit(
    string Id,
    string Title,
    // The title escaped, with matches marked.
    string TitleHtml,
    DateTimeOffset? Date,
    string? Source,
    string? Dateline,
    string? Url,
    string? Author,
    float Score,
    IReadOnlyList<string> Snippets,
    IReadOnlyList<HitQuote> Quotes,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<string> Persons,
    IReadOnlyList<string> Countries);

/// <summary>A quote of a hit: <paramref name="Text"/> is escaped HTML with matches marked.</summary>
public sealed record HitQuote(string Text, string? Speaker);

/// <summary>
/// Facet values by dimension name, for the dimensions of <see cref="Index.SummitSchema.Facets"/> a search counts, in
/// its order: the JSON object <c>{"country": [...], "person": [...], ...}</c>. The properties read the dictionary.
/// </summary>
public class FacetsByDimension : Dictionary<string, IReadOnlyList<FacetValue>>
{
    public FacetsByDimension() : base(StringComparer.Ordinal)
    {
    }

    /// <param name="values">Counted values by index field.</param>
    public FacetsByDimension(IEnumerable<Index.FacetDimension> dimensions, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> values) : this()
    {
        foreach (var dimension in dimensions) this[dimension.Name] = values[dimension.Field];
    }

    public IReadOnlyList<FacetValue> Country => this.GetValueOrDefault(Index.SummitSchema.Country) ?? [];
    public IReadOnlyList<FacetValue> Person => this.GetValueOrDefault(Index.SummitSchema.Person) ?? [];
    public IReadOnlyList<FacetValue> Speaker => this.GetValueOrDefault(Index.SummitSchema.Speaker) ?? [];
    public IReadOnlyList<FacetValue> Source => this.GetValueOrDefault(Index.SummitSchema.Source) ?? [];
    public IReadOnlyList<FacetValue> Organization => this.GetValueOrDefault(Index.SummitSchema.Organization) ?? [];
}

/// <summary>The facets of an article search (<see cref="Index.SummitSchema.ArticleSearchFacets"/>).</summary>
public sealed class SearchFacets : FacetsByDimension
{
    public SearchFacets()
    {
    }

    public SearchFacets(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> values)
        : base(Index.SummitSchema.ArticleSearchFacets, values)
    {
    }
}

/// <summary>One facet value: <paramref name="Value"/> is what to send back as a filter, <paramref name="Label"/> what to show.</summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

/// <summary>Articles dated in a year ("2021") or month ("2021-03").</summary>
public sealed record DateBucket(string Value, int Count);

public sealed record ArticleDetails(
    string Id,
    string Title,
    string Body,
    DateTimeOffset? Date,
    string? Source,
    string? Dateline,
    string? Url,
    string? Author,
    IReadOnlyList<ArticleQuote> Quotes,
    IReadOnlyList<ArticlePerson> Persons,
    IReadOnlyList<ArticlePlace> Places,
    IReadOnlyList<CountryRef> Countries,
    IReadOnlyList<string> Speakers,
    IReadOnlyList<ArticleOrganization> Organizations);

public sealed record ArticleQuote(string Text, string? Speaker, int Start, int End);
public sealed record TextSpan(int Start, int End);
public sealed record ArticlePerson(string Name, IReadOnlyList<TextSpan> Mentions);
public sealed record ArticleOrganization(string Name, IReadOnlyList<TextSpan> Mentions);
public sealed record ArticlePlace(string Name, string Country, string CountryName, IReadOnlyList<TextSpan> Mentions);
public sealed record CountryRef(string Code, string Name);

/// <summary>A validated quote search; filters as in <see cref="SearchRequest"/>.</summary>
public sealed record QuoteSearchRequest
{
    public string? Query { get; init; }
    public IReadOnlyList<string> Speakers { get; init; } = [];
    public IReadOnlyList<string> Countries { get; init; } = [];
    public IReadOnlyList<string> Persons { get; init; } = [];
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    public SearchSort? Sort { get; init; }
    public int FacetLimit { get; init; } = 10;
}

public sealed record QuoteSearchResponse(
    string Query,
    int Total,
    int Page,
    int PageSize,
    long TookMs,
    IReadOnlyList<QuoteHit> Hits,
    QuoteFacets Facets);

/// <summary>
/// One distinct quote. <paramref name="Text"/> and <paramref name="Context"/> are escaped HTML (matches marked);
/// the article is the earliest that carries it, <paramref name="ReportedBy"/> how many articles do.
/// <paramref name="Url"/> and <paramref name="Author"/> are the article's, so a quote can carry its credit
/// (Global Voices' licence asks for the author and a link to the original).
/// </summary>
public sealed record QuoteHit(
    string Id,
    string Text,
    string? Speaker,
    string ArticleId,
    string ArticleTitle,
    DateTimeOffset? Date,
    string? Source,
    string Context,
    int ReportedBy,
    string? Url = null,
    string? Author = null);

/// <summary>The facets of a quote search (<see cref="Index.SummitSchema.QuoteSearchFacets"/>).</summary>
public sealed class QuoteFacets : FacetsByDimension
{
    public QuoteFacets()
    {
    }

    public QuoteFacets(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> values)
        : base(Index.SummitSchema.QuoteSearchFacets, values)
    {
    }
}

public sealed record SuggestResponse(string Query, IReadOnlyList<Suggestion> Suggestions);

/// <summary>
/// <paramref name="Kind"/> is person, speaker, country or title. <paramref name="Value"/> is the filter value to send
/// back (a country code for countries, the title for titles), <paramref name="Label"/> what to show,
/// <paramref name="Count"/> the number of articles, <paramref name="Id"/> the article id of a title.
/// </summary>
/// <remarks>An article title's suggestion also carries the article's <c>Date</c> and <c>Source</c>, so titles that read
/// alike can be told apart.</remarks>
public sealed record Suggestion(string Kind, string Value, string Label, int Count, string? Id = null, DateTimeOffset? Date = null, string? Source = null);

/// <summary>All values of one facet dimension for a search, optionally only those with a word starting with a prefix.</summary>
public sealed record FacetResponse(string Dimension, string Query, IReadOnlyList<FacetValue> Values);

/// <summary>The facet dimensions of <c>GET /api/facets</c>: those an article search and a quote search filter by, each
/// in the order its facets are shown (from <see cref="Index.SummitSchema.Facets"/>).</summary>
public sealed record FacetDimensionsResponse(IReadOnlyList<FacetDimensionInfo> Articles, IReadOnlyList<FacetDimensionInfo> Quotes);

/// <summary>A facet dimension for clients: <paramref name="Name"/> is the query parameter and the key in responses,
/// <paramref name="Label"/> its name for people, <paramref name="Counted"/> whether the search response counts it,
/// <paramref name="Widget"/> whether the widget shows it in that view.</summary>
public sealed record FacetDimensionInfo(string Name, string Label, bool Counted, bool Widget);
