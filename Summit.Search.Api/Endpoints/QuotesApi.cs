using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>Query string of <c>GET /api/quotes</c>.</summary>
public sealed class QuoteParameters
{
    [FromQuery(Name = "q"), Description("Words or \"phrases\" in the quote; same syntax as /api/search. Empty = newest quotes.")]
    public string? Q { get; set; }
    [FromQuery(Name = SummitSchema.Speaker), Description("Who said it; repeat for any of several.")]
    public string[]? Speaker { get; set; }
    [FromQuery(Name = SummitSchema.Country), Description("Country code or name of the article; repeat for any of several.")]
    public string[]? Country { get; set; }
    [FromQuery(Name = SummitSchema.Person), Description("Person mentioned in the article; repeat for any of several.")]
    public string[]? Person { get; set; }
    [FromQuery(Name = "from"), Description("Earliest date: 2023, 2023-03, 2023-03-21 or an ISO timestamp.")]
    public string? From { get; set; }
    [FromQuery(Name = "to"), Description("Latest date, inclusive of the whole period.")]
    public string? To { get; set; }
    [FromQuery(Name = "page"), Description("1-based page number.")]
    public string? Page { get; set; }
    [FromQuery(Name = "pageSize"), Description("Quotes per page, 1–100 (default 10).")]
    public string? PageSize { get; set; }
    [FromQuery(Name = "sort"), Description("relevance (default with a query), date (newest first) or oldest.")]
    public string? Sort { get; set; }
    [FromQuery(Name = "facetLimit"), Description("Values per facet, 1–100 (default 10).")]
    public string? FacetLimit { get; set; }

    // Parameters of /api/search that quote search cannot apply: checked as /api/search checks them, and a 400 when
    // given, rather than silently ignored.
    [FromQuery(Name = SummitSchema.Source), Description("Not used by quote search (articles only): given, it is a 400.")]
    public string[]? Source { get; set; }
    [FromQuery(Name = SummitSchema.Place), Description("Not used by quote search (articles only): given, it is a 400.")]
    public string[]? Place { get; set; }
    [FromQuery(Name = "recency"), Description("Not used by quote search (articles only): given, it is a 400.")]
    public string? Recency { get; set; }
    [FromQuery(Name = "dateHistogram"), Description("Not used by quote search (articles only): given, it is a 400.")]
    public string? DateHistogram { get; set; }
    [FromQuery(Name = "cursor"), Description("Not used by quote search, which pages with page and pageSize: given, it is a 400.")]
    public string? Cursor { get; set; }
}

public static class QuotesApi
{
    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapReadGroup("Quotes").AdmitSearches();
        api.MapRead("/quotes", SearchQuotes)
            .WithName("SearchQuotes")
            .WithSummary("Search who said what: distinct quotes with speaker and the earliest article reporting them");
        api.MapRead("/speakers/{name}/quotes", SpeakerQuotes)
            .WithName("SpeakerQuotes")
            .WithSummary("A speaker's quotes, newest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static Results<Ok<QuoteSearchResponse>, ValidationProblem> SearchQuotes([AsParameters] QuoteParameters parameters, ArticleSearcher searcher)
    {
        var validation = new RequestValidation();
        var request = ToRequest(parameters, validation);
        return Run(request, validation, searcher);
    }

    public static Results<Ok<QuoteSearchResponse>, ValidationProblem, ProblemHttpResult> SpeakerQuotes(
        string name, [FromQuery] string? page, [FromQuery] string? pageSize, ArticleSearcher searcher)
    {
        var speaker = searcher.FindSpeaker(name);
        if (speaker is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Speaker not found",
                detail: $"Nobody called '{(name.Length > 100 ? name[..100] + "…" : name)}' is quoted. Speaker names come from the speaker facet or /api/suggest.");
        var validation = new RequestValidation();
        var request = ToRequest(new QuoteParameters { Page = page, PageSize = pageSize }, validation) with
        {
            Speakers = [speaker],
            Sort = SearchSort.Date,
        };
        return Run(request, validation, searcher) switch
        {
            { Result: Ok<QuoteSearchResponse> ok } => ok,
            { Result: ValidationProblem problem } => problem,
            _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError),
        };
    }

    private static Results<Ok<QuoteSearchResponse>, ValidationProblem> Run(QuoteSearchRequest request, RequestValidation validation, ArticleSearcher searcher)
    {
        return validation.IsValid ? TypedResults.Ok(searcher.SearchQuotes(request)) : SearchApi.Invalid(validation);
    }

    /// <summary>The same validation as <c>/api/search</c> (<see cref="SearchApi.ToRequest"/>), then a 400 for each
    /// article-only parameter that was given, since quote search would ignore it.</summary>
    private static QuoteSearchRequest ToRequest(QuoteParameters p, RequestValidation v)
    {
        var search = SearchApi.ToRequest(new SearchParameters
        {
            Q = p.Q, Speaker = p.Speaker, Country = p.Country, Person = p.Person, From = p.From, To = p.To, Page = p.Page,
            PageSize = p.PageSize, Sort = p.Sort, FacetLimit = p.FacetLimit, Source = p.Source, Place = p.Place,
            Recency = p.Recency, DateHistogram = p.DateHistogram, Cursor = p.Cursor,
        }, v);
        void ArticlesOnly(string parameter, bool given)
        {
            if (given && !v.HasError(parameter))
                v.Add(parameter, $"'{parameter}' applies to /api/search only; quote search cannot use it.");
        }
        ArticlesOnly(SummitSchema.Source, search.Sources.Count > 0);
        ArticlesOnly(SummitSchema.Place, search.Places.Count > 0);
        ArticlesOnly("recency", !string.IsNullOrWhiteSpace(p.Recency));
        ArticlesOnly("dateHistogram", !string.IsNullOrWhiteSpace(p.DateHistogram));
        ArticlesOnly("cursor", search.Cursor is not null);
        return new QuoteSearchRequest
        {
            Query = search.Query,
            Speakers = search.Speakers,
            Countries = search.Countries,
            Persons = search.Persons,
            From = search.From,
            To = search.To,
            Page = search.Page,
            PageSize = search.PageSize,
            Sort = search.Sort,
            FacetLimit = search.FacetLimit,
        };
    }
}
