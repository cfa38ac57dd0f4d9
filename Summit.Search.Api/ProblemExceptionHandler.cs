using Microsoft.AspNetCore.Diagnostics;

namespace Summit.Search.Api;

/// <summary>
/// Last resort: a bad request the framework rejects becomes a 400 ProblemDetails, anything else a 500 without
/// a stack trace. Endpoints validate their input themselves and do not rely on this.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", "Check the parameters and the request body format."),
            _ => (StatusCodes.Status500InternalServerError, "The search failed", "Something went wrong on the server; try again, and report it if it keeps happening."),
        };
        if (status >= 500) logger.LogError(exception, "Unhandled exception for {Path}", context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
