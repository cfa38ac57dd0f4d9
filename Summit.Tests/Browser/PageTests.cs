using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Summit.Tests.Browser;

/// <summary>The search page at <c>/</c>: the same element, with its state in the URL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Widget = "summit-search";

    private static ILocator Status(IPage page) => page.Locator($"{Widget} [role=status]");

    [SkippableFact]
    public async Task Page_restores_a_search_from_the_URL_and_the_back_button_undoes_a_filter()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin");

        await Assertions.Expect(page.Locator("header")).ToContainTextAsync("Summit");
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("CC BY 3.0");
        await Assertions.Expect(page.Locator($"{Widget} input[role=combobox]")).ToHaveValueAsync("Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results? for “Putin”"));
        var unfiltered = await Status(page).InnerTextAsync();
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "page-1280"));

        // Any filter will do here (country, person or source): this is about the URL, not about extraction.
        var chip = page.Locator($"{Widget} .facet-groups button.chip").Last;
        var dim = await chip.GetAttributeAsync("data-dim");
        var value = await chip.GetAttributeAsync("data-value");
        var param = $"{dim}={Uri.EscapeDataString(value!).Replace("%20", "+")}";
        await chip.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(param));
        await Assertions.Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        var selected = page.Locator($"{Widget} .selected button[data-dim={dim}]");

        await page.GoBackAsync();
        await page.WaitForURLAsync(url => !url.Contains(param));
        await Assertions.Expect(Status(page)).ToHaveTextAsync(unfiltered);
        await Assertions.Expect(selected).ToHaveCountAsync(0);

        await page.GoForwardAsync();
        await page.WaitForURLAsync(url => url.Contains(param));
        await Assertions.Expect(selected).ToHaveCountAsync(1);
    }

    [SkippableFact]
    public async Task A_filter_toggled_from_the_keyboard_keeps_the_focus()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        var chip = page.Locator($"{Widget} .facet-groups button.chip").First;
        var value = await chip.GetAttributeAsync("data-value");
        await chip.FocusAsync();

        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains(Uri.EscapeDataString(value!).Replace("%20", "+")));
        var focused = $"{Widget} .facet-groups button.chip:focus";
        await Assertions.Expect(page.Locator(focused)).ToHaveAttributeAsync("data-value", value!);
        await Assertions.Expect(page.Locator(focused)).ToHaveAttributeAsync("aria-pressed", "true");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator(focused)).ToHaveAttributeAsync("aria-pressed", "false");
    }

    [SkippableFact]
    public async Task Page_at_phone_width_has_no_sideways_scroll()
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync(360, 780);
        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"page scrolls sideways by {overflow}px at 360px");
        output.WriteLine("screenshot: " + await fixture.ScreenshotAsync(page, "page-360"));
    }

    [SkippableFact]
    public async Task Axe_finds_no_serious_or_critical_violations()
    {
        fixture.RequireBrowser();
        BrowserFixture.Require(File.Exists(fixture.AxeScriptPath) ? null
            : $"axe-core is missing at {fixture.AxeScriptPath}: run `bash .ci/install-browser.sh` (it installs axe-core with npm).");

        var page = await fixture.NewPageAsync();
        await page.GotoAsync(fixture.ApiOrigin + "/?q=Putin");
        await Assertions.Expect(Status(page)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        // Open the suggestion list too, so the combobox is checked in its expanded state.
        var input = page.Locator($"{Widget} input[role=combobox]");
        await input.FillAsync("");
        await input.PressSequentiallyAsync("Puti", new() { Delay = 20 });
        await Assertions.Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Keyboard.PressAsync("ArrowDown");
        await AssertNoSeriousViolationsAsync(page, "page");

        var embedded = await fixture.NewPageAsync(360, 780);
        await embedded.GotoAsync(fixture.HostOrigin + "/");
        var box = embedded.Locator($"{Widget} input[role=combobox]");
        await box.FillAsync("Putin");
        await box.PressAsync("Enter");
        await Assertions.Expect(Status(embedded)).ToHaveTextAsync(new Regex(@"^\d+ results?"));
        await WidgetTests.ShowQuotesAsync(embedded, fixture.QuotesApiAvailable);
        await AssertNoSeriousViolationsAsync(embedded, "embedded widget");
    }

    private async Task AssertNoSeriousViolationsAsync(IPage page, string what)
    {
        // Evaluated through the browser's debugging protocol: the page's Content-Security-Policy (script-src 'self')
        // rightly refuses an injected inline <script>.
        await page.EvaluateAsync(await File.ReadAllTextAsync(fixture.AxeScriptPath));
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map(n => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        foreach (var v in list) output.WriteLine($"{what}: {v}");
        Assert.True(list.Count == 0, $"axe on the {what}: " + string.Join("; ", list));
    }
}
