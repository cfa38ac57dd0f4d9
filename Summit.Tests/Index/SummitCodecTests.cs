using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Index;

public sealed class SummitCodecTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "summit-codec-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => System.IO.Directory.Delete(_path, recursive: true);

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

        // Lucene's own directory and codec lookup, nothing of Summit's (quote documents repeat their article's title).
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
}
