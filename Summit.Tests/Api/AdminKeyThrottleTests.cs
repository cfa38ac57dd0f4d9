using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Summit.Tests.Api;

/// <summary>The API allowing 3 wrong admin keys per client address, then one more a second; the test client picks
/// its address with the <c>X-Test-Client</c> header.</summary>
public sealed class AdminThrottleFactory : SummitApiFactory
{
    public const string ClientHeader = "X-Test-Client";

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Search:AdminKeyFailureBurst", "3");
        builder.UseSetting("Search:AdminKeyFailureSeconds", "1");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                if (context.Request.Headers.TryGetValue(ClientHeader, out var address))
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                return proceed(context);
            });
            next(app);
        };
    }
}

public sealed class AdminKeyThrottleTests(AdminThrottleFactory factory) : IClassFixture<AdminThrottleFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private Task<HttpResponseMessage> DeleteAsync(string client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, "/api/articles/never-existed");
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Add(AdminThrottleFactory.ClientHeader, client);
        return _client.SendAsync(request);
    }

    private Task<HttpResponseMessage> PostAsync(string client, string key, string id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles")
        {
            Content = new StringContent($$"""{"id":"{{id}}","body":"The throttlecheck article."}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", key);
        request.Headers.Add(AdminThrottleFactory.ClientHeader, client);
        return _client.SendAsync(request);
    }

    [Fact]
    public async Task Wrong_keys_from_one_address_are_throttled_while_the_right_key_works()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 200; i++)
        {
            var response = await DeleteAsync("10.0.0.1", "guess-" + i);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) throttled ??= response;
        }

        // The burst of 3 is answered 401; everything after it within the second is 429.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses.Take(3));
        Assert.True(statuses.Skip(3).Count(s => s == HttpStatusCode.TooManyRequests) >= 190, string.Join(",", statuses.Distinct()));
        Assert.NotNull(throttled);
        Assert.Equal("application/problem+json", throttled.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 2);

        // Another address with the right key is not held up.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("10.0.0.2", SummitApiFactory.AdminKey, "throttle-other")).StatusCode);
        // The locked-out address is refused before its key is compared, so a right guess teaches it nothing...
        Assert.Equal(HttpStatusCode.TooManyRequests, (await DeleteAsync("10.0.0.1", SummitApiFactory.AdminKey)).StatusCode);
        // ...until Retry-After has passed.
        await Task.Delay(TimeSpan.FromSeconds(retryAfter) + TimeSpan.FromMilliseconds(200));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("10.0.0.1", SummitApiFactory.AdminKey, "throttle-same")).StatusCode);
    }

    [Fact]
    public async Task The_right_key_is_never_counted()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 50; i++) statuses.Add((await DeleteAsync("10.0.0.3", SummitApiFactory.AdminKey)).StatusCode);

        // 404: the key was accepted and the (unknown) article looked up, fifty times in a row.
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
    }
}

public sealed class AdminKeyThrottleUnitTests
{
    [Fact]
    public void An_address_is_locked_out_after_its_burst_of_failures_and_others_are_not()
    {
        var throttle = new Summit.Search.Api.Endpoints.AdminKeyThrottle(Microsoft.Extensions.Options.Options.Create(
            new Summit.Search.Api.SearchOptions { AdminKeyFailureBurst = 3, AdminKeyFailureSeconds = 60 }));
        var lockedAfter = new List<bool>();
        for (var i = 0; i < 5; i++)
        {
            lockedAfter.Add(throttle.LockedOut("10.0.0.1") is not null);
            throttle.Failed("10.0.0.1");
        }
        Assert.Equal([false, false, false, true, true], lockedAfter);
        Assert.Null(throttle.LockedOut("10.0.0.2"));
        Assert.InRange(throttle.LockedOut("10.0.0.1")!.Value.TotalSeconds, 1, 60);
    }

    [Fact]
    public async Task One_more_failure_is_allowed_per_period_and_never_more()
    {
        var throttle = new Summit.Search.Api.Endpoints.AdminKeyThrottle(Microsoft.Extensions.Options.Options.Create(
            new Summit.Search.Api.SearchOptions { AdminKeyFailureBurst = 3, AdminKeyFailureSeconds = 1 }));
        var allowed = 0;
        System.Diagnostics.Stopwatch? clock = null;
        // A wrong key every 20 ms for 1.5 s: the burst of 3 and one more per second after it. Timed from the first
        // failure, and a try is made after the window's last wait, so a slow start or a stalled wait on a loaded
        // machine cannot end the window before the refill is tried.
        while (true)
        {
            if (throttle.LockedOut("10.0.0.1") is null)
            {
                allowed++;
                throttle.Failed("10.0.0.1");
                clock ??= System.Diagnostics.Stopwatch.StartNew();
            }
            if (clock is not null && clock.Elapsed >= TimeSpan.FromSeconds(1.5)) break;
            await Task.Delay(20);
        }

        Assert.InRange(allowed, 4, 5);
    }
}
