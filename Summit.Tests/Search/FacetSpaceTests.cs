using Summit.Engine.Index;
using Summit.Engine.Search;

namespace Summit.Tests.Search;

/// <summary>Stable facet ids: numbered once, and sort keys that keep the display order as values arrive.</summary>
public sealed class FacetSpaceTests
{
    [Fact]
    public void Ids_are_stable_and_sort_keys_follow_the_labels_ignoring_case_as_values_arrive_in_any_order()
    {
        var values = new FacetSpace().Of(SummitSchema.Person);
        var random = new Random(7);
        var names = Enumerable.Range(0, 400).Select(i => $"{(char)('a' + random.Next(26))}{(char)('A' + random.Next(26))}{random.Next(1000)}").ToList();
        // Same names in other case: equal display labels share a key.
        names.AddRange(names.Take(20).Select(n => n.ToUpperInvariant()));
        var ids = new Dictionary<string, int>();
        var snapshots = new List<FacetSpace.Snapshot>();
        // A first batch, then small batches: the keys of the later ones are placed between their neighbours'.
        foreach (var batch in names.Chunk(100).Take(1).Concat(names.Skip(100).Chunk(7)))
        {
            foreach (var name in batch) ids[name] = values.Id(name);
            snapshots.Add(values.Take());
        }

        foreach (var (name, id) in ids) Assert.Equal(id, values.Id(name));
        foreach (var snapshot in snapshots)
        {
            var seen = ids.Where(kv => kv.Value < snapshot.Count).ToList();
            Assert.All(seen, kv => Assert.Equal(kv.Key, snapshot.Labels[kv.Value]));
            foreach (var (a, ida) in seen)
                foreach (var (b, idb) in seen)
                    Assert.Equal(Math.Sign(StringComparer.OrdinalIgnoreCase.Compare(a, b)), Math.Sign(snapshot.Order[ida].CompareTo(snapshot.Order[idb])));
        }
        Assert.Equal(-1, values.Find("nobody"));
    }
}
