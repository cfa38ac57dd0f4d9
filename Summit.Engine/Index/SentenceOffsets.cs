namespace Summit.Engine.Index;

/// <summary>
/// A text's sentences (character ranges in text order, not overlapping) as the bytes of a stored field: for each, the
/// gap since the end of the one before and its length, as variable-length integers. An article's take a few dozen bytes.
/// </summary>
public static class SentenceOffsets
{
    public static byte[] Encode(IReadOnlyList<(int Start, int End)> sentences)
    {
        var bytes = new List<byte>(sentences.Count * 3);
        var end = 0;
        foreach (var (start, stop) in sentences)
        {
            if (start < end || stop < start) throw new ArgumentException("Sentences must be in text order and not overlap.", nameof(sentences));
            Write(bytes, start - end);
            Write(bytes, stop - start);
            end = stop;
        }
        return [.. bytes];
    }

    /// <summary>The sentences of <paramref name="bytes"/>; null when there are none, or when they do not fit a text of
    /// <paramref name="textLength"/> characters (they were stored for another text), so the caller cuts the text itself.</summary>
    public static List<(int Start, int End)>? Decode(byte[]? bytes, int textLength)
    {
        if (bytes is null || bytes.Length == 0) return null;
        var sentences = new List<(int Start, int End)>(bytes.Length / 3 + 1);
        var (at, end) = (0, 0);
        while (at < bytes.Length)
        {
            if (Read(bytes, ref at) is not { } gap || Read(bytes, ref at) is not { } length) return null;
            var start = end + gap;
            end = start + length;
            if (start < 0 || end < start || end > textLength) return null;
            sentences.Add((start, end));
        }
        return sentences;
    }

    private static void Write(List<byte> bytes, int value)
    {
        var v = (uint)value;
        while (v >= 0x80)
        {
            bytes.Add((byte)(v | 0x80));
            v >>= 7;
        }
        bytes.Add((byte)v);
    }

    private static int? Read(byte[] bytes, ref int at)
    {
        var (value, shift) = (0L, 0);
        while (at < bytes.Length && shift <= 28)
        {
            var b = bytes[at++];
            value |= (long)(b & 0x7F) << shift;
            if (b < 0x80) return value <= int.MaxValue ? (int)value : null;
            shift += 7;
        }
        return null;
    }
}
