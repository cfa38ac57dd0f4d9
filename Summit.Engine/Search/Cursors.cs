using System.Buffers.Text;
using System.Globalization;
using Lucene.Net.Search;

namespace Summit.Engine.Search;

/// <summary>
/// Deep-paging positions: the last hit's sort values and document number, in an opaque URL-safe string, for
/// <c>IndexSearcher.SearchAfter</c>. A cursor is tied to its sort order; a refresh between pages can shift ties.
/// </summary>
public static class Cursors
{
    public static string Encode(FieldDoc last, SearchSort sort)
    {
        var values = last.Fields.Select(v => v switch
        {
            // Lucene.Net boxes sort values as J2N numbers.
            J2N.Numerics.Single f => f.ToSingle().ToString("R", CultureInfo.InvariantCulture),
            J2N.Numerics.Int64 l => l.ToInt64().ToString(CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            _ => "0",
        });
        var text = string.Join('|', new[] { sort.ToString(), last.Doc.ToString(CultureInfo.InvariantCulture) }.Concat(values));
        return Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(text));
    }

    public static FieldDoc Decode(string cursor, SearchSort sort)
    {
        string[] parts;
        try
        {
            parts = System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('|');
        }
        catch (FormatException)
        {
            throw Invalid();
        }
        if (parts.Length < 3 || parts[0] != sort.ToString() || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var doc) || doc < 0)
            throw Invalid();
        object[] fields;
        if (sort == SearchSort.Relevance)
        {
            if (parts.Length != 4 || !float.TryParse(parts[2], CultureInfo.InvariantCulture, out var score)
                || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var date1)) throw Invalid();
            fields = [J2N.Numerics.Single.GetInstance(score), J2N.Numerics.Int64.GetInstance(date1)];
            return new FieldDoc(doc, score, fields);
        }
        if (parts.Length != 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var date)) throw Invalid();
        fields = [J2N.Numerics.Int64.GetInstance(date)];
        return new FieldDoc(doc, float.NaN, fields);
    }

    private static SearchRequestException Invalid() =>
        new("cursor", "'cursor' is not one this search gave out for this sort order; start again without it, or copy nextCursor exactly.");
}
