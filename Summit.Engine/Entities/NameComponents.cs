using System.Collections.Concurrent;

namespace Summit.Engine.Entities;

/// <summary>The persons <see cref="EntityRegistry"/> made of one component's forms.</summary>
/// <param name="Forms">Each form of the component with its entity (null: no entity, or an unresolved surname).</param>
/// <param name="FormsOf">Each entity with its forms, in ordinal order.</param>
/// <param name="Candidates">Each ambiguous form with the persons it may be (<see cref="EntityRegistry.CandidatesOf"/>).</param>
internal sealed record LinkedComponent(IReadOnlyList<(string Form, Entity? Entity)> Forms, IReadOnlyList<(Entity Entity, IReadOnlyList<string> Forms)> FormsOf,
    IReadOnlyList<(string Form, IReadOnlyList<Entity> Persons)> Candidates);

/// <summary>
/// Splits an archive's person forms into components that <see cref="EntityRegistry"/> can link each on its own.
/// Its rules compare a form only with forms that share a key with it: the family name; the first word, when a
/// one-word form is that word (the family-first "Xi" of "Xi Jinping", the given name "Kamala" of "Kamala Harris")
/// or when the two words are met the other way round ("Kishida Fumio"); the last two words joined, when that is
/// a family name ("Kilroy Silk"); the parts of a hyphenated one-word form ("Biden-Harris"). Forms joined by a key,
/// directly or through others, form one component. Linking every component on its own gives what linking all forms
/// at once gives, and a component whose forms and counts did not change links the same way again.
/// </summary>
internal static class NameComponents
{
    /// <summary>
    /// The keys other than its family that a form joins when some form gives them the right name: the parts of a
    /// hyphenated one-word form (when they are families), the first word of a longer one (when it is met alone or as
    /// the family of the same two words the other way round), the last two words joined (when a family). A form's own
    /// key is its family.
    /// </summary>
    public static IEnumerable<string> Mentions(PersonName name)
    {
        if (name.IsSingle)
        {
            foreach (var part in name.Words[^1].Split('-', StringSplitOptions.RemoveEmptyEntries)) yield return PersonName.Key(part);
            yield break;
        }
        yield return PersonName.Key(name.Words[0]);
        if (name.Words.Length >= 3) yield return PersonName.Key(name.Words[^2] + name.Words[^1]);
    }

    public static List<List<(string Form, int Count, PersonName Name)>> Split(IReadOnlyList<(string Form, int Count, PersonName Name)> forms)
    {
        var families = new HashSet<string>(StringComparer.Ordinal);
        var singles = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(string First, string Family)>();
        foreach (var (_, _, name) in forms)
        {
            if (name.IsSingle)
            {
                singles.Add(name.Family);
                continue;
            }
            families.Add(name.Family);
            if (name.Words.Length == 2) pairs.Add((PersonName.Key(name.Words[0]), name.Family));
        }

        // A family with a two-word name that linking keeps under it (no twin the other way round to fold into): a one-word
        // form of that word goes by the family's full names, and looks among full names with that first word only for
        // those whose first word is no given name. So a given name met alone ("Howard") need not join every full name it
        // begins ("Howard Baker") when some full name has it as family ("Michael Howard"); in a large archive those joins
        // chain most families into one component.
        var solid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, _, name) in forms)
            if (!name.IsSingle && name.Words.Length == 2 && !pairs.Contains((name.Family, PersonName.Key(name.Words[0])))) solid.Add(name.Family);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var parent = new List<int>();
        int Id(string key)
        {
            if (ids.TryGetValue(key, out var id)) return id;
            ids[key] = id = parent.Count;
            parent.Add(id);
            return id;
        }
        int Root(int id)
        {
            while (parent[id] != id) id = parent[id] = parent[parent[id]];
            return id;
        }
        void Join(int a, string key)
        {
            var (ra, rb) = (Root(a), Root(Id(key)));
            if (ra != rb) parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }

        var keyOf = new int[forms.Count];
        for (var i = 0; i < forms.Count; i++)
        {
            var name = forms[i].Name;
            var own = keyOf[i] = Id(name.Family);
            if (name.IsSingle)
            {
                foreach (var part in name.Words[^1].Split('-', StringSplitOptions.RemoveEmptyEntries))
                    if (families.Contains(PersonName.Key(part))) Join(own, PersonName.Key(part));
                continue;
            }
            var first = PersonName.Key(name.Words[0]);
            if (singles.Contains(first) && !(PersonName.IsGivenName(name.Words[0]) && solid.Contains(first))
                || name.Words.Length == 2 && pairs.Contains((name.Family, first))) Join(own, first);
            if (name.Words.Length >= 3 && PersonName.Key(name.Words[^2] + name.Words[^1]) is var joined && families.Contains(joined)) Join(own, joined);
        }

        var components = new Dictionary<int, List<(string Form, int Count, PersonName Name)>>();
        for (var i = 0; i < forms.Count; i++)
        {
            var root = Root(keyOf[i]);
            if (!components.TryGetValue(root, out var list)) components[root] = list = [];
            list.Add(forms[i]);
        }
        var result = components.Values.ToList();
        foreach (var component in result) component.Sort((a, b) => string.CompareOrdinal(a.Form, b.Form));
        return result;
    }
}

/// <summary>
/// Linked components by their forms and counts, kept across registry builds: a refresh after new articles re-links
/// only the components whose forms or counts they changed, so its cost follows the names the new articles hold.
/// </summary>
internal static class LinkedComponents
{
    // Bounded so a long-running process cannot grow it without end; past the bound it starts again.
    private const int MaxCached = 500_000;
    private static readonly ConcurrentDictionary<long, (List<(string Form, int Count, PersonName Name)> Input, LinkedComponent Linked)> Cache = new();

    public static LinkedComponent GetOrLink(List<(string Form, int Count, PersonName Name)> component,
        Func<List<(string Form, int Count, PersonName Name)>, LinkedComponent> link)
    {
        var key = Signature(component);
        if (Cache.TryGetValue(key, out var known) && Same(known.Input, component)) return known.Linked;
        if (Cache.Count >= MaxCached) Cache.Clear();
        var linked = link(component);
        Cache[key] = (component, linked);
        return linked;
    }

    /// <summary>Forgets every linked component (tests compare a build from the cache with one from scratch).</summary>
    internal static void Clear() => Cache.Clear();

    private static long Signature(List<(string Form, int Count, PersonName Name)> component)
    {
        var hash = new HashCode();
        foreach (var (form, count, _) in component)
        {
            hash.Add(form, StringComparer.Ordinal);
            hash.Add(count);
        }
        return ((long)hash.ToHashCode() << 32) | (uint)component.Count;
    }

    private static bool Same(List<(string Form, int Count, PersonName Name)> a, List<(string Form, int Count, PersonName Name)> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (a[i].Count != b[i].Count || !string.Equals(a[i].Form, b[i].Form, StringComparison.Ordinal)) return false;
        return true;
    }
}
