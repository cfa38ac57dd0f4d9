using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Summit.Tests.Browser;

/// <summary>What the browser tests find in a page with the element: its parts, and what has the focus (through shadow roots).</summary>
internal static class WidgetPage
{
    public const string Widget = "summit-search";

    public static ILocator Status(IPage page) => page.Locator($"{Widget} [role=status]");
    public static ILocator Input(IPage page) => page.Locator($"{Widget} input[role=combobox]");
    public static ILocator Hits(IPage page) => page.Locator($"{Widget} li.hit");

    /// <summary>An API answer as JSON, straight from the API (not through the page).</summary>
    public static async Task<JsonElement> ApiJsonAsync(BrowserFixture fixture, string pathAndQuery)
    {
        // The fixture starts the API only with a browser: without one the test is skipped, not failed.
        fixture.RequireBrowser();
        using var doc = JsonDocument.Parse(await fixture.Api.GetStringAsync(pathAndQuery));
        return doc.RootElement.Clone();
    }

    /// <summary>A new page at <paramref name="url"/> once the element is defined; page errors go to the test output.</summary>
    public static async Task<IPage> OpenAsync(BrowserFixture fixture, ITestOutputHelper output, string url, int width = 1280)
    {
        fixture.RequireBrowser();
        var page = await fixture.NewPageAsync(width);
        page.PageError += (_, error) => output.WriteLine("page error: " + error);
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => customElements.get('summit-search') !== undefined");
        return page;
    }

    /// <summary>Every axe-core violation on the page, of any impact, one line each (also written to the test output).</summary>
    public static async Task<List<string>> AxeAsync(IPage page, string axeScriptPath, ITestOutputHelper output, string what)
    {
        await page.EvaluateAsync(await File.ReadAllTextAsync(axeScriptPath));
        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map(v => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map(n => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
            }
            """);
        var list = violations.EnumerateArray().Select(v => $"{what}: {v.GetString()}").ToList();
        output.WriteLine($"axe {what}: {list.Count} violations");
        foreach (var v in list) output.WriteLine(v);
        return list;
    }

    /// <summary><paramref name="projection"/> (a JS function of the element) applied to the focused element, looking
    /// into shadow roots: "True"/"False" for booleans, "" for none.</summary>
    public static async Task<string> DeepActiveAsync(IPage page, string projection)
    {
        var result = await page.EvaluateAsync<JsonElement>($$"""
            () => {
              let el = document.activeElement;
              while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
              return el ? ({{projection}})(el) : null;
            }
            """);
        return result.ValueKind switch
        {
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Null => "",
            _ => result.ToString(),
        };
    }
}
