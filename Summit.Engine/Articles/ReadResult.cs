namespace Summit.Engine.Articles;

/// <summary>One outcome of reading article files: an article, or a reported failure.</summary>
public abstract record ReadResult(string File);

/// <summary>An article read from <paramref name="File"/> (at <paramref name="Line"/> for JSONL), with any
/// non-fatal warnings (e.g. an unreadable date that was dropped).</summary>
public sealed record ArticleRead(string File, int? Line, Article Article, IReadOnlyList<string> Warnings) : ReadResult(File);

/// <summary>A file or line that could not be read as an article, and why, in words a person understands.</summary>
public sealed record ReadFailure(string File, int? Line, string Reason) : ReadResult(File)
{
    public override string ToString() => Line is { } line ? $"{File}:{line}: {Reason}" : $"{File}: {Reason}";
}
