using System.Text.Json;
using Microsoft.Playwright;

namespace Summit.Tests.Browser;

/// <summary>What the browser tests find in a page with the element: its parts, and what has the focus (through shadow roots).</summary>
internal static class WidgetPage
{
    public const string Widget = "summit-search";

    public static ILocator Status(IPage page) => page.Locator($"{Widget} [role=status]");
    public static ILocator Input(IPage page) => page.Locator($"{Widget} input[role=combobox]");
    public static ILocator Hits(IPage page) => page.Locator($"{Widget} li.hit");

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
