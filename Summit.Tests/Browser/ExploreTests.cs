using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Summit.Tests.Browser.WidgetPage;

namespace Summit.Tests.Browser;

/// <summary>
/// Reading and exploring (issue 15): the article reader, the home page, coverage over time, a first-time embed,
/// the result fixes, grouped suggestions and the small items — on the search page and in the embedded widget.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExploreTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static ILocator Reader(IPage page) => page.Locator($"{Widget} article.reader");

    private Task<JsonElement> ApiAsync(string pathAndQuery) => ApiJsonAsync(fixture, pathAndQuery);

    private Task<IPage> OpenAsync(string url, int width = 1280) => WidgetPage.OpenAsync(fixture, output, url, width);

    private static string Param(string value) => Uri.EscapeDataString(value).Replace("%20", "+");

    // ---------------------------------------------------------------------------------------------------------
    // 1. The reader.

    [SkippableFact]
    public async Task Reader_shows_an_article_without_a_URL_with_its_quotes_attributed_and_Back_returns_to_the_results()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        var results = await Status(page).InnerTextAsync();
        var seed = await ApiAsync($"/api/articles/{TestArticles.SeedId}");
        Assert.Equal(JsonValueKind.Null, seed.GetProperty("url").ValueKind);

        await page.Locator($"{Widget} li.hit a[data-article='{TestArticles.SeedId}']").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("article=" + TestArticles.SeedId) && url.Contains("q=Putin"));
        var reader = Reader(page);
        await Assertions.Expect(reader.Locator("h2")).ToHaveTextAsync(seed.GetProperty("title").GetString()!);
        await Assertions.Expect(reader.Locator(".meta")).ToContainTextAsync("AFP");
        await Assertions.Expect(reader.Locator(".meta")).ToContainTextAsync("Moscow");
        Assert.Equal(0, await reader.Locator("a.original").CountAsync());
        await Assertions.Expect(page.Locator($"{Widget} .panel")).ToBeHiddenAsync();
        // The full text: every paragraph of the body.
        var body = seed.GetProperty("body").GetString()!;
        Assert.Equal(body.Split('\n').Count(l => l.Trim().Length > 0), await reader.Locator(".body p").CountAsync());

        // Every extracted quote is marked (one inside another once), attributed on hover and on keyboard focus.
        var quotes = reader.Locator(".body .quote");
        Assert.True(await quotes.CountAsync() >= 3);
        var xi = quotes.Filter(new() { HasText = "We are great neighbouring powers" });
        await Assertions.Expect(xi).ToHaveCountAsync(1);
        await Assertions.Expect(xi.Locator(".said")).ToBeHiddenAsync();
        await xi.HoverAsync();
        await Assertions.Expect(xi.Locator(".said")).ToBeVisibleAsync();
        await Assertions.Expect(xi.Locator(".said")).ToHaveTextAsync("Xi Jinping");
        await page.Mouse.MoveAsync(0, 0);
        await reader.Locator("h2").FocusAsync();
        for (var i = 0; i < 40 && !await IsFocusedQuoteAsync(page); i++) await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator($"{Widget} .quote:focus");
        await Assertions.Expect(focused.Locator(".said")).ToBeVisibleAsync();
        await Assertions.Expect(focused.Locator(".vh")).ToHaveTextAsync(new Regex(@"^ \((said .+|speaker not identified)\)$"));

        // Persons and countries as chips; each speaker's name (its entity page) and more quotes by each speaker.
        await Assertions.Expect(reader.Locator("button[data-entity=person][data-value='Xi Jinping']")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("button[data-entity=country][data-value=CN]")).ToHaveTextAsync("China");
        await Assertions.Expect(reader.Locator(".speakers button[data-entity=speaker][data-value='Xi Jinping']")).ToHaveTextAsync("Xi Jinping");
        await Assertions.Expect(reader.Locator("button[data-quotes-by='Xi Jinping']")).ToHaveTextAsync("More quotes by Xi Jinping");

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains("article="));
        await Assertions.Expect(reader).ToBeHiddenAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(results);
        Assert.Equal(TestArticles.SeedId, await DeepActiveAsync(page, "el => el.dataset.article ?? ''"));
        await page.GoForwardAsync();
        await Assertions.Expect(reader.Locator("h2")).ToBeVisibleAsync();
    }

    private static Task<bool> IsFocusedQuoteAsync(IPage page) => page.EvaluateAsync<bool>(
        "() => !!document.querySelector('summit-search').shadowRoot.activeElement?.classList.contains('quote')");

    [SkippableFact]
    public async Task Reader_chips_filter_by_their_value_and_more_quotes_shows_the_speakers_quotes()
    {
        const string id = "test-putin-erdogan";
        var page = await OpenAsync(fixture.ApiOrigin + "/?article=" + id);
        var reader = Reader(page);
        await Assertions.Expect(reader.Locator("h2")).ToHaveTextAsync("Putin and Erdogan discuss grain corridor in Ankara");
        var details = await ApiAsync("/api/articles/" + id);
        var country = details.GetProperty("countries")[0].GetProperty("code").GetString()!;

        await reader.Locator($"button[data-entity=country][data-value={country}]").ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("country=" + country) && !url.Contains("article="));
        var total = (await ApiAsync("/api/search?country=" + country)).GetProperty("total").GetInt32();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{total} results?$"));

        await page.GoBackAsync();
        var more = reader.Locator("button[data-quotes-by]").First;
        var speaker = await more.GetAttributeAsync("data-quotes-by");
        await more.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("speaker=" + Param(speaker!)) && url.Contains("view=quotes"));
        var quotes = (await ApiAsync("/api/quotes?speaker=" + Uri.EscapeDataString(speaker!))).GetProperty("total").GetInt32();
        Assert.True(quotes > 0);
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{quotes} quotes?$"));
    }

    [SkippableFact]
    public async Task Widget_reader_opens_in_place_shows_a_new_dimension_from_the_API_and_returns_to_the_results()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync(1280);
        // The organisation dimension the API lists: the reader shows an article's organisations as its chips (one
        // is added to the article here, as the test articles name none).
        await page.RouteAsync("**/api/articles/**", async route =>
        {
            var response = await route.FetchAsync();
            var kremlin = "{\"name\":\"Kremlin\",\"mentions\":[]}";
            var text = await response.TextAsync();
            var json = text.Contains("\"organizations\":[]", StringComparison.Ordinal)
                ? text.Replace("\"organizations\":[]", "\"organizations\":[" + kremlin + "]", StringComparison.Ordinal)
                : text.Replace("\"organizations\":[", "\"organizations\":[" + kremlin + ",", StringComparison.Ordinal);
            await route.FulfillAsync(new() { Response = response, Body = json });
        });
        await page.GotoAsync(fixture.HostOrigin + "/");
        await Input(page).FillAsync("grain corridor");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “grain corridor”"));
        var hostUrl = page.Url;

        await Hits(page).First.Locator("h3 a").ClickAsync();

        var reader = Reader(page);
        await Assertions.Expect(reader.Locator("h2")).ToBeVisibleAsync();
        Assert.Equal(hostUrl, page.Url); // the host page's URL is the host's (no sync-url)
        var org = reader.Locator("button[data-entity=organization][data-value=Kremlin]");
        await Assertions.Expect(org).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator(".facet:has(button[data-entity=organization]) .legend")).ToHaveTextAsync("Organisations");

        await reader.Locator("button[data-close-reader]").ClickAsync();
        await Assertions.Expect(reader).ToBeHiddenAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “grain corridor”"));
        Assert.Equal("True", await DeepActiveAsync(page, "el => el.matches('a[data-article]')"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. The home page.

    [SkippableFact]
    public async Task Home_page_shows_the_latest_period_latest_articles_and_quotes_examples_and_syntax_help()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/");
        var home = page.Locator($"{Widget} .home");
        await Assertions.Expect(home.Locator("h2").First).ToHaveTextAsync(new Regex("^Most mentioned, "));
        await Assertions.Expect(home.Locator("button[data-entity=person]").First).ToBeVisibleAsync();
        await Assertions.Expect(home.Locator("button[data-entity=country]").First).ToBeVisibleAsync();

        var latest = await ApiAsync("/api/search?pageSize=5&sort=date");
        var titles = latest.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToArray();
        await Assertions.Expect(home.Locator(".latest a[data-article]")).ToHaveTextAsync(titles);
        if (fixture.QuotesApiAvailable)
            Assert.True(await home.Locator(".latest-quotes blockquote").CountAsync() > 0);

        var tips = home.Locator("details.syntax");
        await Assertions.Expect(tips.Locator("dl")).ToBeHiddenAsync();
        await tips.Locator("summary").ClickAsync();
        await Assertions.Expect(tips.Locator("dl")).ToContainTextAsync("\"trade deal\"");

        await home.Locator("button[data-example='Putin']").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("q=Putin"));
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        await Assertions.Expect(home).ToBeHiddenAsync();

        await page.GoBackAsync();
        await Assertions.Expect(home).ToBeVisibleAsync();
        // A person opens its entity page, whose article count runs the search filtered by that person.
        var person = home.Locator("button[data-entity=person]").First;
        var name = await person.GetAttributeAsync("data-value");
        await person.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("entity=" + Param("person:" + name!)));
        await Assertions.Expect(page.Locator($"{Widget} article.entity h2")).ToHaveTextAsync(name!);
        await page.Locator($"{Widget} article.entity button[data-entity-search=articles]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("person=" + Param(name!)));
        var total = (await ApiAsync("/api/search?person=" + Uri.EscapeDataString(name!))).GetProperty("total").GetInt32();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{total} results?$"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. Coverage over time.

    [SkippableFact]
    public async Task Histogram_above_the_results_is_keyboard_reachable_described_and_a_bar_sets_the_dates()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        var histogram = page.Locator($"{Widget} .histogram");
        await Assertions.Expect(histogram).ToBeVisibleAsync();
        var bars = histogram.Locator("button.bar");
        Assert.True(await bars.CountAsync() >= 2);
        // Above the results; a text alternative (each bar's label and a summary).
        Assert.True(await page.EvaluateAsync<bool>(@"() => {
            const root = document.querySelector('summit-search').shadowRoot;
            return root.querySelector('.histogram').compareDocumentPosition(root.querySelector('ol.hits')) === Node.DOCUMENT_POSITION_FOLLOWING;
        }"));
        var summaryId = await histogram.Locator(".bars").GetAttributeAsync("aria-describedby");
        await Assertions.Expect(histogram.Locator($"#{summaryId}")).ToHaveTextAsync(new Regex(@"^\d+ dated articles? from .+ to .+; the most, \d+, in .+\.$"));
        await Assertions.Expect(bars.Last).ToHaveAttributeAsync("aria-label", new Regex(@"^.+: \d+ articles?$"));
        // One Tab stop; arrow keys, Home and End move between bars.
        Assert.Equal(1, await histogram.Locator("button.bar[tabindex='0']").CountAsync());
        await histogram.Locator("button.bar[tabindex='0']").FocusAsync();
        await page.Keyboard.PressAsync("End");
        var last = await bars.Last.GetAttributeAsync("data-period");
        Assert.Equal(last, await DeepActiveAsync(page, "el => el.dataset.period"));

        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains($"from={last}") && url.Contains($"to={last}"));
        var total = (await ApiAsync($"/api/search?q=Putin&from={last}&to={last}")).GetProperty("total").GetInt32();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{total} results? for “Putin”"));
        await Assertions.Expect(page.Locator($"{Widget} input[name=from]")).ToHaveValueAsync(last!);
        // Now the chart shows that period only.
        await Assertions.Expect(bars.First).ToHaveAttributeAsync("data-period", new Regex($"^{last}"));
        await Assertions.Expect(bars.Last).ToHaveAttributeAsync("data-period", new Regex($"^{last}"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. The embed on the first try.

    [SkippableFact]
    public async Task Embed_on_a_refused_origin_loads_and_tells_the_visitor_and_the_console_which_setting_to_add()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync(1280);
        var console = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") console.Add(message.Text); };

        await page.GotoAsync(fixture.RefusedOrigin + "/");

        // The module itself loads from any origin, so the element renders...
        await page.WaitForFunctionAsync("() => customElements.get('summit-search') !== undefined");
        await Assertions.Expect(Input(page)).ToBeVisibleAsync();
        // ...and says, before anyone searches, that this site is not set up, instead of blaming the network.
        var message = page.Locator($"{Widget} [role=alert]");
        await Assertions.Expect(message).ToHaveTextAsync(new Regex("^Search is not available on this site yet"));
        await Input(page).FillAsync("Putin");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(message).ToHaveTextAsync(new Regex("^Search is not available on this site yet"));
        var advice = console.FirstOrDefault(c => c.StartsWith("Summit search:", StringComparison.Ordinal));
        Assert.True(advice is not null, "console: " + string.Join(" | ", console));
        output.WriteLine(advice);
        Assert.Contains(fixture.RefusedOrigin, advice);
        Assert.Contains($"\"Search\": {{ \"AllowedOrigins\": [\"{fixture.RefusedOrigin}\"] }}", advice);
        Assert.Contains($"Search__AllowedOrigins__0={fixture.RefusedOrigin}", advice);
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "embed-refused-1280"));

        // The allowed site's embed is unaffected.
        var allowed = await fixture.NewPageAsync(1280);
        await allowed.GotoAsync(fixture.HostOrigin + "/");
        await Input(allowed).FillAsync("Putin");
        await Input(allowed).PressAsync("Enter");
        await Assertions.Expect(Status(allowed)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        await Assertions.Expect(allowed.Locator($"{Widget} [role=alert]")).ToBeHiddenAsync();
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6. Result fixes.

    [SkippableFact]
    public async Task Results_show_the_lead_for_a_filter_match_each_quote_once_the_query_quoted_once_and_the_original_text()
    {
        // A filter-only match (no words): the lead, not the venue line the body opens with.
        var venue = await ApiAsync("/api/articles/" + TestArticles.VenueId);
        var person = venue.GetProperty("persons").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).First();
        var page = await OpenAsync(fixture.ApiOrigin + "/?person=" + Param(person));
        var hit = Hits(page).Filter(new() { Has = page.Locator($"a[data-article='{TestArticles.VenueId}']") });
        await Assertions.Expect(hit.Locator(".snippet")).ToHaveTextAsync(TestArticles.VenueLead);

        // A phrase: the status line quotes it once; the article's contained quote shows once, as the longer.
        await page.GotoAsync(fixture.ApiOrigin + "/?q=" + Param("\"great neighbouring powers\""));
        await Assertions.Expect(Status(page)).ToHaveTextAsync("1 result for “great neighbouring powers”");
        var quotes = Hits(page).First.Locator("blockquote p");
        await Assertions.Expect(quotes).ToHaveTextAsync(["We are great neighbouring powers,"]);

        // Snippets are the article's own text, spaces and brackets included.
        var body = (await ApiAsync($"/api/articles/{TestArticles.SeedId}")).GetProperty("body").GetString()!;
        foreach (var snippet in await Hits(page).First.Locator(".snippet").AllInnerTextsAsync())
            Assert.Contains(snippet.Trim('…'), body);

        // An untitled article's title is cut after a phrase, with an ellipsis.
        var title = await Hits(page).First.Locator("h3").InnerTextAsync();
        Assert.EndsWith("Vladimir Putin…", title);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 7. Suggestions.

    [SkippableFact]
    public async Task Suggestions_are_grouped_under_headings_mark_the_typed_part_and_date_each_title()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/", 360);
        await Input(page).PressSequentiallyAsync("putin", new() { Delay = 30 });
        var listbox = page.Locator($"{Widget} [role=listbox]");
        await Assertions.Expect(listbox).ToBeVisibleAsync();

        var headings = await listbox.Locator("[role=group] > .group-label").AllInnerTextsAsync();
        output.WriteLine(string.Join(" | ", headings));
        Assert.Contains("PEOPLE", headings.Select(h => h.ToUpperInvariant()));
        Assert.Contains("ARTICLES", headings.Select(h => h.ToUpperInvariant()));
        Assert.Equal(headings.Count, headings.Distinct().Count()); // one group per kind
        var people = listbox.Locator("[role=group]").Filter(new() { HasText = "People" });
        await Assertions.Expect(people).ToHaveAttributeAsync("aria-labelledby", new Regex(".+"));
        await Assertions.Expect(people.Locator("[role=option] mark").First).ToHaveTextAsync(new Regex("^[Pp]utin$"));

        var suggest = await ApiAsync("/api/suggest?q=putin");
        var title = suggest.GetProperty("suggestions").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "title");
        var option = listbox.Locator("[role=option][data-kind=title]").Filter(new() { HasText = title.GetProperty("label").GetString()! }).First;
        var date = DateTimeOffset.Parse(title.GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(option.Locator(".sub")).ToContainTextAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(option.Locator(".sub")).ToContainTextAsync(title.GetProperty("source").GetString()!);
        await Assertions.Expect(option.Locator("mark").First).ToHaveTextAsync(new Regex("^[Pp]utin$"));
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "suggestions-360"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 8. Small items.

    [SkippableFact]
    public async Task Favicon_skip_link_in_a_landmark_singular_counts_and_date_fields_with_one_visible_Tab_stop_each()
    {
        fixture.RequireBrowser();
        using (var icon = await fixture.Api.GetAsync("/favicon.ico")) Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        var page = await fixture.NewPageAsync(1280);
        var missing = new List<string>();
        page.Response += (_, response) => { if (response.Status == 404) missing.Add(response.Url); };
        await page.GotoAsync(fixture.ApiOrigin + "/?q=" + Param("\"great neighbouring powers\""));
        await Assertions.Expect(Status(page)).ToHaveTextAsync("1 result for “great neighbouring powers”");
        Assert.Empty(missing);

        Assert.Equal(1, await page.Locator("header a.skip[href='#search']").CountAsync());
        // Screen-reader counts: "1 result", never "1 results".
        var one = page.Locator($"{Widget} .facet-groups .chip .count").Filter(new() { HasTextRegex = new Regex(@"^1\b") }).First;
        await Assertions.Expect(one.Locator(".vh")).ToHaveTextAsync(" result");

        var from = page.Locator($"{Widget} input[name=from]");
        var to = page.Locator($"{Widget} input[name=to]");
        await from.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("to", await DeepActiveAsync(page, "el => el.name"));
        Assert.NotEqual("none", await to.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));
        await page.Keyboard.PressAsync("Tab");
        Assert.NotEqual("to", await DeepActiveAsync(page, "el => el.name ?? ''"));
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.Equal("from", await DeepActiveAsync(page, "el => el.name"));
        Assert.NotEqual("none", await from.EvaluateAsync<string>("el => getComputedStyle(el).outlineStyle"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Screenshots and axe: the home page, a results page with the histogram and the reader, at 1280 and 360 px.

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Home_results_and_reader_have_no_axe_violations_of_any_impact(int width)
    {
        fixture.RequireBrowser();
        BrowserFixture.Require(File.Exists(fixture.AxeScriptPath) ? null
            : $"axe-core is missing at {fixture.AxeScriptPath}: run `bash .ci/install-browser.sh` (it installs axe-core with npm).");
        var page = await fixture.NewPageAsync(width, 900);
        var problems = new List<string>();

        await page.GotoAsync(fixture.ApiOrigin + "/");
        await Assertions.Expect(page.Locator($"{Widget} .home .latest a").First).ToBeVisibleAsync();
        await page.Locator($"{Widget} .home details.syntax summary").ClickAsync();
        problems.AddRange(await AxeAsync(page, $"home {width}"));
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, $"home-{width}"));

        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(page.Locator($"{Widget} .histogram button.bar").First).ToBeVisibleAsync();
        problems.AddRange(await AxeAsync(page, $"results {width}"));
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, $"results-histogram-{width}"));

        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin&article=" + TestArticles.SeedId);
        await Assertions.Expect(Reader(page).Locator(".body .quote").First).ToBeVisibleAsync();
        await Reader(page).Locator(".body .quote").First.FocusAsync();
        problems.AddRange(await AxeAsync(page, $"reader {width}"));
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, $"reader-{width}"));

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the reader scrolls sideways by {overflow}px at {width}px");
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    /// <summary>Every axe violation, of any impact.</summary>
    private Task<List<string>> AxeAsync(IPage page, string what) => WidgetPage.AxeAsync(page, fixture.AxeScriptPath, output, what);
}
