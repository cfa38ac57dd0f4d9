using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Summit.Tests.Browser;

/// <summary>The widget embedded on a third-party origin, driven the way a reader would drive it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WidgetTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Widget = "summit-search";

    private async Task<IPage> OpenHostPageAsync(int width = 1280)
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync(width);
        var errors = new List<string>();
        page.PageError += (_, error) => output.WriteLine("page error: " + error);
        page.Console += (_, message) => { if (message.Type == "error") output.WriteLine("console: " + message.Text); };
        await page.GotoAsync(fixture.HostOrigin + "/");
        // The element upgrades only if the cross-origin module loaded (CORS on /summit-search.js).
        await page.WaitForFunctionAsync("() => customElements.get('summit-search') !== undefined");
        return page;
    }

    private const string ActiveOptionIsSelected = @"() => {
        const root = document.querySelector('summit-search')?.shadowRoot;
        const id = root?.querySelector('[role=combobox]')?.getAttribute('aria-activedescendant');
        return !!id && root.getElementById(id)?.getAttribute('aria-selected') === 'true';
    }";
    private const int HostPageSize = 3; // page-size on the host page, so a handful of articles makes two pages

    private static ILocator Input(IPage page) => page.Locator($"{Widget} input[role=combobox]");
    private static ILocator Status(IPage page) => page.Locator($"{Widget} [role=status]");
    private static ILocator Hits(IPage page) => page.Locator($"{Widget} li.hit");

    private async Task<int> ApiTotalAsync(string query)
    {
        using var doc = JsonDocument.Parse(await fixture.Api.GetStringAsync("/api/search?" + query));
        return doc.RootElement.GetProperty("total").GetInt32();
    }

    [SkippableFact]
    public async Task Typing_suggests_and_Enter_shows_highlighted_results()
    {
        var page = await OpenHostPageAsync();
        var input = Input(page);

        await input.PressSequentiallyAsync("Putin", new() { Delay = 30 });

        var listbox = page.Locator($"{Widget} [role=listbox]");
        await Assertions.Expect(listbox).ToBeVisibleAsync();
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        var options = listbox.Locator("[role=option]");
        Assert.True(await options.CountAsync() > 0);
        Assert.Contains("Putin", await options.AllInnerTextsAsync() is var texts ? string.Join("|", texts) : "");

        await input.PressAsync("Enter");

        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        Assert.True(await Hits(page).CountAsync() > 0);
        var marks = page.Locator($"{Widget} li.hit mark");
        Assert.True(await marks.CountAsync() > 0, "results should carry <mark> highlights");
        Assert.Equal("putin", (await marks.First.InnerTextAsync()).ToLowerInvariant());

        var expected = await ApiTotalAsync("q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{expected} results?"));
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "widget-1280"));
    }

    [SkippableFact]
    public async Task Picking_a_suggestion_opens_its_entity_page_filters_by_it_or_searches_for_it()
    {
        var page = await OpenHostPageAsync();
        await Input(page).PressSequentiallyAsync("Putin", new() { Delay = 30 });
        await Assertions.Expect(Input(page)).ToHaveAttributeAsync("aria-expanded", "true");
        await Input(page).PressAsync("ArrowDown");
        var option = page.Locator($"{Widget} [role=option][aria-selected=true]");
        var kind = await option.GetAttributeAsync("data-kind");
        var label = (await option.Locator(".label").InnerTextAsync()).Trim();

        await Input(page).PressAsync("Enter");

        if (kind is "person" or "organization" or "speaker")
        {
            // A person, organisation or speaker opens its entity page; the typed fragment is dropped.
            await Assertions.Expect(page.Locator($"{Widget} article.entity h2")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"{Widget} article.entity .kind")).ToHaveTextAsync(new Regex("^(Person|Organisation)$"));
            await Assertions.Expect(Input(page)).ToHaveValueAsync("");
        }
        else if (kind is "country")
        {
            // A picked name or country becomes a filter (shown, removable) and the typed fragment is dropped.
            using var suggest = JsonDocument.Parse(await fixture.Api.GetStringAsync("/api/suggest?q=Putin"));
            var value = suggest.RootElement.GetProperty("suggestions")[0].GetProperty("value").GetString()!;
            await Assertions.Expect(page.Locator($"{Widget} .selected button[data-dim={kind}]")).ToContainTextAsync(label);
            await Assertions.Expect(Input(page)).ToHaveValueAsync("");
            var path = kind == "speaker" ? "/api/quotes" : "/api/search";
            using var api = JsonDocument.Parse(await fixture.Api.GetStringAsync($"{path}?{kind}={Uri.EscapeDataString(value)}"));
            var total = api.RootElement.GetProperty("total").GetInt32();
            await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{total} (results?|quotes?)$"));
        }
        else
        {
            await Assertions.Expect(Input(page)).ToHaveValueAsync(label);
            await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for"));
            Assert.True(await Hits(page).CountAsync() > 0);
        }
    }

    [SkippableFact]
    public async Task A_late_answer_for_older_text_never_replaces_newer_suggestions()
    {
        var page = await OpenHostPageAsync();
        // The answer for "Pu" is held back until after the answer for "Putin" has arrived.
        await page.RouteAsync("**/api/suggest?**", async route =>
        {
            if (new Uri(route.Request.Url).Query.Contains("q=Pu&") || route.Request.Url.EndsWith("q=Pu"))
            {
                await Task.Delay(800);
                try
                {
                    await route.FulfillAsync(new()
                    {
                        Status = 200, ContentType = "application/json",
                        Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
                        Body = "{\"query\":\"Pu\",\"suggestions\":[{\"kind\":\"title\",\"value\":\"STALE\",\"label\":\"STALE\",\"count\":1}]}",
                    });
                }
                catch (PlaywrightException) { /* the widget aborted it: exactly what should happen */ }
            }
            else await route.ContinueAsync();
        });

        await Input(page).PressSequentiallyAsync("Pu");
        await page.WaitForTimeoutAsync(300); // past the debounce: the "Pu" request is in flight
        await Input(page).PressSequentiallyAsync("tin", new() { Delay = 20 });
        await Assertions.Expect(page.Locator($"{Widget} [role=listbox]")).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1000); // the held-back answer has had its chance

        await Assertions.Expect(page.Locator($"{Widget} [role=option]").Filter(new() { HasText = "STALE" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"{Widget} [role=option]").First).ToContainTextAsync("Putin");
    }

    [SkippableFact]
    public async Task Country_chip_narrows_results_to_the_API_total_for_that_filter()
    {
        var page = await OpenHostPageAsync();
        await Input(page).FillAsync("Putin");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        var before = await ApiTotalAsync("q=Putin");

        // Embedded in a column, the filters fold away behind a "Filters" button.
        await page.Locator($"{Widget} summary").ClickAsync();
        var chips = page.Locator($"{Widget} [part~=facet-country] button.chip");
        Assert.True(await chips.CountAsync() > 0, "the API returned no country facet for 'Putin' (is extraction finding countries?)");
        var chip = chips.Last; // the rarest country, so the filter visibly narrows
        var code = await chip.GetAttributeAsync("data-value");
        await chip.ClickAsync();

        var expected = await ApiTotalAsync("q=Putin&country=" + Uri.EscapeDataString(code!));
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{expected} results? for “Putin”"));
        Assert.True(expected <= before);
        await Assertions.Expect(Hits(page)).ToHaveCountAsync(Math.Min(expected, HostPageSize));
        await Assertions.Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");

        // The selected value stays visible and can be removed.
        var remove = page.Locator($"{Widget} .selected button[data-dim=country][data-value='{code}']");
        await Assertions.Expect(remove).ToBeVisibleAsync();
        await remove.ClickAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{before} results? for “Putin”"));
    }

    [SkippableFact]
    public async Task Facet_groups_and_their_labels_come_from_the_API_dimension_list()
    {
        var page = await OpenHostPageAsync();
        await Input(page).FillAsync("Putin");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        await page.Locator($"{Widget} summary").ClickAsync();
        var legends = page.Locator($"{Widget} .facet-groups .legend");
        // The schema's articles view: Country, Person, Source, Organisation (those with values for "Putin").
        await Assertions.Expect(legends.First).ToHaveTextAsync("Country");
        var shown = await legends.AllTextContentsAsync();
        Assert.Subset(new HashSet<string> { "Country", "Person", "Source", "Organisation" }, shown.ToHashSet());

        // Another server's list: only persons, under another label. The widget shows what the API says.
        var other = await fixture.NewPageAsync(1280);
        await other.RouteAsync("**/api/facets", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "application/json",
            Body = """{"articles":[{"name":"person","label":"People named","counted":true,"widget":true}],"quotes":[]}""",
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        }));
        await other.GotoAsync(fixture.HostOrigin + "/");
        await other.WaitForFunctionAsync("() => customElements.get('summit-search') !== undefined");
        await Input(other).FillAsync("Putin");
        await Input(other).PressAsync("Enter");
        await Assertions.Expect(Status(other)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        await other.Locator($"{Widget} summary").ClickAsync();
        await Assertions.Expect(other.Locator($"{Widget} .facet-groups .legend")).ToHaveTextAsync(["People named"]);
        Assert.Equal(0, await other.Locator($"{Widget} [part~=facet-country]").CountAsync());
    }

    [SkippableFact]
    public async Task Keyboard_alone_searches_and_reaches_a_result()
    {
        var page = await OpenHostPageAsync();

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("combobox", await DeepActiveAsync(page, "el => el.getAttribute('role')"));
        await page.Keyboard.TypeAsync("Putin", new() { Delay = 30 });
        var input = Input(page);
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");

        await page.Keyboard.PressAsync("ArrowDown");
        // The active descendant names an option that is shown selected, and stays so while later suggestion
        // responses for the same text land.
        await page.WaitForFunctionAsync(ActiveOptionIsSelected, null, new() { Timeout = 5000 });
        await page.WaitForTimeoutAsync(400);
        Assert.True(await page.EvaluateAsync<bool>(ActiveOptionIsSelected));

        await page.Keyboard.PressAsync("Escape"); // closes the list, keeps the text
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        await Assertions.Expect(input).ToHaveValueAsync("Putin");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));

        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await DeepActiveAsync(page, "el => !!el.closest('li.hit') && el.tagName === 'A'") == "True") break;
        }
        Assert.Equal("True", await DeepActiveAsync(page, "el => !!el.closest('li.hit') && el.tagName === 'A'"));
        output.WriteLine("focused result: " + await DeepActiveAsync(page, "el => el.textContent"));

        // Escape in an input with no open list clears it.
        await input.FocusAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(input).ToHaveValueAsync("");
    }

    [SkippableFact]
    public async Task Hostile_article_text_is_shown_as_text_and_never_runs()
    {
        var page = await OpenHostPageAsync();
        await Input(page).PressSequentiallyAsync(TestArticles.XssWord, new() { Delay = 20 });
        await page.WaitForTimeoutAsync(400); // let suggestions (which may name the hostile title) render
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for"));

        var hit = Hits(page).First;
        await Assertions.Expect(hit).ToContainTextAsync("<img src=x");
        await Assertions.Expect(hit.Locator("mark").First).ToBeVisibleAsync();
        await ShowQuotesAsync(page);
        await page.WaitForTimeoutAsync(300); // give any injected handler a chance to fire

        var shadow = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const root = document.querySelector('{{Widget}}').shadowRoot;
              return {
                img: root.querySelectorAll('img').length,
                script: root.querySelectorAll('script').length,
                svg: root.querySelectorAll('svg').length,
                bold: root.querySelectorAll('b, i').length,
                jsLinks: [...root.querySelectorAll('a')].filter(a => a.href.startsWith('javascript:')).length,
                flag: window.{{BrowserFixture.XssFlag}} ?? null,
              };
            }
            """);
        output.WriteLine(shadow.ToString());
        Assert.Equal(0, shadow.GetProperty("img").GetInt32());
        Assert.Equal(0, shadow.GetProperty("script").GetInt32());
        Assert.Equal(0, shadow.GetProperty("svg").GetInt32());
        Assert.Equal(0, shadow.GetProperty("bold").GetInt32());
        Assert.Equal(0, shadow.GetProperty("jsLinks").GetInt32());
        Assert.Equal(JsonValueKind.Null, shadow.GetProperty("flag").ValueKind);
    }

    [SkippableFact]
    public async Task Next_page_shows_the_rest_and_moves_focus_to_the_results()
    {
        var page = await OpenHostPageAsync();
        await Input(page).FillAsync("Putin");
        await Input(page).PressAsync("Enter");
        var total = await ApiTotalAsync("q=Putin");
        Assert.True(total > HostPageSize, $"need more than {HostPageSize} articles about Putin, the index has {total}");
        await Assertions.Expect(Hits(page)).ToHaveCountAsync(HostPageSize);
        var first = await Hits(page).First.Locator("h3").InnerTextAsync();

        await page.Locator($"{Widget} [part=pager] button[data-page=next]").ClickAsync();

        var pages = (total + HostPageSize - 1) / HostPageSize;
        await Assertions.Expect(page.Locator($"{Widget} .pageinfo")).ToHaveTextAsync($"Page 2 of {pages}");
        await Assertions.Expect(Hits(page)).ToHaveCountAsync(Math.Min(HostPageSize, total - HostPageSize));
        Assert.NotEqual(first, await Hits(page).First.Locator("h3").InnerTextAsync());
        Assert.Equal("Results", await DeepActiveAsync(page, "el => el.textContent"));
        await Assertions.Expect(page.Locator($"{Widget} [part=pager] button[data-page=prev]")).ToBeEnabledAsync();
    }

    [SkippableFact]
    public async Task Quotes_view_shows_who_said_what()
    {
        var page = await OpenHostPageAsync();
        await Input(page).FillAsync("grain corridor");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        if (!fixture.QuotesApiAvailable)
        {
            await ShowQuotesAsync(page);
            return;
        }

        using var api = JsonDocument.Parse(await fixture.Api.GetStringAsync("/api/quotes?q=grain+corridor&pageSize=3"));
        var total = api.RootElement.GetProperty("total").GetInt32();
        Assert.True(total > 0, "the API found no quote for 'grain corridor'");
        await ShowQuotesAsync(page);
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{total} quotes? for “grain corridor”"));
        var first = Hits(page).First;
        await Assertions.Expect(first.Locator("blockquote mark").First).ToBeVisibleAsync();
        var speaker = api.RootElement.GetProperty("hits")[0].GetProperty("speaker");
        if (speaker.ValueKind == JsonValueKind.String)
            await Assertions.Expect(first.Locator(".speaker")).ToHaveTextAsync("— " + speaker.GetString());
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "widget-1280-quotes"));
    }

    [SkippableFact]
    public async Task Raw_markup_from_a_broken_server_is_still_only_text()
    {
        // The real API escapes; this guards the widget's own rule in case a server ever does not.
        var page = await OpenHostPageAsync();
        const string evil = "<img src=x onerror=\\\"window." + BrowserFixture.XssFlag + "=5\\\"><script>window." + BrowserFixture.XssFlag + "=6</script>";
        var body = $$"""
            {"query":"x","total":1,"page":1,"pageSize":3,"tookMs":1,
             "hits":[{"id":"e","title":"{{evil}}","titleHtml":"<mark>x</mark>{{evil}}","date":null,"source":"{{evil}}",
               "dateline":"{{evil}}","url":"javascript:window.{{BrowserFixture.XssFlag}}=7","author":"{{evil}}","score":1,
               "snippets":["<mark>x</mark> {{evil}} <mark onclick=\"x\">y</mark> <b>z</b>"],
               "quotes":[{"text":"{{evil}}<mark>x</mark>","speaker":"{{evil}}"}],"speakers":[],"persons":[],"countries":[]}],
             "facets":{"country":[{"value":"{{evil}}","label":"{{evil}}","count":1,"selected":false}],"person":[],"speaker":[],"source":[]},
             "didYouMean":"{{evil}}"}
            """;
        await page.RouteAsync("**/api/search?**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "application/json", Body = body,
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*" },
        }));
        await Input(page).FillAsync("x");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync("1 result for “x”");
        await page.Locator($"{Widget} summary").ClickAsync();
        await page.WaitForTimeoutAsync(300);

        var shadow = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              const root = document.querySelector('{{Widget}}').shadowRoot;
              return {
                elements: root.querySelectorAll('img, script, b, mark[onclick]').length,
                marks: root.querySelectorAll('li.hit mark').length,
                jsLinks: [...root.querySelectorAll('a')].filter(a => a.getAttribute('href')?.startsWith('javascript:')).length,
                flag: window.{{BrowserFixture.XssFlag}} ?? null,
              };
            }
            """);
        output.WriteLine(shadow.ToString());
        Assert.Equal(0, shadow.GetProperty("elements").GetInt32());
        Assert.True(shadow.GetProperty("marks").GetInt32() >= 3);
        Assert.Equal(0, shadow.GetProperty("jsLinks").GetInt32());
        Assert.Equal(JsonValueKind.Null, shadow.GetProperty("flag").ValueKind);
        await Assertions.Expect(Hits(page).First).ToContainTextAsync("<img src=x onerror=");
    }

    [SkippableFact]
    public async Task Global_Voices_result_names_author_and_links_the_original()
    {
        var page = await OpenHostPageAsync();
        await Input(page).FillAsync("bloggers Cairo");
        await Input(page).PressAsync("Enter");
        var hit = Hits(page).Filter(new() { HasText = TestArticles.GlobalVoicesAuthor }).First;
        await Assertions.Expect(hit).ToBeVisibleAsync();
        await Assertions.Expect(hit.Locator($"a[href='{TestArticles.GlobalVoicesUrl}']").First).ToBeVisibleAsync();
        await Assertions.Expect(hit.Locator("a[rel~=license]")).ToHaveTextAsync("CC BY 3.0");
    }

    [SkippableFact]
    public async Task Errors_show_a_short_message_instead_of_a_broken_box()
    {
        var page = await OpenHostPageAsync();
        var message = page.Locator($"{Widget} [role=alert]");

        await page.RouteAsync("**/api/search?**", route => route.AbortAsync("connectionrefused"));
        await Input(page).FillAsync("Putin");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(message).ToHaveTextAsync(new Regex("Could not reach the search service"));
        await page.UnrouteAllAsync();

        await page.RouteAsync("**/api/search?**", route => route.FulfillAsync(new()
        {
            Status = 429,
            Headers = new Dictionary<string, string>
            {
                ["Retry-After"] = "7", ["Access-Control-Allow-Origin"] = "*", ["Access-Control-Expose-Headers"] = "Retry-After",
            },
            ContentType = "application/problem+json", Body = "{\"title\":\"Too many requests\",\"status\":429}",
        }));
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(message).ToHaveTextAsync("Too many searches right now. Try again in 7 seconds.");
        await page.UnrouteAllAsync();

        // A real 400 from the API: its ProblemDetails detail is what the reader sees.
        var bad = await fixture.Api.GetAsync("/api/search?q=Putin&from=not-a-date");
        Assert.Equal(400, (int)bad.StatusCode);
        var detail = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        await page.Locator($"{Widget} input[name=from]").EvaluateAsync(
            "el => { el.type = 'text'; el.value = 'not-a-date'; el.dispatchEvent(new Event('change')); }");
        await Assertions.Expect(message).ToHaveTextAsync(detail!);

        await Assertions.Expect(Input(page)).ToBeEditableAsync();
    }

    [SkippableFact]
    public async Task Widget_works_at_phone_width()
    {
        var page = await OpenHostPageAsync(360);
        await Input(page).FillAsync("Putin");
        await Input(page).PressAsync("Enter");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page scrolls sideways by {overflow}px at 360px");
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "widget-360"));

        await Input(page).FillAsync("");
        await Input(page).PressSequentiallyAsync("Puti", new() { Delay = 30 });
        await Assertions.Expect(page.Locator($"{Widget} [role=listbox]")).ToBeVisibleAsync();
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "widget-360-suggestions"));
    }

    /// <summary>Switches to the Quotes view; on a server without /api/quotes the toggle must disappear instead.</summary>
    internal static async Task ShowQuotesAsync(IPage page, bool available)
    {
        await page.Locator($"{Widget} button[data-view=quotes]").ClickAsync();
        if (available)
        {
            await Assertions.Expect(page.Locator($"{Widget} [role=status]")).ToHaveTextAsync(new Regex(@"^\d+ quotes?"));
        }
        else
        {
            await Assertions.Expect(page.Locator($"{Widget} [part~=tabs]")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator($"{Widget} [role=status]")).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        }
    }

    private Task ShowQuotesAsync(IPage page) => ShowQuotesAsync(page, fixture.QuotesApiAvailable);

    private static Task<string> DeepActiveAsync(IPage page, string projection) => WidgetPage.DeepActiveAsync(page, projection);
}
