using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Compressing;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;
using Summit.Tests.TestSupport;

namespace Summit.Tests.Index;

public sealed class SummitCodecTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "summit-codec-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_path)) System.IO.Directory.Delete(_path, recursive: true);
    }

    [Fact]
    public void The_indexer_writes_stored_fields_in_small_chunks_that_any_Lucene46_reader_reads()
    {
        using (var builder = IndexBuilder.Open(_path))
        {
            for (var i = 0; i < 20; i++)
            {
                var article = new Article($"a{i}", $"Headline {i}", $"Oil prices rose on day {i}, traders said. \"We expect calm,\" said Maria Lopez.");
                builder.Upsert(article, Extractor.Default.Extract(article));
            }
            builder.Commit();
        }

        // Lucene's own directory, which Lucene's own decoder reads (quote documents repeat their article's title).
        using var directory = new NIOFSDirectory(new DirectoryInfo(_path));
        using var reader = DirectoryReader.Open(directory);
        var leaf = (SegmentReader)Assert.Single(reader.Leaves).AtomicReader;
        Assert.Equal("Lucene46", leaf.SegmentInfo.Info.Codec.Name);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"Headline {i}"),
            Enumerable.Range(0, reader.MaxDoc).Select(d => reader.Document(d).Get(SummitSchema.Title)).OfType<string>().Distinct().OrderBy(t => int.Parse(t[9..])));

        // The stored fields file records the chunk size it was written with, right after its header.
        var segment = leaf.SegmentInfo.Info;
        using var files = segment.UseCompoundFile
            ? new CompoundFileDirectory(directory, segment.Name + ".cfs", IOContext.READ, false)
            : (Lucene.Net.Store.Directory)new NIOFSDirectory(new DirectoryInfo(_path));
        using var data = files.OpenInput(segment.Name + ".fdt", IOContext.READ);
        CodecUtil.CheckHeader(data, "Lucene41StoredFieldsData", 0, int.MaxValue);
        Assert.Equal(SummitCodec.StoredFieldsChunkBytes, data.ReadVInt32());
    }

    [Fact]
    public void Summit_reads_Lucene46_segments_with_its_codec_and_decoder()
    {
        using (var builder = IndexBuilder.Open(_path))
        {
            var article = new Article("a", "Headline", "Oil prices rose, traders said.");
            builder.Upsert(article, Extractor.Default.Extract(article));
            builder.Commit();
        }
        using var directory = new SummitDirectory(new DirectoryInfo(_path));
        using var reader = DirectoryReader.Open(directory);

        Assert.IsType<SummitCodec>(((SegmentReader)Assert.Single(reader.Leaves).AtomicReader).SegmentInfo.Info.Codec);
        Assert.IsType<SummitCodec>(Codec.ForName("Lucene46"));
    }

    [Fact]
    public void The_writer_reads_its_segments_in_its_own_compression_mode_so_merges_copy_chunks_as_they_are()
    {
        using (var first = IndexBuilder.Open(_path))
        {
            for (var i = 0; i < 2; i++)
            {
                var article = new Article($"a{i}", $"Headline {i}", "Oil prices rose, traders said.");
                first.Upsert(article, Extractor.Default.Extract(article));
                first.Commit();
            }
        }
        // The next run's writer opens the segments by their codec's name, as any run adding to an index does.
        using var builder = IndexBuilder.Open(_path);
        using var reader = DirectoryReader.Open(builder.Writer, applyAllDeletes: true);

        // A merge copies a segment's compressed chunks only when the segment's reader has the writer's compression
        // mode (the same object); otherwise it decompresses and compresses every document. SummitCodec's is MappedLz4.
        Assert.Equal(2, reader.Leaves.Count);
        Assert.IsType<SummitCodec>(builder.Writer.Config.Codec);
        Assert.All(reader.Leaves, leaf => Assert.IsType<SummitCodec>(((SegmentReader)leaf.AtomicReader).SegmentInfo.Info.Codec));
    }

    /// <summary>Blocks as Lucene's compressor writes them: text, a small alphabet (long matches, short distances),
    /// runs of one byte (overlapping matches), random bytes (literals only), sizes around the copy steps.</summary>
    public static TheoryData<string, int> Blocks() => new()
    {
        { "text", 1 }, { "text", 15 }, { "text", 16 }, { "text", 17 }, { "text", 100 }, { "text", 4_096 }, { "text", 9_000 }, { "text", 70_000 },
        { "alphabet", 40 }, { "alphabet", 4_096 }, { "run", 5 }, { "run", 300 }, { "run", 70_000 }, { "random", 17 }, { "random", 4_096 },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void Lz4_blocks_decode_as_Lucene_decodes_them_and_read_as_many_bytes(string kind, int size)
    {
        var random = new Random(size);
        var text = string.Join(' ', System.IO.Directory.EnumerateFiles(RepoPaths.Seeds, "*.*", SearchOption.AllDirectories).Order().Take(20).Select(File.ReadAllText));
        var data = kind switch
        {
            "text" => System.Text.Encoding.UTF8.GetBytes(text)[..size],
            "alphabet" => Enumerable.Range(0, size).Select(_ => (byte)"abcd"[random.Next(4)]).ToArray(),
            "run" => Enumerable.Repeat((byte)' ', size).ToArray(),
            _ => Enumerable.Range(0, size).Select(_ => (byte)random.Next(256)).ToArray(),
        };
        // The block, followed by what else the file holds.
        var file = new byte[size * 2 + 64];
        var output = new ByteArrayDataOutput(file);
        CompressionMode.FAST.NewCompressor().Compress(data, 0, size, output);
        for (var i = output.Position; i < file.Length; i++) file[i] = (byte)random.Next(256);

        foreach (var (offset, length) in new[] { (0, size), (0, 0), (0, 1), (size - 1, 1), (size / 2, size - size / 2), (size / 3, size / 3) })
        {
            var lucene = new ByteArrayDataInput(file);
            var expected = new BytesRef();
            CompressionMode.FAST.NewDecompressor().Decompress(lucene, size, offset, length, expected);

            var target = new byte[size + Lz4Block.Slack];
            var (read, decoded) = Lz4Block.Decode(file, target, offset + length, "test");

            Assert.Equal(data.AsSpan(offset, length).ToArray(), target.AsSpan(offset, length).ToArray());
            Assert.Equal(expected.Bytes.AsSpan(expected.Offset, expected.Length).ToArray(), target.AsSpan(offset, length).ToArray());
            Assert.Equal(lucene.Position, read);
            Assert.InRange(decoded, offset + length, size);
        }
    }

    [Fact]
    public void A_corrupt_Lz4_block_throws_CorruptIndexException()
    {
        var data = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Oil prices rose, traders said. ", 40)));
        var block = new byte[data.Length * 2];
        var output = new ByteArrayDataOutput(block);
        CompressionMode.FAST.NewCompressor().Compress(data, 0, data.Length, output);
        var target = new byte[data.Length + Lz4Block.Slack];

        // Cut short, decoded into too small a target, or a match reaching before the block's start.
        Assert.Throws<CorruptIndexException>(() => Lz4Block.Decode(block.AsSpan(0, output.Position / 2), target, data.Length, "test"));
        Assert.Throws<CorruptIndexException>(() => Lz4Block.Decode(block.AsSpan(0, output.Position), target.AsSpan(0, 64), data.Length, "test"));
        var far = block.ToArray();
        var (literals, at) = (far[0] >>> 4, 1);
        if (literals == 15)
            for (var extra = 255; extra == 255; at++) literals += extra = far[at];
        at += literals;
        (far[at], far[at + 1]) = (0xFF, 0x7F);
        Assert.Throws<CorruptIndexException>(() => Lz4Block.Decode(far.AsSpan(0, output.Position), target, data.Length, "test"));
    }
}
