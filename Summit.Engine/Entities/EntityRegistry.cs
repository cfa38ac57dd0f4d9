using System.Collections.Immutable;
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

    // Persistent maps: a registry made from the previous one by Update shares every entry the changed components do not
    // touch, so making it costs in proportion to the forms whose counts changed, not to the archive. Forms and keys point
    // at a component by id, and a component linked again keeps its id and its unchanged entities, so that one count
    // changing in a large component rewrites the entries of what changed, not of its every form.
    private readonly ImmutableDictionary<string, int> _componentOf;         // person form → its component's id
    private readonly ImmutableDictionary<int, Component> _components;       // id → component
    private readonly int _nextId;
    private readonly ImmutableDictionary<string, int> _owner;               // family key → the component of its forms
    private readonly ImmutableDictionary<string, ImmutableList<int>> _mentions; // key → components a new owner may join
    private readonly ImmutableDictionary<Entity, IReadOnlyList<string>> _forms;
    private readonly ImmutableDictionary<string, IReadOnlyList<Entity>> _candidates;
    private readonly ImmutableDictionary<string, Entity> _organizations;
    private readonly ImmutableDictionary<string, ImmutableList<Entity>> _personsByName;
    private readonly ImmutableDictionary<string, ImmutableList<(Entity Entity, bool Canonical)>> _byFolded;
    private readonly Lazy<IReadOnlyList<Entity>> _entities;
    // The registry this one was updated from (weakly: no chain of old registries) and the forms the update changed;
    // what ChangedForms found against any other registry.
    private readonly (WeakReference<EntityRegistry> From, IReadOnlySet<string> Forms)? _updatedFrom;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<EntityRegistry, IReadOnlySet<string>> _changedFrom = new();

    private EntityRegistry(ImmutableDictionary<string, int> componentOf, ImmutableDictionary<int, Component> components, int nextId,
        ImmutableDictionary<string, int> owner, ImmutableDictionary<string, ImmutableList<int>> mentions, ImmutableDictionary<Entity, IReadOnlyList<string>> forms,
        ImmutableDictionary<string, IReadOnlyList<Entity>> candidates, ImmutableDictionary<string, Entity> organizations,
        ImmutableDictionary<string, ImmutableList<Entity>> personsByName, ImmutableDictionary<string, ImmutableList<(Entity, bool)>> byFolded,
        (WeakReference<EntityRegistry>, IReadOnlySet<string>)? updatedFrom)
    {
        (_componentOf, _components, _nextId, _owner, _mentions, _forms, _candidates) = (componentOf, components, nextId, owner, mentions, forms, candidates);
        (_organizations, _personsByName, _byFolded, _updatedFrom) = (organizations, personsByName, byFolded, updatedFrom);
        _entities = new Lazy<IReadOnlyList<Entity>>(() => [.. _forms.Keys.Concat(_organizations.Values).Order(EntityOrder)]);
    }

    public static EntityRegistry Empty { get; } = new(ImmutableDictionary.Create<string, int>(StringComparer.Ordinal), ImmutableDictionary<int, Component>.Empty, 0,
        ImmutableDictionary.Create<string, int>(StringComparer.Ordinal), ImmutableDictionary.Create<string, ImmutableList<int>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<Entity, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance),
        ImmutableDictionary.Create<string, IReadOnlyList<Entity>>(StringComparer.Ordinal), ImmutableDictionary.Create<string, Entity>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableList<Entity>>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, ImmutableList<(Entity, bool)>>(StringComparer.Ordinal), null);

    /// <summary>Every entity, most articles first (then organisations before persons, then by name).</summary>
    public IReadOnlyList<Entity> Entities => _entities.Value;

    /// <summary>The order of <see cref="Entities"/>; of two entities a lookup could give, the first in it wins.</summary>
    private static readonly Comparer<Entity> EntityOrder = Comparer<Entity>.Create((a, b) =>
        b.Articles != a.Articles ? b.Articles.CompareTo(a.Articles)
        : a.Type != b.Type ? string.CompareOrdinal(b.Type, a.Type) : string.CompareOrdinal(a.Name, b.Name));

    /// <summary>The person a person form written by the extractor is; null when it is none or ambiguous.</summary>
    public Entity? ResolvePerson(string form) => ComponentOf(form)?.EntityOf(form);

    private Component? ComponentOf(string form) => _componentOf.TryGetValue(form, out var id) ? _components[id] : null;

    /// <summary>The person or, failing that, the organisation of the archive a form names (a speaker: "BBC").</summary>
    public Entity? Resolve(string form) =>
        ResolvePerson(form) ?? _organizations.GetValueOrDefault(OrganizationFinder.KnownName(form) ?? form);

    /// <summary>The entity a user typed, by its canonical name or any alias, in any case or accents: an entity whose
    /// canonical name it is before one with such an alias.</summary>
    public Entity? Find(string typed)
    {
        if (Resolve(typed) is { } entity) return entity;
        if (!_byFolded.TryGetValue(TextFolding.Fold(typed), out var named)) return null;
        return named.Where(n => n.Canonical).Select(n => n.Entity).Min(EntityOrder) ?? named.Select(n => n.Entity).Min(EntityOrder);
    }

    /// <summary>The person whose canonical name is <paramref name="name"/>, exactly; null when there is none. Results
    /// kept by canonical name (which a re-link keeps, where it makes new entity objects) come back to entities here.</summary>
    public Entity? PersonNamed(string name) => _personsByName.TryGetValue(name, out var persons) ? persons.Min(EntityOrder) : null;

    /// <summary>The persons an ambiguous person form (a bare surname no candidate dominates) may be, ordinal order of
    /// their names; empty for any other form. <see cref="SurnameEvidence"/> picks one per article.</summary>
    public IReadOnlyList<Entity> CandidatesOf(string form) => _candidates.GetValueOrDefault(form) ?? [];

    /// <summary>The ambiguous person forms, those with <see cref="CandidatesOf"/>.</summary>
    public IEnumerable<string> AmbiguousForms => _candidates.Keys;

    /// <summary>The forms the archive writes that belong to <paramref name="entity"/>, canonical name included.</summary>
    public IReadOnlyList<string> FormsOf(Entity entity) => _forms.GetValueOrDefault(entity) ?? [];

    /// <summary>
    /// Every form that <see cref="ResolvePerson"/>, <see cref="Resolve"/> or <see cref="CandidatesOf"/> may answer
    /// differently here than in <paramref name="previous"/> (a superset): the forms of the components linked anew, and
    /// the speaker forms of organisations only one of the two has. What a refresh re-maps of the facet values it
    /// already numbered (<see cref="Search.FacetOrdinals"/>). Against the registry this one was updated from, it is what
    /// the update changed; against another, a walk over both.
    /// </summary>
    public IReadOnlySet<string> ChangedForms(EntityRegistry previous)
    {
        if (_updatedFrom is { } updated && updated.From.TryGetTarget(out var from) && ReferenceEquals(from, previous)) return updated.Forms;
        return _changedFrom.GetValue(previous, Compare);
    }

    private HashSet<string> Compare(EntityRegistry previous)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        if (ReferenceEquals(previous, this)) return changed;
        foreach (var (form, id) in _componentOf)
            if (previous.ComponentOf(form) is not { } theirs || !Component.SameLinks(theirs, _components[id], form)) changed.Add(form);
        foreach (var (form, _) in previous._componentOf)
            if (!_componentOf.ContainsKey(form)) changed.Add(form);
        foreach (var name in _organizations.Keys.Where(n => !previous._organizations.ContainsKey(n))
                     .Concat(previous._organizations.Keys.Where(n => !_organizations.ContainsKey(n))))
            changed.UnionWith(OrganizationFinder.FormsOf(name));
        return changed;
    }

    /// <param name="forms">Each person form as the extractor wrote it, with the number of articles using it.</param>
    /// <param name="organizations">Each organisation name of the archive (already one name per organisation, see
    /// <see cref="Extraction.OrganizationFinder"/>) with its number of articles.</param>
    public static EntityRegistry Build(IEnumerable<KeyValuePair<string, int>> forms, IEnumerable<KeyValuePair<string, int>> organizations) =>
        Update(Empty, forms, organizations);

    /// <summary>
    /// The registry of an archive whose form and organisation counts differ from <paramref name="previous"/>'s archive by
    /// <paramref name="formChanges"/> and <paramref name="organizationChanges"/> (added to its counts; a count reaching 0
    /// drops the name). The same as a <see cref="Build"/> from the new counts: the rules only compare forms of one
    /// component (<see cref="NameComponents"/>), so only the components a changed form belongs to, or may now join, are
    /// split and linked again, and the rest is shared with <paramref name="previous"/>.
    /// </summary>
    public static EntityRegistry Update(EntityRegistry previous, IEnumerable<KeyValuePair<string, int>> formChanges,
        IEnumerable<KeyValuePair<string, int>> organizationChanges)
    {
        // The changed forms and the components they touch: their own (the family's), the owners of the keys they may
        // join, and for a form new to the archive the components that may join it.
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var affected = new HashSet<int>();
        foreach (var (form, change) in formChanges)
        {
            if (change == 0 || PersonName.ParseCached(form) is not { } name) continue;
            var old = previous.ComponentOf(form)?.CountOf(form) ?? 0;
            counts[form] = counts.GetValueOrDefault(form, old) + change;
            if (previous._owner.TryGetValue(name.Family, out var family)) affected.Add(family);
            foreach (var key in NameComponents.Mentions(name))
                if (previous._owner.TryGetValue(key, out var joined)) affected.Add(joined);
        }
        // The components that mention a key may join the family it names: a form new to the archive's family; and a
        // two-word name coming or going may give its family, or the family its first word is, a full name that joining
        // by first word depends on (NameComponents.Split), and so join or part the full names beginning with that word.
        foreach (var (form, count) in counts)
        {
            var name = PersonName.ParseCached(form)!;
            var came = previous.ComponentOf(form) is null;
            string[] keys = !name.IsSingle && name.Words.Length == 2 && came != count <= 0 ? [name.Family, PersonName.Key(name.Words[0])]
                : came ? [name.Family] : [];
            foreach (var key in keys)
                if (previous._mentions.TryGetValue(key, out var joining)) affected.UnionWith(joining);
        }
        var input = new Dictionary<string, (string Form, int Count, PersonName Name)>(StringComparer.Ordinal);
        var relinked = affected.Select(id => previous._components[id]).ToList();
        foreach (var component in relinked)
            foreach (var member in component.Input)
                input[member.Form] = member;
        foreach (var (form, count) in counts)
        {
            if (count > 0) input[form] = (form, count, PersonName.ParseCached(form)!);
            else input.Remove(form);
        }
        // Linked again, a person whose name, forms and articles did not change is the entity it was.
        var known = new Dictionary<string, List<Entity>>(StringComparer.Ordinal);
        foreach (var (entity, _) in relinked.SelectMany(c => c.Linked.FormsOf))
            (known.TryGetValue(entity.Name, out var same) ? same : known[entity.Name] = []).Add(entity);
        var linked = NameComponents.Split([.. input.Values]).Select(c => new Component(c, Reuse(LinkedComponents.GetOrLink(c, Link), known))).ToList();

        var componentOf = previous._componentOf.ToBuilder();
        var components = previous._components.ToBuilder();
        var owner = previous._owner.ToBuilder();
        var mentions = previous._mentions.ToBuilder();
        var forms = previous._forms.ToBuilder();
        var candidates = previous._candidates.ToBuilder();
        var personsByName = previous._personsByName.ToBuilder();
        var byFolded = previous._byFolded.ToBuilder();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        var nextId = previous._nextId;
        // A new component takes the id of the first old one its forms were in that no other took, else a new id; its
        // forms and family keys are written only where they pointed elsewhere.
        var ids = new int[linked.Count];
        var free = new HashSet<int>(affected);
        for (var c = 0; c < linked.Count; c++)
        {
            ids[c] = -1;
            foreach (var (form, _, _) in linked[c].Input)
                if (previous._componentOf.TryGetValue(form, out var was) && free.Remove(was))
                {
                    ids[c] = was;
                    break;
                }
            if (ids[c] < 0) ids[c] = nextId++;
        }
        var linkedForms = new HashSet<string>(linked.SelectMany(c => c.Input).Select(m => m.Form), StringComparer.Ordinal);
        var linkedFamilies = new HashSet<string>(linked.SelectMany(c => c.Input).Select(m => m.Name.Family), StringComparer.Ordinal);
        foreach (var id in affected)
        {
            var component = previous._components[id];
            foreach (var (form, _, name) in component.Input)
            {
                changed.Add(form);
                if (!linkedForms.Contains(form)) componentOf.Remove(form);
                if (!linkedFamilies.Contains(name.Family) && owner.GetValueOrDefault(name.Family, -1) == id) owner.Remove(name.Family);
            }
            if (free.Contains(id)) components.Remove(id);
        }
        for (var c = 0; c < linked.Count; c++)
        {
            var (component, id) = (linked[c], ids[c]);
            components[id] = component;
            foreach (var (form, _, name) in component.Input)
            {
                // A form linked to the same person (by name) and candidates as before did not change, though its
                // component was linked again.
                if (previous.ComponentOf(form) is { } was && Component.SameLinks(was, component, form)) changed.Remove(form);
                else changed.Add(form);
                if (componentOf.GetValueOrDefault(form, -1) != id) componentOf[form] = id;
                if (owner.GetValueOrDefault(name.Family, -1) != id) owner[name.Family] = id;
            }
        }
        // The keys each id may be joined by: taken out where its old component had them and its new one has not, put in
        // the other way round.
        var mentionsOf = new Dictionary<int, (IEnumerable<string> Old, IEnumerable<string> New)>();
        foreach (var id in affected) mentionsOf[id] = (previous._components[id].Mentions, []);
        for (var c = 0; c < linked.Count; c++) mentionsOf[ids[c]] = (mentionsOf.GetValueOrDefault(ids[c]).Old ?? [], linked[c].Mentions);
        foreach (var (id, (old, now)) in mentionsOf)
        {
            var nowSet = now.ToHashSet(StringComparer.Ordinal);
            var oldSet = old.ToHashSet(StringComparer.Ordinal);
            foreach (var key in oldSet.Where(k => !nowSet.Contains(k))) Remove(mentions, key, id);
            foreach (var key in nowSet.Where(k => !oldSet.Contains(k))) Add(mentions, key, id);
        }
        // Entities: only those no longer linked, or new, change the maps by entity.
        var oldEntities = new HashSet<Entity>(relinked.SelectMany(c => c.Linked.FormsOf).Select(f => f.Entity), ReferenceEqualityComparer.Instance);
        var newEntities = new Dictionary<Entity, IReadOnlyList<string>>(ReferenceEqualityComparer.Instance);
        foreach (var (entity, entityForms) in linked.SelectMany(c => c.Linked.FormsOf)) newEntities[entity] = entityForms;
        foreach (var entity in oldEntities.Where(e => !newEntities.ContainsKey(e)))
        {
            forms.Remove(entity);
            Remove(personsByName, entity.Name, entity);
            foreach (var alias in entity.Aliases.Prepend(entity.Name)) Remove(byFolded, TextFolding.Fold(alias), (entity, alias == entity.Name));
        }
        foreach (var (entity, entityForms) in newEntities.Where(e => !oldEntities.Contains(e.Key)))
        {
            forms[entity] = entityForms;
            Add(personsByName, entity.Name, entity);
            foreach (var alias in entity.Aliases.Prepend(entity.Name)) Add(byFolded, TextFolding.Fold(alias), (entity, alias == entity.Name));
        }
        foreach (var (form, _) in relinked.SelectMany(c => c.Linked.Candidates)) candidates.Remove(form);
        foreach (var (form, persons) in linked.SelectMany(c => c.Linked.Candidates)) candidates[form] = persons;

        var organizations = previous._organizations.ToBuilder();
        foreach (var (name, change) in organizationChanges.GroupBy(o => o.Key, o => o.Value, StringComparer.Ordinal).Select(g => (g.Key, g.Sum())))
        {
            if (change == 0) continue;
            var before = organizations.GetValueOrDefault(name);
            var count = (before?.Articles ?? 0) + change;
            if (before is not null)
            {
                organizations.Remove(name);
                Remove(byFolded, TextFolding.Fold(name), (before, true));
            }
            if (count > 0)
            {
                var entity = new Entity(name, Entity.OrganizationType, [], count);
                organizations[name] = entity;
                Add(byFolded, TextFolding.Fold(name), (entity, true));
            }
            if (before is null != count <= 0) changed.UnionWith(OrganizationFinder.FormsOf(name));
        }
        return new EntityRegistry(componentOf.ToImmutable(), components.ToImmutable(), nextId, owner.ToImmutable(), mentions.ToImmutable(), forms.ToImmutable(),
            candidates.ToImmutable(), organizations.ToImmutable(), personsByName.ToImmutable(), byFolded.ToImmutable(),
            (new WeakReference<EntityRegistry>(previous), changed));
    }

    /// <summary>The linked component with each person that equals one of <paramref name="known"/> (by name, type,
    /// aliases and articles) replaced by that one.</summary>
    private static LinkedComponent Reuse(LinkedComponent linked, Dictionary<string, List<Entity>> known)
    {
        Dictionary<Entity, Entity>? same = null;
        foreach (var (entity, _) in linked.FormsOf)
            if (known.TryGetValue(entity.Name, out var named) && named.FirstOrDefault(k => !ReferenceEquals(k, entity) && k.Articles == entity.Articles
                    && k.Type == entity.Type && k.Aliases.SequenceEqual(entity.Aliases, StringComparer.Ordinal)) is { } old)
                (same ??= new(ReferenceEqualityComparer.Instance))[entity] = old;
        if (same is null) return linked;
        Entity Of(Entity e) => same.GetValueOrDefault(e) ?? e;
        return new LinkedComponent([.. linked.Forms.Select(f => (f.Form, f.Entity is { } e ? Of(e) : null))], [.. linked.FormsOf.Select(f => (Of(f.Entity), f.Forms))],
            [.. linked.Candidates.Select(c => (c.Form, (IReadOnlyList<Entity>)[.. c.Persons.Select(Of)]))]);
    }

    private static void Add<T>(ImmutableDictionary<string, ImmutableList<T>>.Builder map, string key, T value) =>
        map[key] = map.GetValueOrDefault(key, []).Add(value);

    private static void Remove<T>(ImmutableDictionary<string, ImmutableList<T>>.Builder map, string key, T value)
    {
        if (!map.TryGetValue(key, out var list)) return;
        list = list.Remove(value);
        if (list.IsEmpty) map.Remove(key);
        else map[key] = list;
    }

    /// <summary>A component's forms with their counts, as linked. Most components hold a few forms, and a registry holds
    /// one per name group of the archive, so each keeps one array sorted by form (searched by halves) rather than maps.</summary>
    private sealed class Component
    {
        private readonly (string Form, int Count, Entity? Entity, IReadOnlyList<Entity> Candidates)[] _members;

        public Component(List<(string Form, int Count, PersonName Name)> input, LinkedComponent linked)
        {
            Input = input;
            Linked = linked;
            // The input is in ordinal order of its forms (NameComponents.Split), and the linked forms are the same forms.
            var entities = linked.Forms.OrderBy(f => f.Form, StringComparer.Ordinal).ToArray();
            if (entities.Length != input.Count) throw new InvalidOperationException("a component was linked with other forms than its own");
            var candidates = linked.Candidates.ToDictionary(c => c.Form, c => c.Persons, StringComparer.Ordinal);
            _members = [.. input.Select((m, i) => entities[i].Form == m.Form ? (m.Form, m.Count, entities[i].Entity, candidates.GetValueOrDefault(m.Form) ?? [])
                : throw new InvalidOperationException($"a component was linked without its form {m.Form}"))];
            Mentions = [.. input.SelectMany(m => NameComponents.Mentions(m.Name)).Distinct(StringComparer.Ordinal)];
        }

        public List<(string Form, int Count, PersonName Name)> Input { get; }
        public LinkedComponent Linked { get; }
        /// <summary>The keys its forms join when another form gives them a family or a single name.</summary>
        public string[] Mentions { get; }

        /// <summary>The number of articles of one of its forms.</summary>
        public int CountOf(string form) => _members[IndexOf(form)].Count;

        /// <summary>The person one of its forms is (null: none, or ambiguous).</summary>
        public Entity? EntityOf(string form) => _members[IndexOf(form)].Entity;

        private IReadOnlyList<Entity> CandidatesOf(string form) => _members[IndexOf(form)].Candidates;

        private int IndexOf(string form)
        {
            var (low, high) = (0, _members.Length - 1);
            while (low <= high)
            {
                var middle = (low + high) >>> 1;
                var order = string.CompareOrdinal(_members[middle].Form, form);
                if (order == 0) return middle;
                if (order < 0) low = middle + 1;
                else high = middle - 1;
            }
            throw new KeyNotFoundException(form);
        }

        /// <summary>Whether a form of both components links to the same person (by name) and candidates (by name) in each.</summary>
        public static bool SameLinks(Component a, Component b, string form)
        {
            if (ReferenceEquals(a.Linked, b.Linked)) return true;
            if (a.EntityOf(form)?.Name != b.EntityOf(form)?.Name) return false;
            return a.CandidatesOf(form).Select(e => e.Name).SequenceEqual(b.CandidatesOf(form).Select(e => e.Name), StringComparer.Ordinal);
        }
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
