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
    // By canonical name, which stays the same when a later build re-links a person's names into a new object; so do
    // the co-mentioned persons in a profile.
    private readonly Func<string, Profile?> _profileOf;
    private readonly bool _any;

    private SurnameEvidence(EntityRegistry registry, Func<string, Profile?> profileOf, bool any) => (_registry, _profileOf, _any) = (registry, profileOf, any);

    /// <summary>Evidence that asks for a candidate's profile when a resolution needs it: <paramref name="profileOf"/>
    /// gives a candidate's frozen profile by canonical name (null for a non-candidate), made once and kept by the caller.</summary>
    internal static SurnameEvidence Lazy(EntityRegistry registry, Func<string, Profile?> profileOf) =>
        new(registry, profileOf, registry.AmbiguousForms.Any());

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
    public Entity? Resolve(string form, IReadOnlyCollection<Entity> persons, int? year) =>
        Resolve(form, persons.Select(p => p.Name).ToList(), year);

    /// <summary><see cref="Resolve(string, IReadOnlyCollection{Entity}, int?)"/> with the persons by canonical name.</summary>
    public Entity? Resolve(string form, IReadOnlyList<string> persons, int? year)
    {
        var candidates = _registry.CandidatesOf(form);
        if (candidates.Count == 0) return null;
        var named = candidates.Where(c => persons.Contains(c.Name, StringComparer.Ordinal)).ToList();
        if (named.Count > 0) return named.Count == 1 ? named[0] : null;

        Entity? byPersons = null;
        foreach (var person in persons)
        {
            if (PointedAt(person, candidates) is not { } pointed) continue;
            if (byPersons is not null && byPersons != pointed) return null;
            byPersons = pointed;
        }
        var byYear = year is { } y ? Single(candidates.Where(c => _profileOf(c.Name) is { } p && p.FirstYear <= y && y <= p.LastYear)) : null;
        if (byPersons is not null && byYear is not null && byPersons != byYear) return null;
        return byPersons ?? byYear;
    }

    /// <summary>Every ambiguous form of an article with the entity its evidence resolves it to (others left out).</summary>
    public Dictionary<string, Entity> ResolveArticle(IEnumerable<string> forms, int? year)
    {
        var all = forms.Distinct(StringComparer.Ordinal).ToList();
        var resolved = new Dictionary<string, Entity>(StringComparer.Ordinal);
        if (!_any) return resolved;
        var persons = PersonsOf(_registry, all);
        foreach (var form in all)
            if (Resolve(form, persons, year) is { } entity) resolved[form] = entity;
        return resolved;
    }

    /// <summary>The persons an ambiguous form may be (<see cref="EntityRegistry.CandidatesOf"/>).</summary>
    internal IReadOnlyList<Entity> CandidatesOf(string form) => _registry.CandidatesOf(form);

    private Entity? PointedAt(string person, IReadOnlyList<Entity> candidates)
    {
        Entity? best = null;
        int bestCount = 0, total = 0;
        foreach (var candidate in candidates)
        {
            var count = _profileOf(candidate.Name) is { } p ? p.CoMentions.GetValueOrDefault(person) : 0;
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

    /// <summary>What the archive's articles say of one candidate: the persons they name (by canonical name) and their years.</summary>
    internal sealed class Profile
    {
        public Dictionary<string, int> CoMentions { get; } = new(StringComparer.Ordinal);
        // Articles per year, so that a deleted article can be taken out again.
        public Dictionary<int, int> Years { get; } = [];
        public int FirstYear { get; private set; } = int.MaxValue;
        public int LastYear { get; private set; } = int.MinValue;

        public Profile Clone()
        {
            var copy = new Profile();
            copy.Add(this);
            return copy;
        }

        public void Add(Profile other)
        {
            foreach (var (person, count) in other.CoMentions) CoMentions[person] = CoMentions.GetValueOrDefault(person) + count;
            foreach (var (year, count) in other.Years) Years[year] = Years.GetValueOrDefault(year) + count;
        }

        /// <summary>Drops what deletions brought to zero and fixes the year span.</summary>
        public void Freeze()
        {
            foreach (var (person, count) in CoMentions)
                if (count <= 0) CoMentions.Remove(person);
            foreach (var (year, count) in Years)
                if (count <= 0) Years.Remove(year);
            FirstYear = Years.Count > 0 ? Years.Keys.Min() : int.MaxValue;
            LastYear = Years.Count > 0 ? Years.Keys.Max() : int.MinValue;
        }

        /// <summary>Counts one article naming this candidate (<paramref name="self"/>) among <paramref name="persons"/>;
        /// a weight of -1 takes a deleted one out again.</summary>
        public void AddArticle(IReadOnlyList<string> persons, string self, int? year, int weight)
        {
            if (year is { } y) Years[y] = Years.GetValueOrDefault(y) + weight;
            foreach (var other in persons)
                if (!string.Equals(other, self, StringComparison.Ordinal)) CoMentions[other] = CoMentions.GetValueOrDefault(other) + weight;
        }
    }

    /// <summary>Collects the candidates' profiles article by article (any order), then gives the evidence.</summary>
    /// <param name="candidates">The canonical names of the registry's candidates, when the caller has them already
    /// (a segment's part is built for one new segment against a set kept across readers).</param>
    public sealed class Builder(EntityRegistry registry, IReadOnlySet<string>? candidates = null)
    {
        // Only candidates of some ambiguous form get a profile, made when an article names them.
        private readonly IReadOnlySet<string> _candidates = candidates ?? CandidatesOf(registry);
        private readonly Dictionary<string, Profile> _profiles = new(StringComparer.Ordinal);
        // For a builder derived from another (Derive): the candidates new to it, and those whose profile it wrote, which
        // are its own; every other profile is the other builder's, shared and read only.
        private readonly IReadOnlySet<string>? _fresh;
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        private Builder(EntityRegistry registry, IReadOnlySet<string> candidates, IReadOnlySet<string> fresh, Builder from) : this(registry, candidates)
        {
            foreach (var (candidate, profile) in from._profiles)
                if (candidates.Contains(candidate)) _profiles[candidate] = profile;
            _fresh = fresh;
        }

        /// <summary>A builder for another set of candidates that starts from this one's profiles (shared until written):
        /// a candidate it drops loses its profile, and one new to it starts with none, so the caller adds the articles
        /// naming a new candidate (<see cref="AddToNew"/>) and changes the others' by the articles that changed.</summary>
        /// <param name="fresh">The candidates this builder's set lacks (the caller knows them for many builders at once).</param>
        internal Builder Derive(EntityRegistry registry, IReadOnlySet<string> candidates, IReadOnlySet<string> fresh) => new(registry, candidates, fresh, this);

        /// <summary>Whether any form of the archive is ambiguous; if not, articles need not be added.</summary>
        public bool IsNeeded => _candidates.Count > 0;

        /// <param name="persons">The distinct persons the registry resolves among the article's forms.</param>
        /// <param name="year">The article's year.</param>
        public void Add(IReadOnlyList<Entity> persons, int? year) => Add([.. persons.Select(p => p.Name)], year);

        /// <param name="persons">The canonical names of the distinct persons the registry resolves among the article's forms.</param>
        /// <param name="year">The article's year.</param>
        /// <param name="weight">1 for an article, -1 to take a deleted (or changed) one out again.</param>
        public void Add(IReadOnlyList<string> persons, int? year, int weight = 1) => Add(persons, year, weight, toNew: false);

        /// <summary>Adds an article to the profiles of the candidates new to a derived builder only (<see cref="Derive"/>).</summary>
        internal void AddToNew(IReadOnlyList<string> persons, int? year)
        {
            if (_fresh is { Count: > 0 }) Add(persons, year, 1, toNew: true);
        }

        private void Add(IReadOnlyList<string> persons, int? year, int weight, bool toNew)
        {
            foreach (var person in persons)
            {
                if (!_candidates.Contains(person) || (_fresh?.Contains(person) ?? false) != toNew) continue;
                if (!_profiles.TryGetValue(person, out var profile)) _profiles[person] = profile = new Profile();
                else if (_fresh is not null && !_written.Contains(person)) _profiles[person] = profile = profile.Clone();
                _written.Add(person);
                profile.AddArticle(persons, person, year, weight);
            }
        }

        /// <summary>What this builder collected for one candidate (not frozen); null when no article added named it.</summary>
        internal Profile? PartOf(string candidate) => _profiles.GetValueOrDefault(candidate);

        /// <summary>The candidates some added article named.</summary>
        internal IEnumerable<string> Named => _profiles.Keys.Where(Names);

        /// <summary>Whether some added article (not taken out again) named the candidate.</summary>
        internal bool Names(string candidate) =>
            _profiles.TryGetValue(candidate, out var p) && (p.Years.Values.Any(n => n != 0) || p.CoMentions.Values.Any(n => n != 0));

        /// <summary>The candidates whose profile this builder wrote.</summary>
        internal IReadOnlySet<string> Written => _written;

        public SurnameEvidence Build()
        {
            foreach (var candidate in _candidates) _profiles.TryAdd(candidate, new Profile());
            foreach (var profile in _profiles.Values) profile.Freeze();
            return new(registry, _profiles.GetValueOrDefault, _profiles.Count > 0);
        }

        /// <summary>The canonical names of every candidate of an ambiguous form of the registry.</summary>
        public static HashSet<string> CandidatesOf(EntityRegistry registry) =>
            registry.AmbiguousForms.SelectMany(registry.CandidatesOf).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
    }
}
