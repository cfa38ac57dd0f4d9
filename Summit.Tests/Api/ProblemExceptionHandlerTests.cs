extern alias api;
using api::Summit.Search.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Summit.Tests.Api;

public sealed class ProblemExceptionHandlerTests
{
    private static async Task<(int Status, string Body)> HandleAsync(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Accept = "application/json";
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task Unexpected_failures_are_500_problems_without_internals()
    {
        var (status, body) = await HandleAsync(new InvalidOperationException("secret internal detail"));

        Assert.Equal(500, status);
        Assert.Contains("\"status\":500", body);
        Assert.DoesNotContain("secret internal detail", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task Requests_the_framework_rejects_keep_their_4xx_status()
    {
        var (status, body) = await HandleAsync(new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge));

        Assert.Equal(413, status);
        Assert.Contains("\"status\":413", body);
    }
}
