using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Summit.Tests.Browser.WidgetPage;

namespace Summit.Tests.Browser;

/// <summary>
/// Entity pages (issue 15, item 2): a person or organisation from <c>GET /api/entities/{type}/{name}</c>, opened from
/// facet values, suggestions, reader chips and speaker names, on the search page and in the embedded widget.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EntityPageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static ILocator EntityPage(IPage page) => page.Locator($"{Widget} article.entity");
    private static ILocator Reader(IPage page) => page.Locator($"{Widget} article.reader");

    private Task<JsonElement> ApiAsync(string pathAndQuery) => ApiJsonAsync(fixture, pathAndQuery);

    private Task<JsonElement> EntityAsync(string type, string name) => ApiAsync($"/api/entities/{type}/{Uri.EscapeDataString(name)}");

    private async Task<int> TotalAsync(string path) => (await ApiAsync(path)).GetProperty("total").GetInt32();

    private Task<IPage> OpenAsync(string url, int width = 1280) => WidgetPage.OpenAsync(fixture, output, url, width);

    private static string Param(string value) => Uri.EscapeDataString(value).Replace("%20", "+");

    private static string[] Names(JsonElement list) => list.EnumerateArray().Select(v => v.GetProperty("value").GetString()!).ToArray();

    [SkippableFact]
    public async Task Entity_page_from_a_facet_value_shows_the_entity_as_the_API_has_it_and_Back_returns_to_the_results()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        var results = await Status(page).InnerTextAsync();
        // Beside each person's filter chip, a small button opens the person's page; the chip itself still filters.
        var about = page.Locator($"{Widget} [part~=facet-person] button.about").First;
        var name = (await about.GetAttributeAsync("data-value"))!;
        await Assertions.Expect(about).ToHaveAttributeAsync("aria-label", "About " + name);

        await about.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("entity=" + Param("person:" + name)) && url.Contains("q=Putin"));
        var entity = await EntityAsync("person", name);
        var shown = EntityPage(page);
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(entity.GetProperty("name").GetString()!);
        Assert.Equal("entity-title", await DeepActiveAsync(page, "el => el.id"));
        await Assertions.Expect(shown.Locator(".kind")).ToHaveTextAsync("Person");
        await Assertions.Expect(page.Locator($"{Widget} .panel")).ToBeHiddenAsync();
        foreach (var alias in entity.GetProperty("aliases").EnumerateArray())
            await Assertions.Expect(shown.Locator(".aliases")).ToContainTextAsync(alias.GetString()!);

        // The counts, as the API gives them.
        var articles = entity.GetProperty("articles").GetInt32();
        var quotes = entity.GetProperty("quotes").GetInt32();
        Assert.True(articles > 0);
        await Assertions.Expect(shown.Locator("button[data-entity-search=articles] strong")).ToHaveTextAsync(articles.ToString());
        await Assertions.Expect(shown.Locator(".stat").Nth(1).Locator("strong")).ToHaveTextAsync(quotes.ToString());

        // The timeline: a bar per period, each labelled; a summary; a table with every period, adding up to the months.
        var months = entity.GetProperty("months").EnumerateArray().Sum(m => m.GetProperty("count").GetInt32());
        var bars = shown.Locator(".histogram button.bar");
        Assert.True(await bars.CountAsync() >= 1);
        await Assertions.Expect(bars.Last).ToHaveAttributeAsync("aria-label", new Regex(@"^.+: \d+ articles?$"));
        var summaryId = await shown.Locator(".histogram .bars").GetAttributeAsync("aria-describedby");
        await Assertions.Expect(shown.Locator($"#{summaryId}")).ToHaveTextAsync(new Regex($@"^{months} dated articles? from .+ to .+; the most, \d+, in .+\.$"));
        var table = shown.Locator("details.table");
        await table.Locator("summary").ClickAsync();
        var cells = await table.Locator("tbody td").AllInnerTextsAsync();
        Assert.Equal(await bars.CountAsync(), cells.Count);
        Assert.Equal(months, cells.Sum(c => int.Parse(c, System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))));

        // Latest quotes, each with a link into the reader.
        var latest = entity.GetProperty("latestQuotes").GetArrayLength();
        await Assertions.Expect(shown.Locator(".latest-quotes blockquote")).ToHaveCountAsync(latest);
        await Assertions.Expect(shown.Locator(".latest-quotes a[data-article]")).ToHaveCountAsync(latest);

        // Co-mentioned persons (each an entity page) and countries (each a filter).
        var persons = Names(entity.GetProperty("persons")).Where(p => p != name).ToArray();
        Assert.Equal(persons, await shown.Locator(".related button[data-entity=person]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.value)"));
        Assert.Equal(Names(entity.GetProperty("countries")),
            await shown.Locator(".related button[data-entity=country]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.value)"));

        // Back: the results as they were, with the focus on the button that opened the page.
        await page.GoBackAsync();
        // Polled rather than awaited as a navigation: leaving the page rewrites the URL in place.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^(?!.*entity=)"), new() { Timeout = 20_000 });
        await Assertions.Expect(shown).ToBeHiddenAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(results);
        Assert.Equal("True", await DeepActiveAsync(page, $"el => el.matches('button.about') && el.dataset.value === {JsonSerializer.Serialize(name)}"));

        // The page's own Back button does the same.
        await about.ClickAsync();
        await Assertions.Expect(shown.Locator("button[data-close-reader]")).ToHaveTextAsync("← Back to results");
        await shown.Locator("button[data-close-reader]").ClickAsync();
        // Polled rather than awaited as a navigation: leaving the page rewrites the URL in place.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^(?!.*entity=)"), new() { Timeout = 20_000 });
        await Assertions.Expect(Status(page)).ToHaveTextAsync(results);
    }

    [SkippableFact]
    public async Task Organisation_page_from_its_facet_value_filters_by_organisation()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        var about = page.Locator($"{Widget} [part~=facet-organization] button.about").First;
        var name = (await about.GetAttributeAsync("data-value"))!;

        await about.ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("entity=" + Param("organization:" + name)));
        var entity = await EntityAsync("organization", name);
        var shown = EntityPage(page);
        await Assertions.Expect(shown.Locator(".kind")).ToHaveTextAsync("Organisation");
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(entity.GetProperty("name").GetString()!);
        var articles = entity.GetProperty("articles").GetInt32();
        await Assertions.Expect(shown.Locator("button[data-entity-search=articles] strong")).ToHaveTextAsync(articles.ToString());
        await shown.Locator("button[data-entity-search=articles]").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("organization=" + Param(name)) && !url.Contains("entity="));
        Assert.Equal(articles, await TotalAsync("/api/search?organization=" + Uri.EscapeDataString(name)));
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{articles} results?$"));
    }

    [SkippableFact]
    public async Task Entity_page_from_a_suggestion_in_the_widget_and_its_counts_countries_and_bars_run_the_matching_searches()
    {
        var page = await OpenAsync(fixture.HostOrigin + "/");
        var hostUrl = page.Url;
        async Task<ILocator> PickPersonAsync()
        {
            await Input(page).FillAsync("");
            await Input(page).PressSequentiallyAsync("putin", new() { Delay = 30 });
            var option = page.Locator($"{Widget} [role=option][data-kind=person]").First;
            await Assertions.Expect(option).ToBeVisibleAsync();
            await option.ClickAsync();
            await Assertions.Expect(EntityPage(page).Locator("h2")).ToBeVisibleAsync();
            return EntityPage(page);
        }

        var shown = await PickPersonAsync();
        var name = (await shown.Locator("h2").InnerTextAsync()).Trim();
        var entity = await EntityAsync("person", name);
        Assert.Equal(name, entity.GetProperty("name").GetString());
        Assert.Equal(hostUrl, page.Url); // the host page's URL stays the host's (no sync-url)
        await Assertions.Expect(Input(page)).ToHaveValueAsync("");

        // The article count: the articles filtered by that person, as many as the page said.
        await shown.Locator("button[data-entity-search=articles]").ClickAsync();
        var articles = await TotalAsync("/api/search?person=" + Uri.EscapeDataString(name));
        Assert.Equal(entity.GetProperty("articles").GetInt32(), articles);
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{articles} results?$"));
        await Assertions.Expect(page.Locator($"{Widget} .selected button[data-dim=person][data-value='{name}']")).ToBeVisibleAsync();

        // The quote count: the Quotes view filtered by that speaker.
        var quotes = entity.GetProperty("quotes").GetInt32();
        if (quotes > 0 && fixture.QuotesApiAvailable)
        {
            shown = await PickPersonAsync();
            await shown.Locator("button[data-entity-search=quotes]").ClickAsync();
            Assert.Equal(quotes, await TotalAsync("/api/quotes?speaker=" + Uri.EscapeDataString(name)));
            await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{quotes} quotes?$"));
        }

        // A country: that person's articles in the country, the count its chip shows.
        shown = await PickPersonAsync();
        var country = shown.Locator(".related button[data-entity=country]").First;
        var code = (await country.GetAttributeAsync("data-value"))!;
        var count = int.Parse(Regex.Match(await country.Locator(".count").InnerTextAsync(), @"\d+").Value);
        await country.ClickAsync();
        var inCountry = await TotalAsync($"/api/search?person={Uri.EscapeDataString(name)}&country={code}");
        Assert.Equal(count, inCountry);
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{inCountry} results?$"));

        // A bar of the timeline: that person's articles of that period.
        shown = await PickPersonAsync();
        var bar = shown.Locator(".histogram button.bar:not(.empty)").Last;
        var period = (await bar.GetAttributeAsync("data-period"))!;
        await bar.ClickAsync();
        var inPeriod = await TotalAsync($"/api/search?person={Uri.EscapeDataString(name)}&from={period}&to={period}");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{inPeriod} results?$"));
        await Assertions.Expect(page.Locator($"{Widget} input[name=from]")).ToHaveValueAsync(period);
    }

    [SkippableFact]
    public async Task Entity_pages_open_from_reader_chips_speaker_names_and_co_mentions_and_Back_returns_there()
    {
        const string id = "test-putin-erdogan";
        var page = await OpenAsync(fixture.ApiOrigin + "/?article=" + id);
        var reader = Reader(page);
        var title = "Putin and Erdogan discuss grain corridor in Ankara";
        await Assertions.Expect(reader.Locator("h2")).ToHaveTextAsync(title);

        // A reader chip.
        var chip = reader.Locator(".entity-groups button[data-entity=person]").First;
        var person = (await chip.GetAttributeAsync("data-value"))!;
        await chip.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("entity=" + Param("person:" + person)) && !url.Contains("article="));
        var shown = EntityPage(page);
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync((await EntityAsync("person", person)).GetProperty("name").GetString()!);
        await Assertions.Expect(shown.Locator("button[data-close-reader]")).ToHaveTextAsync("← Back to the article");

        // A co-mentioned person opens that person's page; Back returns to the first one, then to the article.
        var other = shown.Locator(".related button[data-entity=person]").First;
        var otherName = (await other.GetAttributeAsync("data-value"))!;
        await other.ClickAsync();
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(otherName);
        await Assertions.Expect(shown.Locator("button[data-close-reader]")).ToHaveTextAsync("← Back to " + person);
        await shown.Locator("button[data-close-reader]").ClickAsync();
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(person);
        Assert.Equal(otherName, await DeepActiveAsync(page, "el => el.dataset.value ?? ''"));
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(reader.Locator("h2")).ToHaveTextAsync(title);
        await page.WaitForURLAsync(url => url.Contains("article=" + id) && !url.Contains("entity="));
        Assert.Equal(person, await DeepActiveAsync(page, "el => el.dataset.value ?? ''"));

        // A speaker's name in the reader: a speaker is a person or an organisation, whichever the archive knows.
        var speaker = reader.Locator(".speakers button[data-entity=speaker]").First;
        var speakerName = (await speaker.GetAttributeAsync("data-value"))!;
        await speaker.ClickAsync();
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(speakerName);
        await page.WaitForURLAsync(url => url.Contains("entity=" + Param("person:" + speakerName)));

        // A speaker's name under a quote in the Quotes view.
        if (!fixture.QuotesApiAvailable) return;
        await page.GotoAsync(fixture.ApiOrigin + "/?q=grain+corridor&view=quotes");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ quotes? for"));
        var quoted = Hits(page).Locator(".speaker button[data-entity=speaker]").First;
        var quotedName = (await quoted.GetAttributeAsync("data-value"))!;
        await quoted.ClickAsync();
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync((await EntityAsync("person", quotedName)).GetProperty("name").GetString()!);
        // Its latest quotes open the reader, whose Back returns to the entity page.
        var link = shown.Locator(".latest-quotes a[data-article]").First;
        await link.ClickAsync();
        await Assertions.Expect(reader.Locator("h2")).ToBeVisibleAsync();
        await Assertions.Expect(reader.Locator("button[data-close-reader]")).ToHaveTextAsync("← Back to " + quotedName);
        await reader.Locator("button[data-close-reader]").ClickAsync();
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(quotedName);
        await shown.Locator("button[data-close-reader]").ClickAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ quotes? for “grain corridor”"));
    }

    [SkippableFact]
    public async Task Entity_page_works_from_the_keyboard_alone()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        var about = page.Locator($"{Widget} [part~=facet-person] button.about").First;
        var name = (await about.GetAttributeAsync("data-value"))!;
        await about.FocusAsync();

        await page.Keyboard.PressAsync("Enter");

        var shown = EntityPage(page);
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(name);
        Assert.Equal("entity-title", await DeepActiveAsync(page, "el => el.id"));
        // Tab reaches the counts, then the chart as one stop.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("articles", await DeepActiveAsync(page, "el => el.dataset.entitySearch ?? ''"));
        for (var i = 0; i < 5 && await DeepActiveAsync(page, "el => el.classList.contains('bar')") != "True"; i++)
            await page.Keyboard.PressAsync("Tab");
        Assert.Equal("True", await DeepActiveAsync(page, "el => el.classList.contains('bar')"));
        Assert.Equal(1, await shown.Locator("button.bar[tabindex='0']").CountAsync());
        await page.Keyboard.PressAsync("Home");
        var first = await shown.Locator("button.bar").First.GetAttributeAsync("data-period");
        Assert.Equal(first, await DeepActiveAsync(page, "el => el.dataset.period"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("SUMMARY", await DeepActiveAsync(page, "el => el.tagName"));

        // Escape returns to the results, focus on the button that opened the page.
        await page.Keyboard.PressAsync("Escape");
        // Polled rather than awaited as a navigation: leaving the page rewrites the URL in place.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^(?!.*entity=)"), new() { Timeout = 20_000 });
        await Assertions.Expect(shown).ToBeHiddenAsync();
        Assert.Equal("True", await DeepActiveAsync(page, "el => el.matches('button.about')"));

        // Enter on a bar runs the search of that period.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(name);
        await shown.Locator("button.bar[tabindex='0']").FocusAsync();
        await page.Keyboard.PressAsync("End");
        var last = (await shown.Locator("button.bar").Last.GetAttributeAsync("data-period"))!;
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.Contains("person=" + Param(name)) && url.Contains("from=" + last) && !url.Contains("entity="));
        var total = await TotalAsync($"/api/search?person={Uri.EscapeDataString(name)}&from={last}&to={last}");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex($"^{total} results?$"));
    }

    [SkippableFact]
    public async Task Unknown_names_get_a_short_message_and_an_entity_without_quotes_or_dates_says_so()
    {
        var page = await OpenAsync(fixture.ApiOrigin + "/?entity=" + Param("person:Nobody Anywhere"));
        var shown = EntityPage(page);
        await Assertions.Expect(shown.Locator(".missing")).ToHaveTextAsync("There is no person called “Nobody Anywhere” in the archive.");
        await Assertions.Expect(page.Locator($"{Widget} [role=alert]")).ToBeHiddenAsync();
        await shown.Locator("button[data-example]").ClickAsync();
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex("^\\d+ results? for “Nobody Anywhere”"));

        // The same page with aliases, without quotes and without dates (the answer is changed on its way to the page).
        await page.RouteAsync("**/api/entities/**", async route =>
        {
            var response = await route.FetchAsync();
            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.TextAsync())!;
            json["quotes"] = 0;
            json["latestQuotes"] = new System.Text.Json.Nodes.JsonArray();
            json["months"] = new System.Text.Json.Nodes.JsonArray();
            json["aliases"] = new System.Text.Json.Nodes.JsonArray("Putin", "President Putin");
            await route.FulfillAsync(new() { Response = response, Body = json.ToJsonString() });
        });
        // Any case of a name opens the page; the URL then names it as the archive does.
        var putin = await EntityAsync("person", "vladimir putin");
        output.WriteLine("aliases of Vladimir Putin: " + putin.GetProperty("aliases"));
        await page.GotoAsync(fixture.ApiOrigin + "/?entity=" + Param("person:vladimir putin"));
        await Assertions.Expect(shown.Locator("h2")).ToHaveTextAsync(putin.GetProperty("name").GetString()!);
        await page.WaitForURLAsync(url => url.Contains("entity=" + Param("person:Vladimir Putin"))); // the canonical name
        await Assertions.Expect(shown.Locator(".aliases")).ToHaveTextAsync("Also written as Putin, President Putin");
        await Assertions.Expect(shown.Locator(".timeline .empty")).ToHaveTextAsync(new Regex("^None of the articles about .+ has a date\\.$"));
        await Assertions.Expect(shown.Locator(".latest-quotes .empty")).ToHaveTextAsync(new Regex("^No quotes by .+ in the archive\\.$"));
        Assert.Equal(0, await shown.Locator("button[data-entity-search=quotes]").CountAsync());
        await Assertions.Expect(shown.Locator(".stat").Nth(1)).ToHaveTextAsync(new Regex("^0\\s*quotes"));
    }

    [SkippableTheory]
    [InlineData(1280)]
    [InlineData(360)]
    public async Task Entity_page_has_no_axe_violations_of_any_impact(int width)
    {
        fixture.RequireBrowser();
        BrowserFixture.Require(File.Exists(fixture.AxeScriptPath) ? null
            : $"axe-core is missing at {fixture.AxeScriptPath}: run `bash .ci/install-browser.sh` (it installs axe-core with npm).");
        var page = await fixture.NewPageAsync(width, 900);
        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin");
        var about = page.Locator($"{Widget} [part~=facet-person] button.about").First;
        if (width < 760) await page.Locator($"{Widget} .facets > summary").ClickAsync();
        await about.ClickAsync();
        var shown = EntityPage(page);
        await Assertions.Expect(shown.Locator(".histogram button.bar").First).ToBeVisibleAsync();
        await shown.Locator("details.table summary").ClickAsync();
        await shown.Locator("button.bar[tabindex='0']").FocusAsync();

        var problems = await AxeAsync(page, $"entity {width}");
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, $"entity-{width}"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the entity page scrolls sideways by {overflow}px at {width}px");
        Assert.True(problems.Count == 0, string.Join("; ", problems));
    }

    /// <summary>Every axe violation, of any impact.</summary>
    private Task<List<string>> AxeAsync(IPage page, string what) => WidgetPage.AxeAsync(page, fixture.AxeScriptPath, output, what);
}
