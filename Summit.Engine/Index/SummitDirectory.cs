using System.Buffers.Binary;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Summit.Engine.Index;

/// <summary>
/// The index folder as the searcher reads it: <see cref="NIOFSDirectory"/> (FSDirectory.Open would pick
/// MMapDirectory, which misbehaves in this Lucene.Net version) with two changes to how files are read.
/// <list type="bullet">
/// <item>Each segment's terms dictionary (<c>.tim</c>) is read into memory when the segment opens. Looking a word up
/// reads a block of that file at a random place, and through the file system that made term lookups about a
/// quarter of a rare word's search. The file is a few percent of the index (about 100 MB at a million articles).</item>
/// <item>Other files are read with positional reads on one file handle (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>),
/// where NIOFSDirectory's reads go through a shared FileStream (lock, seek, its own buffer), which cost more than
/// the system call itself.</item>
/// </list>
/// Segment files never change once written, so nothing read can go stale; what a segment reader opened lives as
/// long as it does.
/// </summary>
public sealed class SummitDirectory(DirectoryInfo path) : NIOFSDirectory(path)
{
    private const string TermsDictionaryExtension = ".tim";

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(file);
        try
        {
            return Input(name, $"path=\"{file}\"", file, handle, 0, RandomAccess.GetLength(handle), context, ownsHandle: true);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Small segments keep their files in one compound file, read through slices of one handle; their terms
    /// dictionaries are copied the same way.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        return new Slicer(file, OpenHandle(file), context);
    }

    /// <summary>
    /// The input of one file, or of one file inside a compound file (<paramref name="offset"/>,
    /// <paramref name="length"/>): a terms dictionary read by a search is copied into memory (and a handle the input
    /// would own is closed at once); anything else is read by position through Lucene's buffer.
    /// </summary>
    private static IndexInput Input(string name, string description, string file, SafeFileHandle handle, long offset, long length,
        IOContext context, bool ownsHandle)
    {
        if (!IsTermsDictionary(name) || !Searching(context) || length > Array.MaxLength)
            return new FileSliceInput($"FileSliceInput({description})", handle, offset, length, BufferSize(name, context), ownsHandle);
        var bytes = ReadAll(handle, offset, length, file);
        if (ownsHandle) handle.Dispose();
        return new MemoryIndexInput($"MemoryIndexInput({description})", bytes);
    }

    private static SafeFileHandle OpenHandle(string file) =>
        File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);

    private static bool IsTermsDictionary(string name) => name.EndsWith(TermsDictionaryExtension, StringComparison.Ordinal);

    /// <summary>
    /// A search reads a hit's stored fields as one compressed block of about 16 KB, which Lucene's default 1 KB buffer
    /// fetched in a dozen or more reads, each a system call; one buffer the block's size fetches it in one or two.
    /// The buffer is per reader clone (one per searching thread and segment).
    /// </summary>
    private static int BufferSize(string name, IOContext context) =>
        name.EndsWith(StoredFieldsExtension, StringComparison.Ordinal) && Searching(context) ? StoredFieldsBufferSize : BufferedIndexInput.GetBufferSize(context);

    private const string StoredFieldsExtension = ".fdt";
    private const int StoredFieldsBufferSize = 16 * 1024;

    // Merges and one-off reads stream a file once; only searches profit from the copy.
    private static bool Searching(IOContext context) => context.Context != IOContext.UsageContext.MERGE && !context.ReadOnce;

    private static byte[] ReadAll(SafeFileHandle handle, long offset, long length, string file)
    {
        var bytes = new byte[length];
        ReadFully(handle, bytes, offset, file);
        return bytes;
    }

    private static void ReadFully(SafeFileHandle handle, Span<byte> into, long position, string file)
    {
        while (into.Length > 0)
        {
            var read = RandomAccess.Read(handle, into, position);
            if (read <= 0) throw new EndOfStreamException($"read past the end of {file} at {position}");
            into = into[read..];
            position += read;
        }
    }

    private sealed class Slicer(string file, SafeFileHandle handle, IOContext context) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            Input(sliceDescription, $"slice=\"{sliceDescription} in {file}\"", file, handle, offset, length, context, ownsHandle: false);

        [Obsolete("Only for compound files of 3.x indexes, which Summit never reads.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
        }
    }

    /// <summary>A file, or a slice of a compound file, read by position through Lucene's buffer. Clones share the
    /// handle; only the input that opened the file closes it.</summary>
    private sealed class FileSliceInput(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool ownsHandle)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool _isClone;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            // Called with the file pointer at the first byte wanted.
            var position = Position;
            if (position + count > length) throw new EndOfStreamException($"read past the end of {this}: {position} + {count} > {length}");
            ReadFully(handle, b.AsSpan(offset, count), start + position, ToString());
        }

        // Positional reads need no seek.
        protected override void SeekInternal(long pos)
        {
        }

        public override object Clone()
        {
            var clone = (FileSliceInput)base.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !_isClone) handle.Dispose();
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
