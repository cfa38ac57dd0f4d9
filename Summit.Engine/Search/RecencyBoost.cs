using System.Collections;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Queries.Function;
using Lucene.Net.Search;
using Summit.Engine.Index;

namespace Summit.Engine.Search;

/// <summary>
/// Multiplies relevance by <c>1 + weight · 0.5^(age / 180 days)</c>, age measured from the newest article in the
/// index (not from today, so an archive of old articles still has a "recent" end). Undated articles get 1.
/// </summary>
public sealed class RecencyBoost(long newestMillis, double weight) : ValueSource
{
    public const double HalfLifeDays = 180;

    public static Query Apply(Query query, double weight, long? newestMillis) =>
        weight <= 0 || newestMillis is null ? query : new BoostedQuery(query, new RecencyBoost(newestMillis.Value, weight));

    // The in-memory date column (warmed with the searcher): every scored hit asks for its date.
    public override FunctionValues GetValues(IDictionary context, AtomicReaderContext readerContext) =>
        new Values(this, NumericColumn.For(readerContext.AtomicReader, SummitSchema.Date));

    internal float Boost(long millis)
    {
        var ageDays = Math.Max(0, (newestMillis - millis) / 86_400_000.0);
        return (float)(1 + weight * Math.Pow(0.5, ageDays / HalfLifeDays));
    }

    public override string GetDescription() => $"recency(weight={weight}, halfLifeDays={HalfLifeDays})";

    public override bool Equals(object? o) => o is RecencyBoost other && other.GetDescription() == GetDescription();

    public override int GetHashCode() => HashCode.Combine(newestMillis, weight);

    private sealed class Values(RecencyBoost source, NumericColumn? dates) : FunctionValues
    {
        public override float SingleVal(int doc) => dates?.Get(doc) is { } millis ? source.Boost(millis) : 1f;

        public override string ToString(int doc) => $"{source.GetDescription()}={SingleVal(doc)}";
    }
}
