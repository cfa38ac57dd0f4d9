using Summit.Engine.Extraction;
using Summit.Engine.Search;
using Gaz = Summit.Engine.Gazetteer.Gazetteer;

namespace Summit.Engine.Entities;

/// <summary>A real-world person (or organisation) of the archive: one facet value under one canonical name.</summary>
/// <param name="Name">The canonical name: the most frequent full form (see <see cref="EntityRegistry"/>).</param>
/// <param name="Aliases">Every other form the archive writes it in ("Biden", "Joe Biden", "President Biden"), ordinal order.</param>
/// <param name="Articles">Articles naming it in any form (a form's count; an article with two forms counts twice).</param>
public sealed record Entity(string Name, string Type, IReadOnlyList<string> Aliases, int Articles)
{
    public const string PersonType = "person";
    public const string OrganizationType = "organization";
}

/// <summary>
/// Links the person names of a whole archive to entities. Within one article the extractor already joins
/// "Putin" to "Vladimir Putin"; this joins the forms across articles, from what the archive itself holds: the
/// forms and how many articles use each. The same input always gives the same entities, whatever the order the
/// articles came in, so an index built at once and one built article by article show the same facets.
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item>A form is cleaned (<see cref="PersonName.Parse"/>): titles and roles go ("President Reagan" → "Reagan"),
/// as do words before the first given name of a longer name; non-names give no entity.</item>
/// <item>Full names (a given and a family name) are one person when their family names fold together (accents,
/// hyphens, doubled letters: "Zelenskyy" = "Zelensky") and their given names do (nicknames: "Joe" = "Joseph",
/// "Bibi" = "Benjamin"). Middle initials and suffixes do not separate ("Joseph R. Biden Jr" = "Joe Biden"), except
/// when the archive holds two different middle initials for one name ("George Bush", "George W. Bush", "George H.
/// W. Bush"): then each middle is its own person, and the form without one joins the most frequent only when that
/// has three times the articles of the others, else it stays a person of its own. "Fumio Kishida" and "Kishida
/// Fumio" are one.</item>
/// <item>A one-word name ("Reagan", "Xi") is the full-name person with that family name (or, for family-first
/// names, first word) when there is one, or when one has at least three times the articles of all others
/// together ("Baker" → "James Baker" beside a rare "Howard Baker"). When several are close, it links to none and
/// is no facet value: a bare surname is not guessed. A given name alone ("Kamala") that is no one's family name
/// goes the same way to the persons with that given name. A one-word name nothing explains stays a person of its
/// own ("Subroto"), unless it is a common English word, a country or two known family names joined
/// ("Biden-Harris").</item>
/// <item>A longer form whose first word is no given name ("López Obrador", "Athough Reagan") is the one person
/// whose name ends with those words, or whose family name it has, when that person is three times as frequent.</item>
/// <item>The canonical name is the full form most articles use (for a one-word name, the form with its regnal
/// title: "King Fahd"); ties go to the longer, then the first in ordinal order.</item>
/// </list>
/// The registry looks at the archive as a whole; a form it leaves ambiguous (<see cref="CandidatesOf"/>) may still go
/// to one candidate in a given article, on that article's evidence (its date, the persons it names with the surname):
/// see <see cref="SurnameEvidence"/>.
/// </summary>
public sealed class EntityRegistry
{
    /// <summary>How much more frequent a candidate must be than all others together to take an ambiguous form.</summary>
    private const int Dominance = 3;

    private readonly Dictionary<string, Entity?> _byForm;
    private readonly Dictionary<Entity, IReadOnlyList<string>> _forms;
    private readonly Lazy<Dictionary<string, Entity>> _byFolded;
    private readonly Lazy<Dictionary<string, Entity>> _personByName;

    private readonly Dictionary<string, Entity> _organizations;
    private readonly Dictionary<string, IReadOnlyList<Entity>> _candidates;
    // The linked components the persons come from (shared with other builds whose components had the same forms and
    // counts), and what ChangedForms found against each registry it was asked about (weakly: no chain of old registries).
    private readonly LinkedComponent[] _components;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<EntityRegistry, IReadOnlySet<string>> _changedFrom = new();

    private EntityRegistry(Dictionary<string, Entity?> byForm, Dictionary<Entity, IReadOnlyList<string>> forms, Dictionary<string, Entity> organizations,
        IReadOnlyList<Entity> entities, Dictionary<string, IReadOnlyList<Entity>> candidates, LinkedComponent[] components)
    {
        _components = components;
        _byForm = byForm;
        _forms = forms;
        _candidates = candidates;
        _organizations = organizations;
        Entities = entities;
        // Only what users type is looked up folded; built on the first such lookup.
        _byFolded = new Lazy<Dictionary<string, Entity>>(() =>
        {
            var byFolded = new Dictionary<string, Entity>(StringComparer.Ordinal);
            // Canonical names first, so an alias never hides another entity's canonical name.
            foreach (var e in entities) byFolded.TryAdd(TextFolding.Fold(e.Name), e);
            foreach (var e in entities)
                foreach (var alias in e.Aliases) byFolded.TryAdd(TextFolding.Fold(alias), e);
            return byFolded;
        });
        _personByName = new Lazy<Dictionary<string, Entity>>(() =>
        {
            var byName = new Dictionary<string, Entity>(StringComparer.Ordinal);
            foreach (var e in entities.Where(e => e.Type == Entity.PersonType)) byName.TryAdd(e.Name, e);
            return byName;
        });
    }

    public static EntityRegistry Empty { get; } = Build([], []);

    /// <summary>Every entity, most articles first.</summary>
    public IReadOnlyList<Entity> Entities { get; }

    /// <summary>The person a person form written by the extractor is; null when it is none or ambiguous.</summary>
    public Entity? ResolvePerson(string form) => _byForm.GetValueOrDefault(form);

    /// <summary>The person or, failing that, the organisation of the archive a form names (a speaker: "BBC").</summary>
    public Entity? Resolve(string form) =>
        _byForm.GetValueOrDefault(form) ?? _organizations.GetValueOrDefault(OrganizationFinder.KnownName(form) ?? form);

    /// <summary>The entity a user typed, by its canonical name or any alias, in any case or accents.</summary>
    public Entity? Find(string typed) =>
        Resolve(typed) ?? _byFolded.Value.GetValueOrDefault(TextFolding.Fold(typed));

    /// <summary>The person whose canonical name is <paramref name="name"/>, exactly; null when there is none. Results
    /// kept by canonical name (which a re-link keeps, where it makes new entity objects) come back to entities here.</summary>
    public Entity? PersonNamed(string name) => _personByName.Value.GetValueOrDefault(name);

    /// <summary>The persons an ambiguous person form (a bare surname no candidate dominates) may be, ordinal order of
    /// their names; empty for any other form. <see cref="SurnameEvidence"/> picks one per article.</summary>
    public IReadOnlyList<Entity> CandidatesOf(string form) => _candidates.GetValueOrDefault(form) ?? [];

    /// <summary>The ambiguous person forms, those with <see cref="CandidatesOf"/>.</summary>
    public IEnumerable<string> AmbiguousForms => _candidates.Keys;

    /// <summary>The forms the archive writes that belong to <paramref name="entity"/>, canonical name included.</summary>
    public IReadOnlyList<string> FormsOf(Entity entity) => _forms.GetValueOrDefault(entity) ?? [];

    /// <summary>
    /// Every form that <see cref="ResolvePerson"/>, <see cref="Resolve"/> or <see cref="CandidatesOf"/> may answer
    /// differently here than in <paramref name="previous"/> (a superset): the forms of the components that one registry
    /// linked and the other did not take as they were, and the speaker forms of organisations only one of them has.
    /// What a refresh re-maps of the facet values it already numbered (<see cref="Search.FacetOrdinals"/>).
    /// </summary>
    public IReadOnlySet<string> ChangedForms(EntityRegistry previous) => _changedFrom.GetValue(previous, Compare);

    private HashSet<string> Compare(EntityRegistry previous)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (!ReferenceEquals(previous, this))
        {
            var mine = _components.ToHashSet(ReferenceEqualityComparer.Instance);
            var theirs = previous._components.ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var component in _components.Where(c => !theirs.Contains(c)).Concat(previous._components.Where(c => !mine.Contains(c))))
                changed.UnionWith(component.Forms.Select(f => f.Form));
            foreach (var name in _organizations.Keys.Where(n => !previous._organizations.ContainsKey(n))
                         .Concat(previous._organizations.Keys.Where(n => !_organizations.ContainsKey(n))))
                changed.UnionWith(OrganizationFinder.FormsOf(name));
        }
        return changed;
    }

    /// <param name="forms">Each person form as the extractor wrote it, with the number of articles using it.</param>
    /// <param name="organizations">Each organisation name of the archive (already one name per organisation, see
    /// <see cref="Extraction.OrganizationFinder"/>) with its number of articles.</param>
    public static EntityRegistry Build(IEnumerable<KeyValuePair<string, int>> forms, IEnumerable<KeyValuePair<string, int>> organizations)
    {
        var orgs = organizations.OrderBy(o => o.Key, StringComparer.Ordinal)
            .ToDictionary(o => o.Key, o => new Entity(o.Key, Entity.OrganizationType, [], o.Value), StringComparer.Ordinal);
        var parsed = new List<(string Form, int Count, PersonName Name)>();
        var byForm = new Dictionary<string, Entity?>(StringComparer.Ordinal);
        foreach (var (form, count) in forms)
        {
            if (PersonName.ParseCached(form) is { } name) parsed.Add((form, count, name));
            else byForm[form] = null;
        }
        var entities = new List<Entity>();
        var formsOf = new Dictionary<Entity, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        var candidates = new Dictionary<string, IReadOnlyList<Entity>>(StringComparer.Ordinal);
        var components = new List<LinkedComponent>();
        // The rules below only ever compare forms that share a name key, so each set of forms joined by keys is
        // linked on its own, and a set no article changed since the last build is taken as it was.
        foreach (var component in NameComponents.Split(parsed))
        {
            var linked = LinkedComponents.GetOrLink(component, Link);
            components.Add(linked);
            foreach (var (form, entity) in linked.Forms) byForm[form] = entity;
            foreach (var (form, persons) in linked.Candidates) candidates[form] = persons;
            foreach (var (entity, entityForms) in linked.FormsOf)
            {
                entities.Add(entity);
                formsOf[entity] = entityForms;
            }
        }
        entities.AddRange(orgs.Values);
        entities.Sort((a, b) => b.Articles != a.Articles ? b.Articles.CompareTo(a.Articles)
            : a.Type != b.Type ? string.CompareOrdinal(b.Type, a.Type) : string.CompareOrdinal(a.Name, b.Name));
        return new EntityRegistry(byForm, formsOf, orgs, entities, candidates, [.. components]);
    }

    /// <summary>The persons of one component (<see cref="NameComponents"/>), its forms in ordinal order: the rules
    /// of the summary, in order.</summary>
    private static LinkedComponent Link(List<(string Form, int Count, PersonName Name)> parsed)
    {
        var byForm = new List<(string, Entity?)>();
        var ambiguous = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        var families = parsed.Where(p => !p.Name.IsSingle).Select(p => p.Name.Family).ToHashSet(StringComparer.Ordinal);
        parsed = [.. parsed.Select(p => (p.Form, p.Count, JoinFamily(p.Name, families)))];

        var groups = FullNameGroups(parsed.Where(p => !p.Name.IsSingle).ToList());
        var byFamily = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        var byFirstWord = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        void Index(Group g)
        {
            groups.Add(g);
            Add(byFamily, g.Family, g);
            Add(byFirstWord, PersonName.Key(g.FirstWord), g);
        }
        var fullNames = groups.ToList();
        groups.Clear();
        fullNames.ForEach(Index);
        // Longer forms with no given name ("López Obrador", "Athough Reagan") join the person whose name ends with
        // them, or the much more frequent person of their family name.
        foreach (var g in fullNames.Where(g => !PersonName.IsGivenName(g.FirstWord) && !g.IsFamilyFirst).OrderBy(g => g.Articles).ThenBy(g => g.FirstForm, StringComparer.Ordinal))
        {
            var family = byFamily[g.Family].Where(o => o != g && o.Members.Count > 0).ToList();
            var target = Dominant(family.Where(o => o.Members.Any(m => EndsWith(m.Name.Words, g.Members[0].Name.Words))).ToList())
                         ?? Dominant(family.Where(o => PersonName.IsGivenName(o.FirstWord)).ToList(), g.Articles);
            if (target is null) continue;
            target.Members.AddRange(g.Members);
            g.Members.Clear();
        }
        foreach (var p in parsed.Where(p => p.Name.IsSingle))
        {
            var word = p.Name.Words[^1];
            var candidates = byFamily.GetValueOrDefault(p.Name.Family, []).Concat(byFirstWord.GetValueOrDefault(p.Name.Family, [])
                    .Where(g => !PersonName.IsGivenName(g.FirstWord)))
                .Where(g => g.HasFullName && g.Members.Count > 0).Distinct().ToList();
            // A given name alone ("Kamala") is the person of that given name when one dominates.
            if (candidates.Count == 0 && PersonName.IsGivenName(word))
                candidates = byFirstWord.GetValueOrDefault(p.Name.Family, []).Where(g => g.HasFullName && g.Members.Count > 0 && PersonName.IsGivenName(g.FirstWord)).ToList();
            if (candidates.Count > 0)
            {
                if (Dominant(candidates) is { } target) target.Members.Add(p);
                else
                {
                    byForm.Add((p.Form, null)); // ambiguous: no guess here, only on an article's evidence
                    ambiguous[p.Form] = candidates;
                }
                continue;
            }
            if (Gaz.Default.IsCommonWord(word) || word.EndsWith('s') && Gaz.Default.IsCommonWord(word[..^1])
                || Countries.ResolveName(word) is not null
                || word.Contains('-') && word.Split('-').All(part => families.Contains(PersonName.Key(part))))
            {
                byForm.Add((p.Form, null));
                continue;
            }
            var own = byFamily.GetValueOrDefault(p.Name.Family, []).FirstOrDefault(g => !g.HasFullName);
            if (own is null) Index(own = new Group(p.Name.Family, word));
            own.Members.Add(p);
        }

        var formsOf = new List<(Entity, IReadOnlyList<string>)>();
        var entityOf = new Dictionary<Group, Entity>(ReferenceEqualityComparer.Instance);
        foreach (var g in groups.Where(g => g.Members.Count > 0))
        {
            var name = g.CanonicalName();
            var memberForms = g.Members.Select(m => m.Form).Order(StringComparer.Ordinal).ToList();
            var entity = new Entity(name, Entity.PersonType, memberForms.Where(f => f != name).ToList(), g.Members.Sum(m => m.Count));
            formsOf.Add((entity, memberForms));
            entityOf[g] = entity;
            foreach (var m in g.Members) byForm.Add((m.Form, entity));
        }
        var candidatesOf = ambiguous.Select(a => (a.Key, (IReadOnlyList<Entity>)
            [.. a.Value.Select(entityOf.GetValueOrDefault).OfType<Entity>().OrderBy(e => e.Name, StringComparer.Ordinal)])).ToList();
        return new LinkedComponent(byForm, formsOf, candidatesOf);
    }

    /// <summary>"Robert Kilroy Silk" is "Robert Kilroy-Silk" when the archive knows that family name.</summary>
    private static PersonName JoinFamily(PersonName name, HashSet<string> families)
    {
        if (name.IsSingle || name.Words.Length < 3) return name;
        var joined = PersonName.Key(name.Words[^2] + name.Words[^1]);
        return families.Contains(joined) && joined != name.Family
            ? name with { Family = joined, Middle = name.Middle.Length > 0 ? name.Middle[..^1] : "" }
            : name;
    }

    private static void Add(Dictionary<string, List<Group>> index, string key, Group g)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(g);
    }

    private static bool EndsWith(string[] longer, string[] words) =>
        longer.Length > words.Length && longer.TakeLast(words.Length).Select(PersonName.Key).SequenceEqual(words.Select(PersonName.Key));

    /// <summary>The candidate with <see cref="Dominance"/> times the articles of the others together (and of
    /// <paramref name="against"/>), or null.</summary>
    private static Group? Dominant(List<Group> candidates, int against = 0)
    {
        if (candidates.Count == 0) return null;
        var best = candidates.OrderByDescending(g => g.Articles).ThenBy(g => g.FirstForm, StringComparer.Ordinal).First();
        var others = candidates.Where(g => g != best).Sum(g => g.Articles) + against;
        return best.Articles >= Dominance * others ? best : null;
    }

    /// <summary>Full names grouped into persons: by family and given name, split by middle initials when two differ.</summary>
    private static List<Group> FullNameGroups(List<(string Form, int Count, PersonName Name)> names)
    {
        var groups = new List<Group>();
        foreach (var byName in names.GroupBy(n => (n.Name.Family, n.Name.Given!)).OrderBy(g => g.Key.Family, StringComparer.Ordinal).ThenBy(g => g.Key.Item2, StringComparer.Ordinal))
        {
            var middles = byName.Where(n => n.Name.Middle.Length > 0).GroupBy(n => n.Name.Middle).ToList();
            if (middles.Count <= 1)
            {
                var g = new Group(byName.Key.Family, byName.First().Name.Words[0]);
                g.Members.AddRange(byName);
                groups.Add(g);
                continue;
            }
            var split = middles.Select(m =>
            {
                var g = new Group(byName.Key.Family, m.First().Name.Words[0]);
                g.Members.AddRange(m);
                return g;
            }).ToList();
            var plain = byName.Where(n => n.Name.Middle.Length == 0).ToList();
            if (plain.Count > 0)
            {
                var target = Dominant(split);
                if (target is null) split.Add(target = new Group(byName.Key.Family, plain[0].Name.Words[0]));
                target.Members.AddRange(plain);
            }
            groups.AddRange(split);
        }
        // "Kishida Fumio" and "Fumio Kishida": the same two words in the other order are one person.
        var twoWords = groups.Where(g => g.Members.All(m => m.Name.Words.Length == 2)).ToList();
        var byPair = new Dictionary<(string, string), Group>();
        foreach (var g in twoWords) byPair.TryAdd((PersonName.Key(g.FirstWord), g.Family), g);
        foreach (var g in twoWords)
        {
            if (g.Members.Count == 0 || !byPair.TryGetValue((g.Family, PersonName.Key(g.FirstWord)), out var twin) || twin == g || twin.Members.Count == 0) continue;
            var (keep, drop) = twin.Articles > g.Articles ? (twin, g) : (g, twin);
            keep.Members.AddRange(drop.Members);
            drop.Members.Clear();
        }
        groups.RemoveAll(g => g.Members.Count == 0);
        return groups;
    }

    private sealed class Group(string family, string firstWord)
    {
        public string Family { get; } = family;
        public string FirstWord { get; } = firstWord;
        public List<(string Form, int Count, PersonName Name)> Members { get; } = [];
        public int Articles => Members.Sum(m => m.Count);
        public bool HasFullName => Members.Any(m => !m.Name.IsSingle);
        public bool IsFamilyFirst => Members.Any(m => !m.Name.IsSingle && PersonName.Key(m.Name.Words[0]) == m.Name.Family);
        public string FirstForm => Members.Select(m => m.Form).Min(StringComparer.Ordinal)!;

        public string CanonicalName()
        {
            var byDisplay = Members.GroupBy(m => m.Name.Display, StringComparer.Ordinal)
                .Select(d => (Display: d.Key, Count: d.Sum(m => m.Count), Full: !d.First().Name.IsSingle, Titled: d.First().Name.IsTitledSingle))
                .OrderByDescending(d => d.Full).ThenByDescending(d => d.Titled).ThenByDescending(d => d.Count).ThenByDescending(d => d.Display.Length)
                .ThenBy(d => d.Display, StringComparer.Ordinal);
            return byDisplay.First().Display;
        }
    }
}
