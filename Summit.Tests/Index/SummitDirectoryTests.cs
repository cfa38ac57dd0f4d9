using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Summit.Engine.Articles;
using Summit.Engine.Extraction;
using Summit.Engine.Index;

namespace Summit.Tests.Index;

public sealed class SummitDirectoryTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "summit-directory-" + Guid.NewGuid().ToString("N"));

    public SummitDirectoryTests()
    {
        string[] bodies =
        [
            "Oil prices rose on Monday as traders weighed talks between producers. \"We expect calm,\" said Maria Lopez.",
            "The talk in Berlin turned to trade; ministers talked until late. Exports of grain fell.",
            "Shares in Tokyo closed higher. \"It was a good day,\" a dealer said. The yen weakened.",
            // Longer than two chunks of stored fields: read block by block, each after the last.
            string.Join(' ', Enumerable.Range(0, 400).Select(i => $"Report {i}: grain exports from port {i % 37} rose by {i * 7 % 101} tonnes.")),
        ];
        // One commit per article: several small segments in compound files, as the indexer writes them...
        using (var builder = IndexBuilder.Open(_path))
        {
            for (var i = 0; i < bodies.Length; i++)
            {
                var article = new Article($"a{i}", $"Headline {i}", bodies[i]);
                builder.Upsert(article, Extractor.Default.Extract(article));
                builder.Commit();
            }
        }
        // ... and one segment in separate files, as large merged segments are.
        using var directory = new NIOFSDirectory(new DirectoryInfo(_path));
        using var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateIndexAnalyzer())
            { UseCompoundFile = false, MergePolicy = NoMergePolicy.NO_COMPOUND_FILES });
        var last = new Article("a9", "Headline 9", "Coffee exports from Brazil rose sharply, traders said on Friday.");
        writer.AddDocuments(ArticleDocuments.Create(last, Extractor.Default.Extract(last)));
        writer.Commit();
    }

    public void Dispose() => System.IO.Directory.Delete(_path, recursive: true);

    [Fact]
    public void Reads_every_term_and_posting_exactly_as_NIOFSDirectory()
    {
        using var plain = new NIOFSDirectory(new DirectoryInfo(_path));
        using var summit = new SummitDirectory(new DirectoryInfo(_path));
        using var expectedReader = DirectoryReader.Open(plain);
        using var actualReader = DirectoryReader.Open(summit);

        Assert.True(actualReader.Leaves.Count > 1);
        var checkedTerms = 0;
        for (var i = 0; i < expectedReader.Leaves.Count; i++)
        {
            var expected = expectedReader.Leaves[i].AtomicReader;
            var actual = actualReader.Leaves[i].AtomicReader;
            foreach (var field in expected.Fields)
            {
                var expectedTerms = expected.GetTerms(field).GetEnumerator();
                var actualTerms = actual.GetTerms(field).GetEnumerator();
                while (expectedTerms.MoveNext())
                {
                    Assert.True(actualTerms.MoveNext());
                    Assert.Equal(expectedTerms.Term, actualTerms.Term);
                    Assert.Equal(expectedTerms.DocFreq, actualTerms.DocFreq);
                    Assert.Equal(Postings(expectedTerms), Postings(actualTerms));
                    // Random access by term, the way a query looks words up.
                    Assert.True(actual.GetTerms(field).GetEnumerator().SeekExact(expectedTerms.Term));
                    checkedTerms++;
                }
                Assert.False(actualTerms.MoveNext());
            }
        }
        Assert.True(checkedTerms > 100);
    }

    /// <summary>Documents, frequencies, and positions with offsets where the field has them.</summary>
    private static List<string> Postings(TermsEnum terms)
    {
        var result = new List<string>();
        var positions = terms.DocsAndPositions(null, null);
        var docs = positions ?? terms.Docs(null, null);
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            result.Add($"doc {doc} freq {docs.Freq}");
            for (var i = 0; positions is not null && i < positions.Freq; i++)
                result.Add($"{positions.NextPosition()} {positions.StartOffset}-{positions.EndOffset}");
        }
        return result;
    }

    [Fact]
    public void Reads_every_stored_field_and_doc_value_exactly_as_NIOFSDirectory()
    {
        using var plain = new NIOFSDirectory(new DirectoryInfo(_path));
        using var summit = new SummitDirectory(new DirectoryInfo(_path));
        using var expectedReader = DirectoryReader.Open(plain);
        using var actualReader = DirectoryReader.Open(summit);

        for (var doc = 0; doc < expectedReader.MaxDoc; doc++)
        {
            static IEnumerable<string> Fields(Lucene.Net.Documents.Document d) =>
                d.Fields.Select(f => $"{f.Name}={f.GetStringValue() ?? f.GetInt64Value()?.ToString() ?? f.GetInt32Value()?.ToString()}");
            Assert.Equal(Fields(expectedReader.Document(doc)), Fields(actualReader.Document(doc)));
        }
        for (var i = 0; i < expectedReader.Leaves.Count; i++)
        {
            var (expected, actual) = (expectedReader.Leaves[i].AtomicReader, actualReader.Leaves[i].AtomicReader);
            var (expectedDates, actualDates) = (expected.GetNumericDocValues(SummitSchema.QuoteHash), actual.GetNumericDocValues(SummitSchema.QuoteHash));
            var (expectedPersons, actualPersons) = (expected.GetSortedSetDocValues(SummitSchema.Person), actual.GetSortedSetDocValues(SummitSchema.Person));
            for (var doc = 0; doc < expected.MaxDoc; doc++)
            {
                Assert.Equal(expectedDates?.Get(doc), actualDates?.Get(doc));
                if (expectedPersons is null) continue;
                expectedPersons.SetDocument(doc);
                actualPersons!.SetDocument(doc);
                long ord;
                while ((ord = expectedPersons.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) Assert.Equal(ord, actualPersons.NextOrd());
                Assert.Equal(SortedSetDocValues.NO_MORE_ORDS, actualPersons.NextOrd());
            }
        }
    }

    /// <summary>The terms dictionary of the segment in separate files and of one in a compound file.</summary>
    private static List<IndexInput> TermsDictionaries(Lucene.Net.Store.Directory directory, IOContext? context = null)
    {
        var files = directory.ListAll();
        var compound = new CompoundFileDirectory(directory, files.First(f => f.EndsWith(".cfs", StringComparison.Ordinal)), context ?? IOContext.DEFAULT, false);
        return
        [
            directory.OpenInput(files.First(f => f.EndsWith(".tim", StringComparison.Ordinal)), context ?? IOContext.DEFAULT),
            compound.OpenInput(compound.ListAll().First(f => f.EndsWith(".tim", StringComparison.Ordinal)), context ?? IOContext.DEFAULT),
        ];
    }

    [Fact]
    public void A_search_reads_files_mapped_and_reports_reads_past_their_end()
    {
        using var summit = new SummitDirectory(new DirectoryInfo(_path));
        using var plain = new NIOFSDirectory(new DirectoryInfo(_path));

        foreach (var (input, onDisk) in TermsDictionaries(summit).Zip(TermsDictionaries(plain)))
        {
            Assert.Contains("MappedInput", input.ToString());
            Assert.Equal(onDisk.Length, input.Length);
            var (expected, actual) = (new byte[onDisk.Length], new byte[input.Length]);
            onDisk.ReadBytes(expected, 0, expected.Length);
            input.ReadBytes(actual, 0, actual.Length);
            Assert.Equal(expected, actual);
            // The number readers decode Lucene's big-endian layout like the buffered input does.
            onDisk.Seek(1);
            input.Seek(1);
            Assert.Equal(onDisk.ReadInt16(), input.ReadInt16());
            Assert.Equal(onDisk.ReadInt32(), input.ReadInt32());
            Assert.Equal(onDisk.ReadInt64(), input.ReadInt64());
            Assert.Equal(onDisk.ReadVInt32(), input.ReadVInt32());
            input.Seek(input.Length);
            Assert.Throws<EndOfStreamException>(() => input.ReadByte());
            Assert.Throws<EndOfStreamException>(() => input.ReadBytes(new byte[1], 0, 1));
            Assert.Throws<EndOfStreamException>(() => input.Seek(input.Length + 1));
        }
        Assert.ThrowsAny<IOException>(() => summit.OpenInput("_missing.tim", IOContext.DEFAULT));
    }

    [Fact]
    public void A_merge_reads_files_by_position_instead()
    {
        using var summit = new SummitDirectory(new DirectoryInfo(_path));

        Assert.All(TermsDictionaries(summit, new IOContext(new MergeInfo(1, 1, false, 1))), input => Assert.Contains("FileSliceInput", input.ToString()));
    }

    [Fact]
    public void A_directory_told_not_to_map_reads_a_search_by_position_with_the_same_bytes()
    {
        using var unmapped = new SummitDirectory(new DirectoryInfo(_path), mapForSearch: false);
        using var mapped = new SummitDirectory(new DirectoryInfo(_path));

        foreach (var (input, expected) in TermsDictionaries(unmapped).Zip(TermsDictionaries(mapped)))
        {
            Assert.Contains("FileSliceInput", input.ToString());
            Assert.Contains("MappedInput", expected.ToString());
            var (actualBytes, expectedBytes) = (new byte[input.Length], new byte[expected.Length]);
            input.ReadBytes(actualBytes, 0, actualBytes.Length);
            expected.ReadBytes(expectedBytes, 0, expectedBytes.Length);
            Assert.Equal(expectedBytes, actualBytes);
        }
    }

    /// <summary>
    /// A merged-away segment's files are deleted while the searcher still maps them; their disk space comes back
    /// when the mappings go. Without the collection the refresh asks for, that waits for the next full garbage
    /// collection, which in a long-lived API can be hours away.
    /// </summary>
    [SkippableFact]
    public void A_refresh_that_merges_segments_away_lets_go_of_their_files()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "reads the process's mappings from /proc/self/maps");
        using var index = new Summit.Engine.Search.SearchIndex(_path);
        Assert.NotEmpty(MappedIndexFiles());
        // A searcher that has served a while: its inputs sit in the oldest generation, which young collections skip.
        GC.Collect();
        GC.Collect();
        using (var directory = new NIOFSDirectory(new DirectoryInfo(_path)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SummitSchema.Version, SummitSchema.CreateIndexAnalyzer())))
        {
            writer.ForceMerge(1);
            writer.Commit();
        }

        Assert.True(index.MaybeRefresh());
        Assert.Contains(MappedIndexFiles(), file => !File.Exists(file));
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (MappedIndexFiles().Any(file => !File.Exists(file)) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(100);
            index.MaybeRefresh(); // the refresh loop's next tick
        }

        Assert.DoesNotContain(MappedIndexFiles(), file => !File.Exists(file));
        Assert.NotEmpty(MappedIndexFiles()); // the merged segment is mapped in their place
    }

    /// <summary>Files of this index mapped into the process (a deleted one still is, marked so by the kernel).</summary>
    private List<string> MappedIndexFiles() =>
        [.. File.ReadLines("/proc/self/maps").Select(line => line.IndexOf(_path, StringComparison.Ordinal) is var at and >= 0 ? line[at..] : null)
            .OfType<string>().Select(file => file.EndsWith(" (deleted)", StringComparison.Ordinal) ? file[..^" (deleted)".Length] : file).Distinct()];

    [Fact]
    public void A_clone_reads_its_file_after_the_input_and_the_directory_are_closed()
    {
        IndexInput clone;
        byte[] expected;
        using (var summit = new SummitDirectory(new DirectoryInfo(_path)))
        {
            var input = TermsDictionaries(summit)[1];
            expected = new byte[input.Length];
            input.ReadBytes(expected, 0, expected.Length);
            input.Seek(0);
            clone = (IndexInput)input.Clone();
            input.Dispose();
        }
        // Were the file unmapped on close, this read would crash the process; it is unmapped once nothing holds it.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var actual = new byte[clone.Length];
        clone.ReadBytes(actual, 0, actual.Length);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Clones_keep_their_own_position()
    {
        using var summit = new SummitDirectory(new DirectoryInfo(_path));
        var input = TermsDictionaries(summit)[0];

        var first = input.ReadInt32();
        var clone = (IndexInput)input.Clone();
        var next = input.ReadInt64();

        Assert.Equal(4, clone.Position);
        Assert.Equal(next, clone.ReadInt64());
        input.Seek(0);
        Assert.Equal(first, input.ReadInt32());
        Assert.Equal(12, clone.Position);
    }
}
