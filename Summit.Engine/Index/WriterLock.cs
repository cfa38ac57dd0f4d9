using Lucene.Net.Store;
using Lock = Lucene.Net.Store.Lock;

namespace Summit.Engine.Index;

/// <summary>
/// The lock that makes an index folder's <see cref="Lucene.Net.Index.IndexWriter"/> the only one, across processes
/// and within one. Lucene.Net's <see cref="NativeFSLockFactory"/> opens <c>write.lock</c> with a sharing mode that
/// .NET on Linux turns into a <em>shared</em> <c>flock</c>, so a second process (the CLI next to the API, or two CLI
/// runs) got the lock too and both wrote the folder, which destroys the index. This factory opens the file with
/// <see cref="FileShare.None"/>, which .NET maps to an exclusive, non-blocking <c>flock</c>: the second writer is
/// refused before it touches a file. The operating system drops the lock when the holder exits, killed or not, so a
/// lock file left behind is harmless.
/// </summary>
public sealed class WriterLockFactory : FSLockFactory
{
    private readonly TimeSpan _wait;

    /// <param name="folder">The index folder, which holds the lock file.</param>
    /// <param name="wait">How long <see cref="Lock.Obtain()"/> keeps trying while another writer holds the lock (the
    /// API's live updates hold it for a commit, well under a second); zero tries once.</param>
    public WriterLockFactory(DirectoryInfo folder, TimeSpan wait = default)
    {
        _wait = wait;
        SetLockDir(folder);
    }

    public override Lock MakeLock(string lockName) =>
        new WriterLock(System.IO.Path.Combine(LockDir.FullName, LockPrefix is null ? lockName : $"{LockPrefix}-{lockName}"), _wait);

    // The lock is the open file, not the file's existence: there is never anything to clear.
    public override void ClearLock(string lockName)
    {
    }

    private sealed class WriterLock(string path, TimeSpan wait) : Lock
    {
        // Lucene's own polling (Obtain(timeout)) sleeps a whole second between tries; this polls finely instead.
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);
        private readonly System.Threading.Lock _gate = new();
        private FileStream? _held;

        public override bool Obtain()
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            while (!TryObtain())
            {
                if (started.Elapsed >= wait) return false;
                Thread.Sleep(PollInterval);
            }
            return true;
        }

        private bool TryObtain()
        {
            lock (_gate)
            {
                if (_held is not null) return false;
                try
                {
                    _held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return true;
                }
                catch (IOException e)
                {
                    FailureReason = e;
                    return false;
                }
            }
        }

        public override bool IsLocked()
        {
            lock (_gate)
            {
                if (_held is not null) return true;
                try
                {
                    using var probe = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    return false;
                }
                catch (IOException)
                {
                    return true;
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (!disposing) return;
            lock (_gate)
            {
                _held?.Dispose();
                _held = null;
            }
        }

        public override string ToString() => $"WriterLock({path})";
    }
}
