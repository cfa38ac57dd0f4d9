using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Summit.Engine.Index;

/// <summary>
/// The index folder as the searcher reads it: <see cref="NIOFSDirectory"/> (FSDirectory.Open would pick Lucene.Net's
/// MMapDirectory, which in this version reads through a view accessor per byte and can crash when a file is unmapped
/// under a reader) with its own two ways of reading.
/// <list type="bullet">
/// <item>A search maps each file into memory (<see cref="Mapping"/>) and reads it through a pointer. Through the file
/// system every read was a positional read system call and a copy: each postings list a query opens, each hit's
/// stored fields, each term looked up, a sixth of a search's time.</item>
/// <item>Merges and one-off reads stream a file once: they read by position through Lucene's buffer, on one file
/// handle (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>).</item>
/// </list>
/// Segment files never change once written, so nothing read can go stale.
/// <para>Mapped pages a search has touched count in the process's resident set (RSS); the same pages read by
/// position count in the page cache only. Where an RSS limit must hold for the process, <c>mapForSearch: false</c>
/// makes searches read by position too, at the cost of a system call and a copy per read.</para>
/// </summary>
public sealed class SummitDirectory(DirectoryInfo path, bool mapForSearch = true) : NIOFSDirectory(path)
{
    // Its segments are read with Summit's codec (set up by the codec's type initialiser), which decodes stored fields
    // in place from the mappings.
    static SummitDirectory() => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(SummitCodec).TypeHandle);

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(file);
        try
        {
            var length = RandomAccess.GetLength(handle);
            var input = Input($"path=\"{file}\"", handle, 0, length, context, ownsHandle: true, () => new Mapping(handle, length, file));
            // A mapping stays without the handle; a positional-read input owns it and closes it.
            if (input is MappedInput) handle.Dispose();
            return input;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Small segments keep their files in one compound file: a search maps it once and reads its files
    /// as slices of that mapping; a merge reads them by position through one handle.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        return new Slicer(this, file, OpenHandle(file), context);
    }

    private static SafeFileHandle OpenHandle(string file) =>
        File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);

    /// <summary>
    /// The input of one file, or of one file inside a compound file (<paramref name="offset"/>,
    /// <paramref name="length"/>): a search reads it from the file's mapping, a merge or a one-off read by position
    /// through Lucene's buffer (an empty file cannot be mapped).
    /// </summary>
    private IndexInput Input(string description, SafeFileHandle handle, long offset, long length, IOContext context, bool ownsHandle,
        Func<Mapping> mapping)
    {
        if (!Maps(context) || length == 0)
            return new FileSliceInput($"FileSliceInput({description})", handle, offset, length, BufferedIndexInput.GetBufferSize(context), ownsHandle);
        var mapped = mapping();
        if (offset < 0 || length < 0 || offset + length > mapped.Length)
            throw new EndOfStreamException($"{description}: {offset} + {length} is past the end of the file ({mapped.Length} bytes)");
        return new MappedInput($"MappedInput({description})", mapped, offset, length);
    }

    /// <summary>Whether reads in this context go through a mapping: a search's, unless this directory never maps.</summary>
    private bool Maps(IOContext context) => mapForSearch && context.Context != IOContext.UsageContext.MERGE && !context.ReadOnce;

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

    private sealed class Slicer(SummitDirectory directory, string file, SafeFileHandle handle, IOContext context) : IndexInputSlicer
    {
        private Mapping? _mapping;

        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            directory.Input($"slice=\"{sliceDescription} in {file}\"", handle, offset, length, context, ownsHandle: false,
                () => _mapping ??= new Mapping(handle, RandomAccess.GetLength(handle), file));

        [Obsolete("Only for compound files of 3.x indexes, which Summit never reads.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        // The mapping outlives the handle: it is released when no input reads it any more (see Mapping).
        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
        }
    }

    /// <summary>
    /// A file mapped read-only into memory. It is released when nothing reads it any more: when the last input over
    /// it is collected, not when a reader closes. A read after close (a clone Lucene still holds, a search racing a
    /// refresh) then reads the file as it was instead of crashing the process, which is what unmapping under a
    /// reader does. A deleted (merged-away) segment's disk space is therefore freed by the garbage collector's next
    /// full collection after its last reader goes, which SearchIndex asks for after a refresh that drops segments.
    /// </summary>
    private sealed unsafe class Mapping
    {
        private readonly MemoryMappedViewAccessor _view;

        public byte* Start { get; }
        public long Length { get; }

        public Mapping(SafeFileHandle handle, long length, string file)
        {
            if (length <= 0) throw new IOException($"cannot map the empty file {file}");
            // The view keeps the pages mapped on its own; the file handle and the mapping object can go.
            using (var mapped = MemoryMappedFile.CreateFromFile(handle, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true))
                _view = mapped.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
            byte* start = null;
            _view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);
            Start = start + _view.PointerOffset;
            Length = length;
        }

        ~Mapping()
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
    }

    /// <summary>An input whose bytes lie mapped in memory, for a reader that decodes them in place.</summary>
    internal interface IMappedInput
    {
        /// <summary>The bytes from the file pointer to the end of the input (at most 2 GB); valid while the input lives.</summary>
        ReadOnlySpan<byte> Unread { get; }
    }

    /// <summary>A file, or a slice of a compound file, read from its mapping. Clones share the mapping and keep their
    /// own position; every input holds the mapping, so it stays mapped while any of them can be read.</summary>
    private sealed unsafe class MappedInput(string description, Mapping mapping, long offset, long length) : IndexInput(description), IMappedInput
    {
        private readonly Mapping _mapping = mapping;
        private readonly byte* _start = mapping.Start + offset;
        private long _position;

        public override long Length => length;
        public override long Position => _position;

        public override void Seek(long pos)
        {
            if (pos < 0 || pos > length) throw new EndOfStreamException($"seek to {pos} past the end of {this} ({length} bytes)");
            _position = pos;
        }

        public ReadOnlySpan<byte> Unread => new(_start + _position, (int)Math.Min(length - _position, int.MaxValue));

        public override byte ReadByte()
        {
            if (_position >= length) throw new EndOfStreamException($"read past the end of {this}");
            var value = _start[_position++];
            GC.KeepAlive(_mapping);
            return value;
        }

        public override void ReadBytes(byte[] b, int offset, int len)
        {
            Take(len).CopyTo(b.AsSpan(offset, len));
            GC.KeepAlive(_mapping);
        }

        // Lucene writes big-endian.
        public override short ReadInt16()
        {
            var value = BinaryPrimitives.ReadInt16BigEndian(Take(2));
            GC.KeepAlive(_mapping);
            return value;
        }

        public override int ReadInt32()
        {
            var value = BinaryPrimitives.ReadInt32BigEndian(Take(4));
            GC.KeepAlive(_mapping);
            return value;
        }

        public override long ReadInt64()
        {
            var value = BinaryPrimitives.ReadInt64BigEndian(Take(8));
            GC.KeepAlive(_mapping);
            return value;
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > length - _position) throw new EndOfStreamException($"read past the end of {this}");
            var span = new ReadOnlySpan<byte>(_start + _position, count);
            _position += count;
            return span;
        }

        // Nothing to close: the mapping goes with the last input holding it.
        protected override void Dispose(bool disposing)
        {
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
}
