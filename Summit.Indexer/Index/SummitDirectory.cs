using System.Buffers.Binary;
using Lucene.Net.Store;

namespace Summit.Indexer.Index;

/// <summary>
/// The index folder as the searcher reads it: <see cref="NIOFSDirectory"/> (FSDirectory.Open would pick
/// MMapDirectory, which misbehaves in this Lucene.Net version), except that each segment's terms dictionary
/// (<c>.tim</c>) is read into memory when the segment opens. Looking a word up reads a block of that file at a
/// random place; through NIOFSDirectory that is a positional read system call per block and field, which made
/// term lookups about a quarter of a rare word's search. The file is a few percent of the index (about 100 MB at
/// a million articles). Segment files never change once written, so the copy cannot go stale; it lives as long as
/// the segment reader that opened it.
/// </summary>
public sealed class SummitDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    private const string TermsDictionaryExtension = ".tim";

    public override IndexInput OpenInput(string name, IOContext context)
    {
        if (!IsTermsDictionary(name) || !Searching(context)) return base.OpenInput(name, context);
        EnsureOpen();
        var file = new FileInfo(System.IO.Path.Combine(Directory.FullName, name));
        if (file.Length > Array.MaxLength) return base.OpenInput(name, context);
        return new MemoryIndexInput($"MemoryIndexInput(path=\"{file.FullName}\")", File.ReadAllBytes(file.FullName));
    }

    /// <summary>Small segments keep their files in one compound file, read through slices: their terms
    /// dictionaries are copied the same way.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        var slicer = base.CreateSlicer(name, context);
        return Searching(context) ? new TermsInMemorySlicer(slicer) : slicer;
    }

    private static bool IsTermsDictionary(string name) => name.EndsWith(TermsDictionaryExtension, StringComparison.Ordinal);

    // Merges and one-off reads stream a file once; only searches profit from the copy.
    private static bool Searching(IOContext context) => context.Context != IOContext.UsageContext.MERGE && !context.ReadOnce;

    private sealed class TermsInMemorySlicer(IndexInputSlicer inner) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length)
        {
            var slice = inner.OpenSlice(sliceDescription, offset, length);
            if (!IsTermsDictionary(sliceDescription) || length > Array.MaxLength) return slice;
            using (slice)
            {
                var bytes = new byte[length];
                slice.ReadBytes(bytes, 0, bytes.Length);
                return new MemoryIndexInput($"MemoryIndexInput(slice=\"{sliceDescription}\")", bytes);
            }
        }

        [Obsolete("Only for compound files of 3.x indexes, which Summit never reads.")]
        public override IndexInput OpenFullSlice() => inner.OpenFullSlice();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
        }
    }

    /// <summary>A file held in an array. Clones (one per terms enumerator) share the array and keep their own position.</summary>
    private sealed class MemoryIndexInput(string description, byte[] bytes) : IndexInput(description)
    {
        private int _position;

        public override long Length => bytes.Length;
        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > bytes.Length) throw new EndOfStreamException($"seek to {pos} past the end of {this} ({bytes.Length} bytes)");
            _position = (int)pos;
        }

        public override byte ReadByte()
        {
            if (_position >= bytes.Length) throw new EndOfStreamException($"read past the end of {this}");
            return bytes[_position++];
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            if (len > bytes.Length - _position) throw new EndOfStreamException($"read past the end of {this}");
            Buffer.BlockCopy(bytes, _position, b, offset, len);
            _position += len;
        }

        // Lucene writes big-endian.
        public override short ReadInt16() => BinaryPrimitives.ReadInt16BigEndian(Take(2));
        public override int ReadInt32() => BinaryPrimitives.ReadInt32BigEndian(Take(4));
        public override long ReadInt64() => BinaryPrimitives.ReadInt64BigEndian(Take(8));

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > bytes.Length - _position) throw new EndOfStreamException($"read past the end of {this}");
            var span = bytes.AsSpan(_position, count);
            _position += count;
            return span;
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
