using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Summit.Engine.Index;

/// <summary>
/// The codec Summit writes with: Lucene46 with stored fields compressed in small chunks. A hit's stored fields are
/// read by decompressing its chunk from the start up to the hit, so with Lucene's 16 KB chunks a hit cost the
/// decompression of the articles before it in the chunk as well, a fifth of a plain search. The format is the same
/// (LZ4, fast), and the chunk size is written in the file, so every Lucene46 reader reads these segments: the codec
/// keeps the name Lucene46, and opening an index needs no codec of Summit's. Summit reads with it too, for its
/// decoder (<see cref="MappedLz4"/>).
/// </summary>
[CodecName("Lucene46")]
internal sealed class SummitCodec() : FilterCodec(new Lucene46Codec())
{
    /// <summary>Bytes of stored fields (before compression) per chunk: an article or two.</summary>
    public const int StoredFieldsChunkBytes = 4 * 1024;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("Lucene41StoredFields", MappedLz4.Instance, StoredFieldsChunkBytes);

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;

    /// <summary>
    /// Lucene opens every Lucene46 segment with this codec, whatever wrote it (the format is the same), from the first
    /// use of this type on: process-wide (a codec named as one of Lucene's replaces it in the factory). So a writer made
    /// with it reads its segments with it too, and its merges copy their compressed chunks as they are: Lucene copies
    /// only between the same compression mode, and decompresses and compresses every document otherwise.
    /// <see cref="SummitDirectory"/> runs it too, before a search opens a segment.
    /// </summary>
    static SummitCodec() => SetCodecFactory(new DefaultCodecFactory { CustomCodecTypes = [typeof(SummitCodec)] });
}

/// <summary>
/// Lucene's fast mode (LZ4), whose blocks a search decodes in place from the mapped file (<see cref="Lz4Block"/>).
/// Lucene's decoder reads the compressed bytes one call at a time through the input, half of a hit's stored-field
/// time. Compression, and reading any other input, stay Lucene's; the bytes written are the same.
/// </summary>
internal sealed class MappedLz4 : CompressionMode
{
    public static MappedLz4 Instance { get; } = new();

    private MappedLz4()
    {
    }

    public override Compressor NewCompressor() => FAST.NewCompressor();

    public override Decompressor NewDecompressor() => new Decoder();

    private sealed class Decoder : Decompressor
    {
        private readonly Decompressor _lucene = FAST.NewDecompressor();

        public override void Decompress(DataInput input, int originalLength, int offset, int length, BytesRef bytes)
        {
            if (input is not (IndexInput file and SummitDirectory.IMappedInput mapped))
            {
                _lucene.Decompress(input, originalLength, offset, length, bytes);
                return;
            }
            // Room for the whole block, and for the decoder's copies in whole steps past its end.
            if (bytes.Bytes.Length < originalLength + Lz4Block.Slack) bytes.Bytes = new byte[ArrayUtil.Oversize(originalLength + Lz4Block.Slack, 1)];
            var (read, decoded) = Lz4Block.Decode(mapped.Unread, bytes.Bytes.AsSpan(0, originalLength + Lz4Block.Slack), offset + length, file);
            // The file pointer ends where Lucene's decoder leaves it: a merge copies the compressed bytes that follow.
            file.Seek(file.Position + read);
            GC.KeepAlive(file);
            if (decoded > originalLength) throw new CorruptIndexException($"Corrupted: lengths mismatch: {decoded} > {originalLength} (resource={file})");
            bytes.Offset = offset;
            bytes.Length = length;
        }

        public override object Clone() => new Decoder();
    }
}

/// <summary>The LZ4 block format as Lucene writes it (Lucene.Net.Codecs.Compressing.LZ4), decoded from a span.</summary>
internal static class Lz4Block
{
    private const int MinMatch = 4;

    /// <summary>Bytes a target needs past the block's end: short literals and matches are copied in whole 16- and
    /// 8-byte steps (most are a few bytes long, and a call to copy each costs more than the copy).</summary>
    public const int Slack = 16;

    /// <summary>
    /// Decodes the block at the start of <paramref name="source"/> into <paramref name="target"/> until at least
    /// <paramref name="wanted"/> bytes are decoded, finishing the sequence that reaches them, as Lucene's decoder does
    /// (so it reads the same bytes); returns the bytes read and decoded. The target's bytes past those decoded are
    /// overwritten. Bytes that do not decode within the target (a corrupt block) throw <see cref="CorruptIndexException"/>.
    /// </summary>
    public static (int Read, int Decoded) Decode(ReadOnlySpan<byte> source, Span<byte> target, int wanted, object resource)
    {
        var (s, d) = (0, 0);
        try
        {
            do
            {
                int token = source[s++];
                var literals = token >>> 4;
                if (literals == 0x0F) literals += Length(source, ref s);
                if (literals <= 16 && source.Length - s >= 16 && target.Length - d >= 16)
                    Copy16(source.Slice(s, 16), target.Slice(d, 16));
                else
                    source.Slice(s, literals).CopyTo(target[d..]);
                (s, d) = (s + literals, d + literals);
                if (d >= wanted) break;

                var distance = source[s] | source[s + 1] << 8;
                s += 2;
                var match = token & 0x0F;
                if (match == 0x0F) match += Length(source, ref s);
                match += MinMatch;
                if (distance == 0 || distance > d) throw new CorruptIndexException($"Corrupted: match distance {distance} at {d} (resource={resource})");
                if (distance >= 8 && target.Length - d >= match + 8)
                {
                    // 8 bytes at a time: each step reads bytes written at least 8 before.
                    ref var to = ref MemoryMarshal.GetReference(target);
                    for (var i = 0; i < match; i += 8)
                        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, d + i), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref to, d - distance + i)));
                }
                else
                {
                    // Overlapping by less than 8 bytes (a run), or at the target's end: byte by byte.
                    var run = target.Slice(d - distance, match + distance);
                    for (var i = distance; i < run.Length; i++) run[i] = run[i - distance];
                }
                d += match;
            } while (d < wanted);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new CorruptIndexException($"Corrupted: an LZ4 block decodes past its length (resource={resource})");
        }
        catch (IndexOutOfRangeException)
        {
            throw new CorruptIndexException($"Corrupted: an LZ4 block ends early (resource={resource})");
        }
        return (s, d);
    }

    private static void Copy16(ReadOnlySpan<byte> from, Span<byte> to) =>
        Unsafe.WriteUnaligned(ref MemoryMarshal.GetReference(to), Unsafe.ReadUnaligned<Vector128<byte>>(ref MemoryMarshal.GetReference(from)));

    // A length over 14: bytes of 255 and a last one below, added up.
    private static int Length(ReadOnlySpan<byte> source, ref int s)
    {
        var (sum, next) = (0, 0);
        do
        {
            next = source[s++];
            sum += next;
        } while (next == 0xFF);
        return sum;
    }
}
