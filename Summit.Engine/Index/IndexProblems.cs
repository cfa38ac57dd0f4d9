using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Summit.Engine.Index;

/// <summary>An index that cannot be used, with a message that names the folder or file and the fix.</summary>
public sealed class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Opens index readers and writers, turning Lucene's failures into messages a person can act on.</summary>
public static class IndexProblems
{
    /// <summary>Runs <paramref name="open"/> and translates a locked, corrupt or truncated index into
    /// <see cref="IndexUnavailableException"/>.</summary>
    public static T Translate<T>(string indexPath, Func<T> open)
    {
        try
        {
            return RetryWhileChanging(open);
        }
        catch (LockObtainFailedException e)
        {
            throw new IndexUnavailableException(
                $"The index at '{indexPath}' is being written by another process (it holds {Path.Combine(indexPath, IndexWriter.WRITE_LOCK_NAME)}); " +
                "nothing was changed. One writer at a time: wait for the other indexer to finish (the API's live updates " +
                "hold the lock only while they commit) and try again. " +
                "A write.lock left behind by a crashed process is not a problem: it is released when that process dies.", e);
        }
        catch (Exception e) when (e is IOException or IndexFormatTooOldException or IndexFormatTooNewException)
        {
            throw new IndexUnavailableException(
                $"The index at '{indexPath}' is damaged: {Describe(e)}. " +
                $"Rebuild it from the articles with: Summit.Indexer index --input <articles> --index {indexPath} --rebuild " +
                $"(Summit.Indexer stats --index {indexPath} --check shows what is broken).", e);
        }
    }

    /// <summary>
    /// Opening a reader lists the files of the last commit, then opens them; when another process (the API's live
    /// updates, or the indexer) commits and merges in between, a file of the old commit can be gone by then. That is
    /// not damage: the next attempt reads the new commit. A file still missing after a few attempts is.
    /// </summary>
    private static T RetryWhileChanging<T>(Func<T> open)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return open();
            }
            catch (FileNotFoundException) when (attempt < attempts)
            {
                Thread.Sleep(20 * attempt);
            }
        }
    }

    /// <summary>The user data every Summit commit carries (<see cref="SummitSchema.Layout"/>).</summary>
    public static IDictionary<string, string> LayoutData { get; } = new Dictionary<string, string>
    {
        [SummitSchema.LayoutKey] = SummitSchema.Layout.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Refuses an index whose documents were written in an older layout (<see cref="SummitSchema.Layout"/>): it
    /// would open, but some searches would silently find nothing. An index without documents has no layout to
    /// worry about.
    /// </summary>
    public static void CheckLayout(string indexPath, IDictionary<string, string>? commitData, int documents)
    {
        if (documents == 0) return;
        var layout = commitData is not null && commitData.TryGetValue(SummitSchema.LayoutKey, out var text)
            && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var written) ? written : 1;
        if (layout == SummitSchema.Layout) return;
        var who = layout < SummitSchema.Layout ? "an older" : "a newer";
        throw new IndexUnavailableException(
            $"The index at '{indexPath}' was written by {who} version of Summit (index layout {layout}; this version reads layout {SummitSchema.Layout}). " +
            $"Rebuild it from the articles with: Summit.Indexer index --input <articles> --index {indexPath} --rebuild " +
            "(for the default index, delete the folder's contents and start the API again: it re-indexes the seeds).");
    }

    private static string Describe(Exception e)
    {
        // Lucene.Net wraps the real cause (EndOfStreamException for a truncated file) in IOException.
        while (e.InnerException is { } inner && e.GetType() == typeof(IOException)) e = inner;
        var message = e.Message;
        // Lucene's messages end with the resource, e.g. "(resource=NIOFSIndexInput(path=\"/idx/_0.cfs\"))"; keep them:
        // the file name is what a person needs to see.
        return e switch
        {
            FileNotFoundException f when f.FileName is not null => $"the file {f.FileName} is missing ({message})",
            EndOfStreamException => $"a file ends too early, it was probably truncated ({message})",
            _ => message,
        };
    }
}
