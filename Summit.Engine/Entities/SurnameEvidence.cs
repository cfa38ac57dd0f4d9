namespace Summit.Engine.Entities;

/// <summary>
/// Resolves, in one article, a person form the <see cref="EntityRegistry"/> leaves ambiguous (a bare surname such as
/// "Bush" when the archive knows "George H. W. Bush" and "George W. Bush" about as often) from that article's own
/// evidence, against a profile of each candidate built from the archive: the persons named in the candidate's
/// articles and the years of those articles. The rules, in order:
/// <list type="number">
/// <item>The article names one candidate in another form ("George W. Bush" in a speaker, "Bush" in the text): that
/// one. It names several: unresolved.</item>
/// <item>A person the article also names points at a candidate when the archive's articles of that candidate name
/// the person at least <see cref="MinCoMentions"/> times and <see cref="PersonDominance"/> times as often as the
/// articles of all other candidates together ("Dan Quayle" points at the elder Bush, "Dick Cheney" at the younger).
/// Persons that point at different candidates leave the form unresolved.</item>
/// <item>The article's year points at a candidate when it lies within the years of that candidate's articles and of
/// no other candidate's.</item>
/// <item>The form goes to the candidate the persons or the year point at; when both point and disagree, or neither
/// points, it stays unresolved: a bare surname is not guessed.</item>
/// </list>
/// Profiles count only what the registry itself resolves, never an evidence-resolved form, so the result does not
/// depend on the order the articles came in.
/// </summary>
public sealed class SurnameEvidence
{
    /// <summary>How much more often a co-named person must appear with one candidate than with all others together to
    /// point at it: the same margin as the registry's <c>Dominance</c>, so a person common to both (the president
    /// beside two Bakers) points nowhere.</summary>
    public const int PersonDominance = 3;

    /// <summary>Articles a person must share with a candidate to point at it: one shared article can be chance.</summary>
    public const int MinCoMentions = 2;

    private readonly EntityRegistry _registry;
    private readonly Dictionary<Entity, Profile> _profiles;

    private SurnameEvidence(EntityRegistry registry, Dictionary<Entity, Profile> profiles) => (_registry, _profiles) = (registry, profiles);

    /// <summary>The distinct persons the registry resolves among an article's forms.</summary>
    public static List<Entity> PersonsOf(EntityRegistry registry, IEnumerable<string> forms) =>
        [.. forms.Select(registry.ResolvePerson).OfType<Entity>().Distinct()];

    /// <summary>The year an article's date falls in (UTC), the unit of the date rule.</summary>
    public static int? YearOf(DateTimeOffset? date) => date?.UtcDateTime.Year;

    /// <summary>
    /// The entity <paramref name="form"/> is in an article naming <paramref name="persons"/> (the persons the registry
    /// resolves among its forms, <see cref="PersonsOf"/>) in <paramref name="year"/>; null when the form is not
    /// ambiguous or the evidence does not clearly favour one candidate.
    /// </summary>
    public Entity? Resolve(string form, IReadOnlyCollection<Entity> persons, int? year)
    {
        var candidates = _registry.CandidatesOf(form);
        if (candidates.Count == 0) return null;
        var named = candidates.Where(persons.Contains).ToList();
        if (named.Count > 0) return named.Count == 1 ? named[0] : null;

        Entity? byPersons = null;
        foreach (var person in persons)
        {
            if (PointedAt(person, candidates) is not { } pointed) continue;
            if (byPersons is not null && byPersons != pointed) return null;
            byPersons = pointed;
        }
        var byYear = year is { } y ? Single(candidates.Where(c => _profiles.TryGetValue(c, out var p) && p.FirstYear <= y && y <= p.LastYear)) : null;
        if (byPersons is not null && byYear is not null && byPersons != byYear) return null;
        return byPersons ?? byYear;
    }

    /// <summary>Every ambiguous form of an article with the entity its evidence resolves it to (others left out).</summary>
    public Dictionary<string, Entity> ResolveArticle(IEnumerable<string> forms, int? year)
    {
        var all = forms.Distinct(StringComparer.Ordinal).ToList();
        var resolved = new Dictionary<string, Entity>(StringComparer.Ordinal);
        if (_profiles.Count == 0) return resolved;
        var persons = PersonsOf(_registry, all);
        foreach (var form in all)
            if (Resolve(form, persons, year) is { } entity) resolved[form] = entity;
        return resolved;
    }

    private Entity? PointedAt(Entity person, IReadOnlyList<Entity> candidates)
    {
        Entity? best = null;
        int bestCount = 0, total = 0;
        foreach (var candidate in candidates)
        {
            var count = _profiles.TryGetValue(candidate, out var p) ? p.CoMentions.GetValueOrDefault(person) : 0;
            total += count;
            if (count > bestCount) (best, bestCount) = (candidate, count);
        }
        return bestCount >= MinCoMentions && bestCount >= PersonDominance * (total - bestCount) ? best : null;
    }

    private static Entity? Single(IEnumerable<Entity> entities)
    {
        Entity? only = null;
        foreach (var e in entities)
        {
            if (only is not null) return null;
            only = e;
        }
        return only;
    }

    private sealed class Profile
    {
        public Dictionary<Entity, int> CoMentions { get; } = new(ReferenceEqualityComparer.Instance);
        public int FirstYear { get; set; } = int.MaxValue;
        public int LastYear { get; set; } = int.MinValue;
    }

    /// <summary>Collects the candidates' profiles article by article (any order), then gives the evidence.</summary>
    public sealed class Builder(EntityRegistry registry)
    {
        // Only candidates of some ambiguous form need a profile.
        private readonly Dictionary<Entity, Profile> _profiles = Profiles(registry);

        /// <summary>Whether any form of the archive is ambiguous; if not, articles need not be added.</summary>
        public bool IsNeeded => _profiles.Count > 0;

        /// <param name="persons">The distinct persons the registry resolves among the article's forms.</param>
        public void Add(IReadOnlyList<Entity> persons, int? year)
        {
            foreach (var person in persons)
            {
                if (!_profiles.TryGetValue(person, out var profile)) continue;
                if (year is { } y)
                {
                    profile.FirstYear = Math.Min(profile.FirstYear, y);
                    profile.LastYear = Math.Max(profile.LastYear, y);
                }
                foreach (var other in persons)
                    if (!ReferenceEquals(other, person)) profile.CoMentions[other] = profile.CoMentions.GetValueOrDefault(other) + 1;
            }
        }

        public SurnameEvidence Build() => new(registry, _profiles);

        private static Dictionary<Entity, Profile> Profiles(EntityRegistry registry)
        {
            // By reference: a registry's entities are distinct objects, and hashing a record's members costs more.
            var profiles = new Dictionary<Entity, Profile>(ReferenceEqualityComparer.Instance);
            foreach (var candidate in registry.AmbiguousForms.SelectMany(registry.CandidatesOf)) profiles.TryAdd(candidate, new Profile());
            return profiles;
        }
    }
}
