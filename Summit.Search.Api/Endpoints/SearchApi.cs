using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>Query string of <c>GET /api/search</c>. Everything arrives as text so that bad values get a clear 400.</summary>
public sealed class SearchParameters
{
    [FromQuery(Name = "q"), Description("Query: words, \"phrases\", -exclude, OR, (groups), prefix*, and scopes title:, quote:, speaker:, person:, country:. Empty = browse.")]
    public string? Q { get; set; }
    [FromQuery(Name = SummitSchema.Country), Description("Country code or name; repeat for any of several.")]
    public string[]? Country { get; set; }
    [FromQuery(Name = SummitSchema.Person), Description("Person mentioned; repeat for any of several.")]
    public string[]? Person { get; set; }
    [FromQuery(Name = SummitSchema.Speaker), Description("Who is quoted; repeat for any of several.")]
    public string[]? Speaker { get; set; }
    [FromQuery(Name = SummitSchema.Source), Description("Publisher; repeat for any of several.")]
    public string[]? Source { get; set; }
    [FromQuery(Name = SummitSchema.Organization), Description("Organisation named (party, company, agency, media, group); repeat for any of several.")]
    public string[]? Organization { get; set; }
    [FromQuery(Name = "from"), Description("Earliest date (inclusive): 2023, 2023-03, 2023-03-21 or an ISO timestamp.")]
    public string? From { get; set; }
    [FromQuery(Name = "to"), Description("Latest date (inclusive of the whole period): 2023, 2023-03, 2023-03-21 or an ISO timestamp.")]
    public string? To { get; set; }
    [FromQuery(Name = "page"), Description("1-based page number.")]
    public string? Page { get; set; }
    [FromQuery(Name = "pageSize"), Description("Hits per page, 1–100 (default 10).")]
    public string? PageSize { get; set; }
    [FromQuery(Name = "sort"), Description("relevance (default with a query), date (newest first, default when browsing) or oldest.")]
    public string? Sort { get; set; }
    [FromQuery(Name = "recency"), Description("Recency boost weight 0–10 (0 = off).")]
    public string? Recency { get; set; }
    [FromQuery(Name = "facetLimit"), Description("Values per facet, 1–100 (default 10).")]
    public string? FacetLimit { get; set; }
    [FromQuery(Name = "dateHistogram"), Description("Add a date histogram facet: year or month.")]
    public string? DateHistogram { get; set; }
    [FromQuery(Name = SummitSchema.Place), Description("Place mentioned; repeat for any of several.")]
    public string[]? Place { get; set; }
    [FromQuery(Name = "cursor"), Description("nextCursor of the previous page, for paging beyond 10,000 results (page is then ignored).")]
    public string? Cursor { get; set; }
}

public static class SearchApi
{
    internal static readonly IReadOnlyDictionary<string, SearchSort> Sorts = new Dictionary<string, SearchSort>
    {
        ["relevance"] = SearchSort.Relevance, ["date"] = SearchSort.Date, ["oldest"] = SearchSort.Oldest,
    };

    internal static readonly IReadOnlyDictionary<string, DateInterval> Intervals = new Dictionary<string, DateInterval>
    {
        ["year"] = DateInterval.Year, ["month"] = DateInterval.Month,
    };

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapReadGroup("Search").AdmitSearches();
        api.MapRead("/search", Search)
            .WithName("SearchArticles")
            .WithSummary("Search articles with multi-select facets, snippets and highlighted quotes");
        api.MapRead("/facets", Dimensions)
            .WithName("FacetDimensions")
            .WithSummary($"The facet dimensions ({FacetNames}) with their labels, for article and for quote search");
        api.MapRead("/facets/{dimension}", Facet)
            .WithName("FacetValues")
            .WithSummary($"Values of one facet ({FacetNames}) for a search, filtered by a prefix");
        api.MapRead("/suggest", Suggest)
            .WithName("Suggest")
            .WithSummary("Type-ahead: persons, speakers, countries and article titles matching what was typed (at most 10)");
        return app;
    }

    public static Results<Ok<SearchResponse>, ValidationProblem> Search([AsParameters] SearchParameters parameters, ArticleSearcher searcher)
    {
        var validation = new RequestValidation();
        var request = ToRequest(parameters, validation);
        return validation.IsValid ? TypedResults.Ok(searcher.Search(request)) : Invalid(validation);
    }

    /// <summary>The dimension names of <see cref="SummitSchema.Facets"/>, for messages and the OpenAPI text.</summary>
    internal static string FacetNames => string.Join(", ", SummitSchema.Facets.Select(f => f.Name));

    public static Ok<FacetDimensionsResponse> Dimensions() => TypedResults.Ok(DimensionList);

    internal static readonly FacetDimensionsResponse DimensionList = new(
        [.. SummitSchema.Facets.Select(f => new FacetDimensionInfo(f.Name, f.Label, f.InSearch, f.Widget.HasFlag(FacetViews.Articles)))],
        [.. SummitSchema.QuoteSearchFacets.Select(f => new FacetDimensionInfo(f.Name, f.Label, true, f.Widget.HasFlag(FacetViews.Quotes)))]);

    public static Results<Ok<FacetResponse>, ValidationProblem> Facet(
        string dimension,
        [FromQuery(Name = "prefix"), Description("Only values with a word starting with this.")] string? prefix,
        [AsParameters] SearchParameters parameters,
        ArticleSearcher searcher)
    {
        var validation = new RequestValidation();
        var field = SummitSchema.FacetNamed(dimension)?.Field;
        if (field is null)
            validation.Add("dimension", $"'{dimension}' is not a facet; use one of {FacetNames}.");
        var request = ToRequest(parameters, validation);
        if (parameters.FacetLimit is null) request = request with { FacetLimit = 20 };
        return validation.IsValid ? TypedResults.Ok(searcher.Facet(request, field!, prefix)) : Invalid(validation);
    }

    public static Results<Ok<SuggestResponse>, ValidationProblem> Suggest(
        [FromQuery(Name = "q"), Description("What was typed so far; every word is a prefix.")] string? q,
        [FromQuery(Name = "limit"), Description("At most this many suggestions, 1–10 (default 10).")] string? limit,
        ArticleSearcher searcher)
    {
        var validation = new RequestValidation();
        var max = validation.Int("limit", limit, ArticleSearcher.MaxSuggestions, 1, ArticleSearcher.MaxSuggestions);
        if (q is { Length: > 200 }) validation.Add("q", $"Suggestions take at most 200 characters; got {q.Length}.");
        if (!validation.IsValid) return Invalid(validation);
        return TypedResults.Ok(searcher.Suggest(q ?? "", max));
    }

    internal static ValidationProblem Invalid(RequestValidation validation) =>
        TypedResults.ValidationProblem(validation.Errors, detail: validation.Detail, title: "The request has values the search cannot use");

    internal static SearchRequest ToRequest(SearchParameters p, RequestValidation v)
    {
        var pageSize = v.Int("pageSize", p.PageSize, 10, 1, 100);
        var page = v.Int("page", p.Page, 1, 1, ArticleSearcher.MaxWindow);
        if (string.IsNullOrWhiteSpace(p.Cursor) && v.IsValid && page * pageSize > ArticleSearcher.MaxWindow)
            v.Add("page", $"Pages reach at most result {ArticleSearcher.MaxWindow}; page {page} × pageSize {pageSize} goes beyond it. Narrow the search with filters, or page with cursor=nextCursor.");
        var from = v.Date("from", p.From, endOfPeriod: false);
        var to = v.Date("to", p.To, endOfPeriod: true);
        v.DateOrder(from, to);
        if (p.Q is { Length: > QuerySyntax.MaxLength } q)
            v.Add("q", $"The query is {q.Length} characters long; shorten it to at most {QuerySyntax.MaxLength}.");
        return new SearchRequest
        {
            Query = p.Q?.Trim(),
            Countries = v.Values(SummitSchema.Country, p.Country),
            Persons = v.Values(SummitSchema.Person, p.Person),
            Speakers = v.Values(SummitSchema.Speaker, p.Speaker),
            Sources = v.Values(SummitSchema.Source, p.Source),
            Organizations = v.Values(SummitSchema.Organization, p.Organization),
            Places = v.Values(SummitSchema.Place, p.Place),
            Cursor = string.IsNullOrWhiteSpace(p.Cursor) ? null : p.Cursor.Trim(),
            From = from,
            To = to,
            Page = page,
            PageSize = pageSize,
            Sort = v.Choice("sort", p.Sort, Sorts),
            Recency = v.Double("recency", p.Recency, 0, 0, 10),
            FacetLimit = v.Int("facetLimit", p.FacetLimit, 10, 1, 100),
            DateHistogram = v.Choice("dateHistogram", p.DateHistogram, Intervals),
        };
    }
}
