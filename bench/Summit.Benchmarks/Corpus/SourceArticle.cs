namespace Summit.Benchmarks.Corpus;

/// <summary>A real article from one of the research corpora, reduced to what the scaler needs.</summary>
/// <param name="Places">Reuters PLACES codes (lowercase, hyphenated), first is primary; BBC articles get "uk".</param>
/// <param name="DatelinePlace">Reuters DATELINE place (e.g. "WASHINGTON"), if any.</param>
public sealed record SourceArticle(
    string Id,
    string Title,
    string Body,
    DateTimeOffset Date,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> People,
    string? DatelinePlace,
    string Corpus)
{
    public string PrimaryPlace => Places.Count > 0 ? Places[0] : "";
}
