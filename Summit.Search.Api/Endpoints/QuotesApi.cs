using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Summit.Engine.Search;

namespace Summit.Search.Api.Endpoints;

/// <summary>Query string of <c>GET /api/quotes</c>.</summary>
public sealed class QuoteParameters
{
    [FromQuery(Name = "q"), Description("Words or \"phrases\" in the quote; same syntax as /api/search. Empty = newest quotes.")]
    public string? Q { get; set; }
    [FromQuery(Name = "speaker"), Description("Who said it; repeat for any of several.")]
    public string[]? Speaker { get; set; }
    [FromQuery(Name = "country"), Description("Country code or name of the article; repeat for any of several.")]
    public string[]? Country { get; set; }
    [FromQuery(Name = "person"), Description("Person mentioned in the article; repeat for any of several.")]
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
}

public static class QuotesApi
{
    public static IEndpointRouteBuilder MapQuotesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Quotes").ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/quotes", SearchQuotes)
            .WithName("SearchQuotes")
            .WithSummary("Search who said what: distinct quotes with speaker and the earliest article reporting them");
        api.MapGet("/speakers/{name}/quotes", SpeakerQuotes)
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
        if (!validation.IsValid) return SearchApi.Invalid(validation);
        try
        {
            return TypedResults.Ok(searcher.SearchQuotes(request));
        }
        catch (QuerySyntaxException ex)
        {
            validation.Add("q", ex.Message);
        }
        catch (SearchRequestException ex)
        {
            validation.Add(ex.Parameter, ex.Message);
        }
        return SearchApi.Invalid(validation);
    }

    private static QuoteSearchRequest ToRequest(QuoteParameters p, RequestValidation v)
    {
        var pageSize = v.Int("pageSize", p.PageSize, 10, 1, 100);
        var page = v.Int("page", p.Page, 1, 1, ArticleSearcher.MaxWindow);
        if (v.IsValid && page * pageSize > ArticleSearcher.MaxWindow)
            v.Add("page", $"Pages reach at most result {ArticleSearcher.MaxWindow}; page {page} × pageSize {pageSize} goes beyond it.");
        var from = v.Date("from", p.From, endOfPeriod: false);
        var to = v.Date("to", p.To, endOfPeriod: true);
        v.DateOrder(from, to);
        return new QuoteSearchRequest
        {
            Query = p.Q?.Trim(),
            Speakers = v.Values("speaker", p.Speaker),
            Countries = v.Values("country", p.Country),
            Persons = v.Values("person", p.Person),
            From = from,
            To = to,
            Page = page,
            PageSize = pageSize,
            Sort = v.Choice("sort", p.Sort, SearchApi.Sorts),
            FacetLimit = v.Int("facetLimit", p.FacetLimit, 10, 1, 100),
        };
    }
}
