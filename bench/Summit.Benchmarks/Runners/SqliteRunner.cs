using System.Diagnostics;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;
using Summit.Benchmarks.Queries;
using Summit.Engine.Index;

namespace Summit.Benchmarks.Runners;

/// <summary>
/// The peer: SQLite FTS5 over the same articles, quotes and extracted facets (read back from the Summit index, so
/// both engines see the same extraction). Per query it does what the API does: top 10 by <c>bm25()</c> (or date)
/// with <c>snippet()</c>, the exact count, and facet counts by <c>GROUP BY</c> on country, person and source.
/// FTS5 has no fuzzy matching: a typo query is run as written (and finds nothing).
/// </summary>
public sealed class SqliteRunner : IQueryRunner
{
    private readonly string _connectionString;
    private readonly ThreadLocal<Session> _sessions;

    private SqliteRunner(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
        _sessions = new ThreadLocal<Session>(() => new Session(_connectionString), trackAllValues: true);
    }

    public string Name => "sqlite-fts5";

    /// <summary>Seconds the load took, and articles loaded.</summary>
    public sealed record BuildResult(double Seconds, int Articles, int Quotes, double DatabaseMegabytes);

    /// <summary>Creates (or recreates) the database at <paramref name="path"/> from the Summit index.</summary>
    public static (SqliteRunner Runner, BuildResult Build) Create(string path, string indexPath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            if (File.Exists(file)) File.Delete(file);
        var stopwatch = Stopwatch.StartNew();
        var (articles, quotes) = Load(path, indexPath);
        stopwatch.Stop();
        var size = new FileInfo(path).Length / 1024.0 / 1024.0;
        return (new SqliteRunner(path), new BuildResult(stopwatch.Elapsed.TotalSeconds, articles, quotes, size));
    }

    private static (int Articles, int Quotes) Load(string path, string indexPath)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        Execute(connection, """
            PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
            CREATE TABLE articles(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL, date INTEGER, source TEXT);
            CREATE TABLE article_country(article INTEGER NOT NULL, code TEXT NOT NULL);
            CREATE TABLE article_person(article INTEGER NOT NULL, name TEXT NOT NULL);
            CREATE TABLE quotes(rowid INTEGER PRIMARY KEY, article INTEGER NOT NULL, text TEXT NOT NULL);
            CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='rowid', tokenize='porter unicode61');
            CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='rowid', tokenize='porter unicode61');
            """);

        using var transaction = connection.BeginTransaction();
        using var insertArticle = Prepare(connection, "INSERT INTO articles VALUES($rowid, $id, $title, $body, $date, $source)", "$rowid", "$id", "$title", "$body", "$date", "$source");
        using var insertCountry = Prepare(connection, "INSERT INTO article_country VALUES($a, $v)", "$a", "$v");
        using var insertPerson = Prepare(connection, "INSERT INTO article_person VALUES($a, $v)", "$a", "$v");
        using var insertQuote = Prepare(connection, "INSERT INTO quotes(article, text) VALUES($a, $v)", "$a", "$v");

        using var directory = new NIOFSDirectory(new DirectoryInfo(indexPath));
        using var reader = DirectoryReader.Open(directory);
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var rowIds = new Dictionary<string, long>(StringComparer.Ordinal);
        int articles = 0, quotes = 0;
        // Article documents precede their quote documents (one UpdateDocuments block), so one pass suffices.
        for (var docId = 0; docId < reader.MaxDoc; docId++)
        {
            if (liveDocs is not null && !liveDocs.Get(docId)) continue;
            var doc = reader.Document(docId);
            var articleId = doc.Get(SummitSchema.ArticleId);
            if (doc.Get(SummitSchema.Kind) == SummitSchema.KindArticle)
            {
                var rowId = ++articles;
                rowIds[articleId] = rowId;
                Run(insertArticle, rowId, articleId, doc.Get(SummitSchema.Title) ?? "", doc.Get(SummitSchema.Body) ?? "",
                    doc.GetField(SummitSchema.Date)?.GetInt64Value() is { } date ? date : DBNull.Value,
                    (object?)doc.Get(SummitSchema.Source) ?? DBNull.Value);
                foreach (var code in doc.GetValues(SummitSchema.Country)) Run(insertCountry, rowId, code);
                foreach (var name in doc.GetValues(SummitSchema.Person)) Run(insertPerson, rowId, name);
            }
            else if (rowIds.TryGetValue(articleId, out var owner) && doc.Get(SummitSchema.QuoteText) is { } text)
            {
                Run(insertQuote, owner, text);
                quotes++;
            }
        }
        transaction.Commit();
        Execute(connection, """
            INSERT INTO articles_fts(articles_fts) VALUES('rebuild');
            INSERT INTO quotes_fts(quotes_fts) VALUES('rebuild');
            INSERT INTO articles_fts(articles_fts) VALUES('optimize');
            INSERT INTO quotes_fts(quotes_fts) VALUES('optimize');
            CREATE INDEX article_country_code ON article_country(code, article);
            CREATE INDEX article_country_article ON article_country(article, code);
            CREATE INDEX article_person_name ON article_person(name, article);
            CREATE INDEX article_person_article ON article_person(article, name);
            CREATE INDEX articles_date ON articles(date);
            CREATE INDEX quotes_article ON quotes(article);
            ANALYZE;
            """);
        return (articles, quotes);
    }

    public long Run(BenchQuery query) => _sessions.Value!.Run(query);

    public void Dispose()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        _sessions.Dispose();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters) command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    /// <summary>One connection and its prepared statements, owned by one thread.</summary>
    private sealed class Session : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public Session(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
        }

        public long Run(BenchQuery query)
        {
            var match = ToMatch(query);
            var fts = query.Quotes ? "quotes_fts" : "articles_fts";
            var (joins, owner) = query.Quotes
                ? ("JOIN quotes t ON t.rowid = quotes_fts.rowid JOIN articles a ON a.rowid = t.article", "t.article")
                : ("JOIN articles a ON a.rowid = articles_fts.rowid", "a.rowid");
            var filter = "";
            if (query.Country is not null) filter += $" AND {owner} IN (SELECT article FROM article_country WHERE code = $country)";
            if (query.Person is not null) filter += $" AND {owner} IN (SELECT article FROM article_person WHERE name = $person)";
            var where = $"WHERE {fts} MATCH $match{filter}";
            var order = query.SortByDate ? "ORDER BY a.date DESC" : $"ORDER BY bm25({fts})";
            var snippetColumn = query.Quotes ? 0 : 1;

            long total = 0;
            Read($"SELECT a.id, a.title, snippet({fts}, {snippetColumn}, '<mark>', '</mark>', '…', 16) FROM {fts} {joins} {where} {order} LIMIT 10", query, match, _ => { });
            Read($"SELECT count(*) FROM {fts} {joins} {where}", query, match, r => total = r.GetInt64(0));
            Read($"SELECT c.code, count(*) FROM {fts} {joins} JOIN article_country c ON c.article = {owner} {where} GROUP BY c.code ORDER BY 2 DESC LIMIT 10", query, match, _ => { });
            Read($"SELECT p.name, count(*) FROM {fts} {joins} JOIN article_person p ON p.article = {owner} {where} GROUP BY p.name ORDER BY 2 DESC LIMIT 10", query, match, _ => { });
            Read($"SELECT a.source, count(*) FROM {fts} {joins} {where} GROUP BY a.source ORDER BY 2 DESC LIMIT 10", query, match, _ => { });
            return total;
        }

        private void Read(string sql, BenchQuery query, string match, Action<SqliteDataReader> row)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                command.Parameters.Add(new SqliteParameter("$match", ""));
                if (sql.Contains("$country", StringComparison.Ordinal)) command.Parameters.Add(new SqliteParameter("$country", ""));
                if (sql.Contains("$person", StringComparison.Ordinal)) command.Parameters.Add(new SqliteParameter("$person", ""));
                command.Prepare();
                _commands[sql] = command;
            }
            command.Parameters["$match"].Value = match;
            if (query.Country is not null) command.Parameters["$country"].Value = query.Country;
            if (query.Person is not null) command.Parameters["$person"].Value = query.Person;
            using var reader = command.ExecuteReader();
            while (reader.Read()) row(reader);
        }

        /// <summary>FTS5 syntax: quoted words are ANDed; one quoted string is a phrase.</summary>
        private static string ToMatch(BenchQuery query) =>
            query.Phrase
                ? $"\"{string.Join(' ', query.Terms)}\""
                : string.Join(' ', query.Terms.Select(t => $"\"{t}\""));

        public void Dispose()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _connection.Dispose();
        }
    }
}
