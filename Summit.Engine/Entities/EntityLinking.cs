using Summit.Engine.Extraction;

namespace Summit.Engine.Entities;

/// <summary>
/// Applies an <see cref="EntityRegistry"/> to an article's facts: what the <c>extract</c> command writes and what
/// the searcher shows as facet values. The index keeps the extractor's own forms; the registry of the current
/// index maps them, so when later articles change what a form means, every article follows at the next commit.
/// </summary>
public static class EntityLinking
{
    /// <summary>The person forms of a set of articles with the number of articles using each: a registry's input.</summary>
    public static Dictionary<string, int> FormCounts(IEnumerable<ArticleFacts> articles)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var facts in articles)
            foreach (var form in FormsOf(facts))
                counts[form] = counts.GetValueOrDefault(form) + 1;
        return counts;
    }

    /// <summary>The organisation names of a set of articles with the number of articles naming each.</summary>
    public static Dictionary<string, int> OrganizationCounts(IEnumerable<ArticleFacts> articles)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var facts in articles)
            foreach (var name in facts.Organizations.Select(o => o.Name).Distinct(StringComparer.Ordinal))
                counts[name] = counts.GetValueOrDefault(name) + 1;
        return counts;
    }

    /// <summary>A registry of the persons and organisations of a set of articles.</summary>
    public static EntityRegistry RegistryOf(IReadOnlyCollection<ArticleFacts> articles) =>
        EntityRegistry.Build(FormCounts(articles), OrganizationCounts(articles));

    /// <summary>The evidence that resolves a set of articles' ambiguous surnames (<see cref="SurnameEvidence"/>), with
    /// each article's date.</summary>
    public static SurnameEvidence EvidenceOf(EntityRegistry registry, IEnumerable<(ArticleFacts Facts, DateTimeOffset? Date)> articles)
    {
        var builder = new SurnameEvidence.Builder(registry);
        if (!builder.IsNeeded) return builder.Build();
        foreach (var (facts, date) in articles) builder.Add(SurnameEvidence.PersonsOf(registry, FormsOf(facts)), SurnameEvidence.YearOf(date));
        return builder.Build();
    }

    /// <summary>An article's distinct person forms: its persons and its named speakers.</summary>
    public static IEnumerable<string> FormsOf(ArticleFacts facts) =>
        facts.Persons.Select(p => p.Name).Concat(facts.Speakers).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// The facts with persons under their entities' canonical names (two forms of one entity become one person with
    /// both forms' mentions), persons that are no entity or an unresolved bare surname left out, and each quote's
    /// speaker under its entity's name when it has one. <paramref name="evidence"/> holds the article's ambiguous forms
    /// its evidence resolved (<see cref="SurnameEvidence.ResolveArticle"/>).
    /// </summary>
    public static ArticleFacts Link(ArticleFacts facts, EntityRegistry registry, IReadOnlyDictionary<string, Entity>? evidence = null)
    {
        var persons = new List<PersonMention>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in facts.Persons)
        {
            if (ResolvePerson(person.Name, registry, evidence) is not { } entity) continue;
            if (index.TryGetValue(entity.Name, out var at))
                persons[at] = persons[at] with { Mentions = [.. persons[at].Mentions.Concat(person.Mentions).Distinct().OrderBy(s => s.Start)] };
            else
            {
                index[entity.Name] = persons.Count;
                persons.Add(person with { Name = entity.Name });
            }
        }
        string? Linked(string? name) => name is not null && Resolve(name, registry, evidence) is { } e ? e.Name : name;
        // A role's holder ("Michael Howard" for "the Tory leader") is a person of the article like a named speaker.
        var quotes = facts.Quotes.Select(q => q with { Speaker = Linked(q.Speaker), RoleHolder = Linked(q.RoleHolder) }).ToList();
        return facts with { Persons = persons, Quotes = quotes };
    }

    /// <summary>The person a form of an article is: by the registry, or by the article's evidence. Hits apply the same
    /// rule, and <see cref="Resolve"/>'s, through a memo of the registry's answers (ArchiveEntities.PersonOf and SpeakerOf):
    /// a change here goes there too.</summary>
    public static Entity? ResolvePerson(string form, EntityRegistry registry, IReadOnlyDictionary<string, Entity>? evidence) =>
        registry.ResolvePerson(form) ?? evidence?.GetValueOrDefault(form);

    /// <summary>The person or organisation a speaker form of an article is (<see cref="EntityRegistry.Resolve"/>).</summary>
    public static Entity? Resolve(string form, EntityRegistry registry, IReadOnlyDictionary<string, Entity>? evidence) =>
        ResolvePerson(form, registry, evidence) ?? registry.Resolve(form);
}
