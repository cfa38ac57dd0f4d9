using System.Runtime.InteropServices;

namespace Summit.Engine.Articles;

/// <summary>One thing a walk found: an article file to read, or a path that is reported and skipped
/// (<see cref="Problem"/> is then set and says why).</summary>
public readonly record struct WalkEntry(string Path, ReadFailure? Problem);

/// <summary>
/// Walks a folder for article files, streaming: each folder is listed when it is reached and its entries come out
/// in ordinal order of their paths (the order of a sorted list of every path, as before). Links are followed, but
/// every real folder and every real file is visited once, keyed by its canonical path: a link back to a folder
/// already walked (a cycle, or a second way into the same folder) and a second link to the same file are reported
/// instead of followed. A folder or entry that cannot be read (permission denied, vanished, a broken link) is
/// reported with the reason and the walk goes on.
/// </summary>
public sealed class ArticleWalker
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private static readonly StringComparer PathComparer = StringComparer.FromComparison(PathComparison);

    private readonly Func<string, IEnumerable<FileSystemInfo>> _listFolder;

    /// <param name="listFolder">Lists one folder's entries (a seam for tests that make a listing fail, which a
    /// permission cannot do when tests run as root). The default lists the real folder.</param>
    internal ArticleWalker(Func<string, IEnumerable<FileSystemInfo>>? listFolder = null) =>
        _listFolder = listFolder ?? ListFolder;

    /// <summary>The article files under <paramref name="path"/> (or the file itself), and what was skipped.</summary>
    /// <exception cref="FileNotFoundException">Nothing exists at <paramref name="path"/>.</exception>
    public static IEnumerable<WalkEntry> Walk(string path) => new ArticleWalker().Find(path);

    internal IEnumerable<WalkEntry> Find(string path)
    {
        if (File.Exists(path)) return [new WalkEntry(path, null)];
        if (!Directory.Exists(path)) throw new FileNotFoundException($"No article file or folder at '{path}'.", path);
        return WalkFolder(path);
    }

    /// <summary>A folder entry: a file, a folder, or (with <see cref="Problem"/>) one that is reported and skipped.</summary>
    private sealed record Child(string Name, string Path, string RealPath, bool IsFolder, bool IsLink, string? Problem)
    {
        /// <summary>Ordinal order of the full paths: a folder's entries sort as "name/…" among its siblings.</summary>
        public string SortKey => IsFolder ? Name + '/' : Name;
    }

    private IEnumerable<WalkEntry> WalkFolder(string root)
    {
        var rootReal = RealPath(root) ?? Path.GetFullPath(root);
        // Real path → the path it was first reached by. Folders are few; files are not, so only the targets of
        // links to files are kept: a file that is not a link is reached once, as its real folder is walked once.
        var folders = new Dictionary<string, string>(PathComparer) { [rootReal] = root };
        var linkedFiles = new Dictionary<string, string>(PathComparer);
        var stack = new Stack<(string RealPath, IEnumerator<Child> Children)>();
        stack.Push((rootReal, ListChildren(root, rootReal).GetEnumerator()));

        while (stack.Count > 0)
        {
            var (folderReal, children) = stack.Peek();
            if (!children.MoveNext())
            {
                stack.Pop();
                continue;
            }
            var child = children.Current;
            if (child.Problem is not null)
            {
                yield return Skipped(child.Path, child.Problem);
                continue;
            }
            if (child.IsFolder)
            {
                if (folders.TryGetValue(child.RealPath, out var first))
                {
                    yield return Skipped(child.Path, IsSameOrInside(folderReal, child.RealPath)
                        ? $"a link back to the folder '{first}' that it is in (a cycle); not followed"
                        : $"the same folder as '{first}', read already; not read again");
                    continue;
                }
                folders.Add(child.RealPath, child.Path);
                stack.Push((child.RealPath, ListChildren(child.Path, child.RealPath).GetEnumerator()));
                continue;
            }
            if (!IsArticleName(child.Name)) continue;
            if (SameFileReadElsewhere(child, folders, linkedFiles) is { } other)
            {
                yield return Skipped(child.Path, $"the same file as '{other}', which is read once; not read again");
                continue;
            }
            yield return new WalkEntry(child.Path, null);
        }
    }

    private static bool IsArticleName(string name) =>
        ArticleReader.Extensions.Contains(Path.GetExtension(name)) && !name.StartsWith('.');

    /// <summary>The path by which the file <paramref name="child"/> is (or will be) read already, if any, else null;
    /// a link to a file that is read here is recorded in <paramref name="linkedFiles"/>.</summary>
    private static string? SameFileReadElsewhere(Child child, Dictionary<string, string> folders, Dictionary<string, string> linkedFiles)
    {
        if (!child.IsLink) return linkedFiles.TryGetValue(child.RealPath, out var link) ? link : null;
        if (linkedFiles.TryGetValue(child.RealPath, out var firstLink)) return firstLink;
        // The target's real folder is walked (or being walked): the target is read there under its own name.
        var targetName = Path.GetFileName(child.RealPath);
        if (IsArticleName(targetName) && folders.TryGetValue(Path.GetDirectoryName(child.RealPath) ?? "", out var targetFolder))
            return Path.Join(targetFolder, targetName);
        linkedFiles.Add(child.RealPath, child.Path);
        return null;
    }

    private static WalkEntry Skipped(string path, string reason) => new(path, new ReadFailure(path, null, reason));

    /// <summary>The entries of one folder in walk order. A folder that cannot be listed becomes one problem entry;
    /// entries that cannot be examined (broken links, entries that vanish) become problem entries in their place.</summary>
    private List<Child> ListChildren(string folder, string folderReal)
    {
        List<FileSystemInfo> entries;
        try
        {
            entries = _listFolder(folder).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return [new Child("", folder, "", false, false, $"the folder cannot be read: {e.Message.TrimEnd('.')}; its articles were skipped")];
        }
        var children = new List<Child>(entries.Count);
        foreach (var entry in entries)
        {
            var path = Path.Join(folder, entry.Name);
            try
            {
                if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
                {
                    // Not a link: its real path is its real folder's plus its name, no system call needed.
                    children.Add(new Child(entry.Name, path, Path.Join(folderReal, entry.Name),
                        (entry.Attributes & FileAttributes.Directory) != 0, false, null));
                    continue;
                }
                var target = RealPath(path);
                if (target is null || !Path.Exists(target))
                {
                    // A broken link may have been a folder of articles: say so, unless it is hidden.
                    if (!entry.Name.StartsWith('.'))
                        children.Add(new Child(entry.Name, path, "", false, true,
                            $"a link to '{entry.LinkTarget}', which does not exist or cannot be reached; skipped"));
                    continue;
                }
                children.Add(new Child(entry.Name, path, target, Directory.Exists(target), true, null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                children.Add(new Child(entry.Name, path, "", false, false, $"cannot be read: {e.Message.TrimEnd('.')}; skipped"));
            }
        }
        children.Sort((a, b) => string.CompareOrdinal(a.SortKey, b.SortKey));
        return children;
    }

    internal static IEnumerable<FileSystemInfo> ListFolder(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos("*", new EnumerationOptions
        {
            RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false,
        });

    /// <summary>Whether the real folder <paramref name="folder"/> is <paramref name="ancestor"/> or inside it.</summary>
    private static bool IsSameOrInside(string folder, string ancestor) =>
        folder.StartsWith(ancestor, PathComparison)
        && (folder.Length == ancestor.Length || folder[ancestor.Length] == Path.DirectorySeparatorChar || Path.EndsInDirectorySeparator(ancestor));

    /// <summary>The canonical path of <paramref name="path"/> with every link resolved, or null when it (or a link
    /// on the way) does not exist. libc <c>realpath</c> on Unix; elsewhere resolved one part at a time.</summary>
    internal static string? RealPath(string path)
    {
        if (LibcRealPath is null) return ManagedRealPath(path);
        var resolved = new byte[8192]; // at least PATH_MAX (4096 on Linux, 1024 on macOS)
        return LibcRealPath(path, resolved) == IntPtr.Zero
            ? null
            : System.Text.Encoding.UTF8.GetString(resolved, 0, Array.IndexOf(resolved, (byte)0));
    }

    internal delegate IntPtr RealPathFunction([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] resolved);

    /// <summary>libc's <c>realpath</c>, looked up among the symbols the process has loaded (a DllImport of "libc"
    /// finds no file on glibc, whose libc.so is a linker script); null on Windows or when it is not found.</summary>
    internal static readonly RealPathFunction? LibcRealPath =
        !OperatingSystem.IsWindows() && NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), "realpath", out var address)
            ? Marshal.GetDelegateForFunctionPointer<RealPathFunction>(address)
            : null;

    /// <summary><c>realpath</c> in managed code: each part of the full path is checked for a link, and a link's
    /// target replaces the parts read so far (at most 40 links, as Linux allows).</summary>
    internal static string? ManagedRealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Queue<string>(Parts(full));
        var links = 0;
        while (pending.TryDequeue(out var part))
        {
            if (part == ".") continue;
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }
            var next = Path.Join(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (!info.Exists && info.LinkTarget is null) return null;
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > 40) return null;
            var resolved = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Join(current, target));
            pending = new Queue<string>(Parts(resolved).Concat(pending));
            current = Path.GetPathRoot(resolved)!;
        }
        return current;

        static IEnumerable<string> Parts(string fullPath) =>
            fullPath[Path.GetPathRoot(fullPath)!.Length..]
                .Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }
}
