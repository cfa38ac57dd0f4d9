namespace Summit.Engine.Articles;

/// <summary>One news article as read from a file, before extraction.</summary>
/// <param name="Id">Stable id: given by the file, or derived from the file path and position.</param>
/// <param name="Body">Body text used for search and snippets; a wire dateline has been removed from it.</param>
/// <param name="Dateline">Place named by a wire dateline (<c>Moscow (AFP) - …</c> gives <c>Moscow</c>), if any.</param>
public sealed record Article(
    string Id,
    string Title,
    string Body,
    DateTimeOffset? Date = null,
    string? Source = null,
    string? Url = null,
    string? Author = null,
    string? Dateline = null);
