using Summit.Indexer.Articles;

namespace Summit.Indexer.Extraction;

/// <summary>
/// Finds quotes with their speakers, persons and places in an article. Thread-safe: one instance serves
/// every indexing thread. Never throws on any text.
/// </summary>
public sealed class Extractor
{
    public static Extractor Default { get; } = new();

    // Placeholder until the extraction pipeline lands: pairs straight and curly double quotes only.
    public ArticleFacts Extract(Article article)
    {
        var body = article.Body;
        var quotes = new List<Quote>();
        var open = -1;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (open < 0 && (c == '"' || c == '\u201C')) open = i;
            else if (open >= 0 && (c == '"' || c == '\u201D'))
            {
                if (i - open > 1) quotes.Add(new Quote(open + 1, i, body[(open + 1)..i], null));
                open = -1;
            }
        }
        return ArticleFacts.Empty with { Quotes = quotes };
    }
}
