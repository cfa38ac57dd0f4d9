using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Codecs.Lucene46;

namespace Summit.Engine.Index;

/// <summary>
/// The codec Summit writes with: Lucene46 with stored fields compressed in small chunks. A hit's stored fields are
/// read by decompressing its chunk from the start up to the hit, so with Lucene's 16 KB chunks a hit cost the
/// decompression of the articles before it in the chunk as well, a fifth of a plain search. The format is the same
/// (LZ4, fast), and the chunk size is written in the file, so every Lucene46 reader reads these segments: the codec
/// keeps the name Lucene46, and opening an index needs no codec of Summit's.
/// </summary>
[CodecName("Lucene46")]
internal sealed class SummitCodec() : FilterCodec(new Lucene46Codec())
{
    /// <summary>Bytes of stored fields (before compression) per chunk: an article or two.</summary>
    public const int StoredFieldsChunkBytes = 4 * 1024;

    private readonly StoredFieldsFormat _storedFields = new CompressingStoredFieldsFormat("Lucene41StoredFields", CompressionMode.FAST, StoredFieldsChunkBytes);

    public override StoredFieldsFormat StoredFieldsFormat => _storedFields;
}
