using Summit.Engine.Articles;

namespace Summit.Tests.Browser;

/// <summary>The articles the browser tests search, and the third-party page that embeds the widget.</summary>
internal static class TestArticles
{
    public const string SeedId = "000_270a9acb2966ab58";
    public const string XssId = "test-xss";
    public const string XssWord = "Zanzibar";
    public const string GlobalVoicesId = "test-gv";
    public const string GlobalVoicesAuthor = "Amira Haddad";
    public const string GlobalVoicesUrl = "https://globalvoices.org/2012/05/10/test-article/";
    public const string VenueId = "test-venue";
    public const string VenueLead = "President Joe Biden welcomed President Xi Jinping of China to the summit on Wednesday afternoon.";

    public static IEnumerable<Article> All(string repoRoot)
    {
        yield return Seed(repoRoot);

        yield return new Article(
            "test-putin-erdogan",
            "Putin and Erdogan discuss grain corridor in Ankara",
            "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Ankara on Monday. " +
            "\"We have agreed to keep the grain corridor open,\" Putin told reporters after the talks in Turkey. " +
            "Erdogan said Turkey would continue to mediate between Russia and Ukraine.",
            new DateTimeOffset(2023, 9, 4, 10, 0, 0, TimeSpan.Zero), "AFP", Dateline: "Ankara");

        yield return new Article(
            "test-putin-macron",
            "Macron calls Putin about Ukraine",
            "French President Emmanuel Macron spoke by phone with Russian President Vladimir Putin on Friday. " +
            "\"France will not accept a frozen conflict,\" Macron said after the call from Paris. " +
            "The Kremlin said Putin had explained Russia's position on Ukraine.",
            new DateTimeOffset(2022, 3, 11, 15, 30, 0, TimeSpan.Zero), "AFP", Dateline: "Paris");

        yield return new Article(
            "test-biden-trudeau",
            "Biden and Trudeau talk climate and trade",
            "President Joe Biden spoke with Canadian Prime Minister Justin Trudeau about climate change and trade. " +
            "\"Canada is our closest partner,\" Biden said in Washington.",
            new DateTimeOffset(2021, 1, 22, 18, 0, 0, TimeSpan.Zero), "White House",
            Url: "https://www.whitehouse.gov/briefing-room/statements-releases/2021/01/22/test/");

        yield return new Article(
            GlobalVoicesId,
            "Egypt: Bloggers react to Putin visit",
            "Bloggers in Cairo, Egypt, reacted to news of a possible visit by Vladimir Putin. " +
            "\"We want to hear about bread, not about summits,\" one blogger wrote.",
            new DateTimeOffset(2012, 5, 10, 8, 0, 0, TimeSpan.Zero), "Global Voices", GlobalVoicesUrl,
            GlobalVoicesAuthor);

        // A body that opens with a venue and a place line, as transcripts do: a filter-only match must show its lead.
        yield return new Article(
            VenueId,
            "Remarks by President Biden and President Xi before their meeting",
            "Moscone Convention Center\nSan Francisco, California\n\n" + VenueLead + "\n" +
            "Xi Jinping said the two countries should manage their differences.",
            new DateTimeOffset(2023, 11, 15, 20, 0, 0, TimeSpan.Zero), "White House",
            Url: "https://www.whitehouse.gov/briefing-room/speeches-remarks/2023/11/15/test/");

        // Hostile text in every field a result shows: it must be displayed as text and never run.
        const string payload = "<img src=x onerror=\"window." + BrowserFixture.XssFlag + "=1\">";
        yield return new Article(
            XssId,
            payload + " Zanzibar harbour <script>window." + BrowserFixture.XssFlag + "=2</script> report",
            "Officials in Zanzibar, Tanzania, opened the new harbour. " + payload +
            " \"Zanzibar <b>welcomes</b> " + payload + " every ship,\" the minister said. " +
            "Zanzibar <svg onload=\"window." + BrowserFixture.XssFlag + "=3\"></svg> traders were pleased.",
            new DateTimeOffset(2024, 2, 1, 9, 0, 0, TimeSpan.Zero), "AFP <i>wire</i>",
            Url: "javascript:window." + BrowserFixture.XssFlag + "=4", Author: payload);
    }

    /// <summary>The seed article, read by the real reader (which takes the wire dateline off the body).</summary>
    private static Article Seed(string repoRoot) =>
        ArticleReader.Read(Path.Combine(repoRoot, "seeds", SeedId + ".txt")).OfType<ArticleRead>().Single().Article;

    /// <summary>A third-party page on another origin, embedding the widget with the documented two lines and a theme.</summary>
    public static string HostPage(string apiOrigin) => $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Example Gazette</title>
          <style>
            body { margin: 0; font-family: Georgia, serif; background: #fbfaf7; color: #222; }
            header { padding: 1rem 1.25rem; border-bottom: 3px double #222; }
            main { max-width: 44rem; margin: 0 auto; padding: 1rem; }
            summit-search { --summit-accent: #8a1c1c; --summit-radius: 4px; }
          </style>
          <script type="module" src="{{apiOrigin}}/summit-search.js"></script>
        </head>
        <body>
          <header><strong>Example Gazette</strong></header>
          <main>
            <h1>Search our archive</h1>
            <summit-search endpoint="{{apiOrigin}}" placeholder="Search articles and quotes" page-size="3"></summit-search>
          </main>
        </body>
        </html>
        """;
}
