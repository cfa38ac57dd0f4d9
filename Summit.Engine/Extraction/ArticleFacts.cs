using System.Text.Json.Serialization;

namespace Summit.Engine.Extraction;

/// <summary>A character span in the article body: UTF-16 offsets, end exclusive.</summary>
public readonly record struct Span(int Start, int End);

/// <summary>A quotation in the body (offsets exclude the quotation marks) and who said it, if known.</summary>
/// <param name="Speaker">Canonical speaker name; a description ("analysts") when the quote names nobody (see
/// <see cref="ArticleFacts.IsName"/>); never a bare pronoun; null when unattributed.</param>
public sealed record Quote(int Start, int End, string Text, string? Speaker)
{
    /// <summary>
    /// When <see cref="Speaker"/> is a role description ("Tory leader"), the one person the article names in that role
    /// ("Michael Howard"): who the quote is by in the speaker facet. Null otherwise.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RoleHolder { get; init; }

    /// <summary>Who the quote is by as the speaker facet counts it: the role's holder, else the speaker.</summary>
    [JsonIgnore]
    public string? FacetSpeaker => RoleHolder ?? Speaker;
}

/// <summary>A person mentioned in the article under one canonical full name, with every mention.</summary>
public sealed record PersonMention(string Name, IReadOnlyList<Span> Mentions);

/// <summary>A place mentioned in the article, resolved to an ISO 3166-1 alpha-2 country code.</summary>
public sealed record PlaceMention(string Name, string Country, IReadOnlyList<Span> Mentions);

/// <summary>What the extractor found in one article. Offsets index <see cref="Articles.Article.Body"/>.</summary>
public sealed record ArticleFacts(
    IReadOnlyList<Quote> Quotes,
    IReadOnlyList<PersonMention> Persons,
    IReadOnlyList<PlaceMention> Places,
    IReadOnlyList<string> Countries)
{
    public static ArticleFacts Empty { get; } = new([], [], [], []);

    /// <summary>Organisations named in the article (parties, companies, agencies, media, armed groups).</summary>
    public IReadOnlyList<OrganizationMention> Organizations { get; init; } = [];

    /// <summary>
    /// The body's sentences as <see cref="SentenceSplitter.Split(string)"/> cuts them, found on the way (the finders
    /// work sentence by sentence); null when extraction did not run. The index stores them so a hit's snippet does
    /// not cut its body again. Not part of the facts' JSON.
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<(int Start, int End)>? BodySentences { get; init; }

    /// <summary>
    /// Distinct named speakers (<see cref="IsName"/>), in order of first quote: the speaker facet. A quote by a role
    /// description counts under the person holding the role (<see cref="Quote.RoleHolder"/>).
    /// </summary>
    public IReadOnlyList<string> Speakers =>
        Quotes.Select(q => q.FacetSpeaker).Where(IsName).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// True for a speaker that names someone: a person, organisation or government, written with a capital
    /// ("Vladimir Putin", "Kremlin"). When a quote names nobody, the resolver keeps the description it found
    /// ("analysts", "a company spokesman"); that stays on the quote, but a facet of such words would be noise.
    /// </summary>
    public static bool IsName(string? speaker) => speaker is { Length: > 0 } && char.IsUpper(speaker[0]);
}
