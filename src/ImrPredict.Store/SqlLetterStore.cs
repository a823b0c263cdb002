using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Store;

/// <summary>
/// The letter store on SQLite (the embedded default) or PostgreSQL (shared by replicas): one table of letters keyed
/// by letter id, each row carrying its bytes, its parse or parse error and the sequence of its last change. Every failure
/// is a <see cref="StoreErrorCode"/> naming the store, never an exception.
/// </summary>
public sealed partial class SqlLetterStore : ILetterStore
{
    /// <summary>The schema this build writes and reads.</summary>
    public const int SchemaVersion = 1;

    private const string SelectLetter = "SELECT seq, letter_id, source, received_utc, content_sha256, original, parsed, error_code, error_message, deleted FROM letters";

    private readonly SqlDialect _dialect;

    private SqlLetterStore(SqlDialect dialect)
    {
        _dialect = dialect;
        Vectors = new Vectors.SqlItemVectors(dialect);
    }

    /// <inheritdoc />
    public Vectors.IItemVectors Vectors { get; }

    /// <inheritdoc />
    public string Description => _dialect.Description;

    /// <summary>Opens (creating when absent) the SQLite store file at <paramref name="path"/>.</summary>
    public static Result<ILetterStore, StoreErrorCode> OpenSqlite(string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result<ILetterStore, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"the store folder for '{path}' cannot be created: {e.Message}");
        }

        return Open(new SqliteDialect(Path.GetFullPath(path)));
    }

    /// <summary>Opens (creating the tables when absent) the PostgreSQL store at <paramref name="connectionString"/>.</summary>
    public static Result<ILetterStore, StoreErrorCode> OpenPostgres(string connectionString)
    {
        PostgresDialect dialect;
        try
        {
            dialect = new PostgresDialect(connectionString);
        }
        catch (ArgumentException e)
        {
            return Result<ILetterStore, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"ConnectionStrings:Determinations is not a valid PostgreSQL connection string: {e.Message}");
        }

        return Open(dialect);
    }

    private static Result<ILetterStore, StoreErrorCode> Open(SqlDialect dialect)
    {
        var store = new SqlLetterStore(dialect);
        // Under the writers' lock, so replicas starting together on one PostgreSQL database create the schema once.
        var ready = store.Write((connection, transaction, _) =>
        {
            foreach (var statement in dialect.CreateSchema)
            {
                Execute(connection, transaction, statement);
            }

            var version = Scalar(connection, transaction, "SELECT value FROM store_meta WHERE key = 'schema_version'") as string;
            if (version is null)
            {
                Execute(connection, transaction, $"INSERT INTO store_meta (key, value) VALUES ('schema_version', '{SchemaVersion}')");
                return SchemaVersion;
            }

            return int.Parse(version, CultureInfo.InvariantCulture);
        }, "to open (connect and check its schema)");
        if (!ready.TryGetValue(out var found))
        {
            dialect.Dispose();
            return Result<ILetterStore, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, ready.Error.Message);
        }

        if (found > SchemaVersion)
        {
            dialect.Dispose();
            return Result<ILetterStore, StoreErrorCode>.Fail(StoreErrorCode.SchemaTooNew,
                $"{dialect.Description} has schema version {found}; this build reads version {SchemaVersion}: upgrade the service before using this store");
        }

        return store;
    }

    /// <inheritdoc />
    public Result<IReadOnlyList<StoredAdd>, StoreErrorCode> Add(IReadOnlyList<LetterSubmission> letters, AddPolicy? policy = null)
    {
        policy ??= AddPolicy.Default;
        // Parsing is the expensive part: done in parallel before the write lock is taken.
        var prepared = new (LetterSubmission Submission, string Sha256, LetterParse Parse, string? Json)[letters.Count];
        Parallel.For(0, letters.Count, i =>
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(letters[i].Content));
            var parse = LetterParse.Of(letters[i].Content, sha);
            if (parse.Letter is { } read && policy.Refuse?.Invoke(read) is { } overLimit)
            {
                parse = new LetterParse($"refused-{sha[..16]}", null, new Error<ParseErrorCode>(ParseErrorCode.OverLimit, overLimit));
            }

            prepared[i] = parse.Error is { } error
                ? (Trimmed(letters[i], error, policy.RefusedBytesKept, out var trimmedError), sha, parse with { Error = trimmedError }, null)
                : (letters[i], sha, parse, StoreJson.Serialize(parse.Letter!));
        });
        return WriteAdds(prepared, $"to add {letters.Count:N0} letters ({letters.Sum(l => (long)l.Content.Length):N0} bytes)");
    }

    /// <inheritdoc />
    public Result<IReadOnlyList<StoredAdd>, StoreErrorCode> AddParsed(IReadOnlyList<ParsedSubmission> letters)
    {
        var prepared = letters.Select(l =>
        {
            var json = StoreJson.Serialize(l.Letter);
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);
            return (new LetterSubmission(bytes, ParsedSubmission.ImportedPrefix + l.Source), Convert.ToHexStringLower(SHA256.HashData(bytes)), new LetterParse(l.Letter.LetterId, l.Letter, null), (string?)json);
        }).ToArray();
        return WriteAdds(prepared, $"to import {letters.Count:N0} parsed letters");
    }

    /// <summary>A refused letter as kept: at most <paramref name="keep"/> of its bytes, its error saying how many it had.</summary>
    private static LetterSubmission Trimmed(LetterSubmission letter, Error<ParseErrorCode> error, int keep, out Error<ParseErrorCode> kept)
    {
        if (letter.Content.Length <= keep)
        {
            kept = error;
            return letter;
        }

        kept = error with { Message = $"{error.Message} (the store kept the first {keep:N0} of its {letter.Content.Length:N0} bytes)" };
        return letter with { Content = letter.Content[..Math.Max(keep, 0)] };
    }

    private Result<IReadOnlyList<StoredAdd>, StoreErrorCode> WriteAdds((LetterSubmission Submission, string Sha256, LetterParse Parse, string? Json)[] prepared, string what)
    {
        var received = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return Write<IReadOnlyList<StoredAdd>>((connection, transaction, next) =>
        {
            // One query for what the store holds of the batch, and one prepared upsert reused for every row: a round trip
            // per letter, not two, and no statement parsed twice (what PostgreSQL's rate depends on).
            var known = ExistingOf(connection, transaction, prepared.Select(p => p.Parse.LetterId).Distinct(StringComparer.Ordinal).ToList());
            using var upsert = UpsertCommand(connection, transaction);
            var results = new List<StoredAdd>(prepared.Length);
            for (var i = 0; i < prepared.Length; i++)
            {
                var (submission, sha, parse, json) = prepared[i];
                var existing = known.TryGetValue(parse.LetterId, out var row) ? row : ((long Sequence, string Sha256, bool Deleted)?)null;
                if (existing is { Deleted: false } current && current.Sha256 == sha)
                {
                    results.Add(new StoredAdd(i, parse.LetterId, current.Sequence, AddOutcome.Unchanged, parse.Error, parse.Letter?.Items.Count ?? 0, parse.Letter?.Warnings ?? []));
                    continue;
                }

                var sequence = next();
                Bind(upsert, parse.LetterId, sequence, submission.Source, received, sha, submission.Content, json, parse.Error?.Code.ToString(), parse.Error?.Message);
                upsert.ExecuteNonQuery();
                known[parse.LetterId] = (sequence, sha, false);
                var outcome = parse.Error is not null ? AddOutcome.Refused : existing is null ? AddOutcome.Added : AddOutcome.Replaced;
                results.Add(new StoredAdd(i, parse.LetterId, sequence, outcome, parse.Error, parse.Letter?.Items.Count ?? 0, parse.Letter?.Warnings ?? []));
            }

            return results;
        }, what);
    }

    /// <inheritdoc />
    public Result<long?, StoreErrorCode> Delete(string letterId) => Write<long?>((connection, transaction, next) =>
    {
        if (!ExistingOf(connection, transaction, [letterId]).TryGetValue(letterId, out var held) || held.Deleted)
        {
            return null;
        }

        // The bytes and the parse go with the letter: a tombstone keeps only what derived views need to drop it.
        var sequence = next();
        using var command = Command(connection, transaction, $"UPDATE letters SET deleted = 1, seq = @seq, original = {_dialect.EmptyBytes}, parsed = NULL WHERE letter_id = @id");
        SqlParameters.Add(command, "@seq", sequence);
        SqlParameters.Add(command, "@id", letterId);
        command.ExecuteNonQuery();
        // Its vectors say what it said: they go with it.
        using var vectors = Command(connection, transaction, "DELETE FROM item_vectors WHERE letter_id = @id");
        SqlParameters.Add(vectors, "@id", letterId);
        vectors.ExecuteNonQuery();
        return sequence;
    }, $"to delete '{letterId}'");

    /// <inheritdoc />
    public Result<long?, StoreErrorCode> UpdateParse(string letterId, LetterParse parse) => Write<long?>((connection, transaction, next) =>
    {
        var row = Read(connection, transaction, $"{SelectLetter} WHERE letter_id = @id", command => SqlParameters.Add(command, "@id", letterId)).FirstOrDefault();
        if (row is null || row.Deleted)
        {
            return null;
        }

        var json = parse.Letter is { } letter ? StoreJson.Serialize(letter) : null;
        var unchanged = parse.LetterId == letterId && row.ErrorCode == parse.Error?.Code.ToString()
            && (json is null ? row.Letter is null : row.Letter is not null && StoreJson.Serialize(row.Letter) == json);
        if (unchanged)
        {
            return null;
        }

        var sequence = next();
        if (parse.LetterId != letterId)
        {
            // The new parser names the letter differently: the old id becomes a tombstone, the letter lives on under the new one.
            using var tombstone = Command(connection, transaction, "UPDATE letters SET deleted = 1, seq = @seq WHERE letter_id = @id");
            SqlParameters.Add(tombstone, "@seq", sequence);
            SqlParameters.Add(tombstone, "@id", letterId);
            tombstone.ExecuteNonQuery();
            sequence = next();
        }

        Upsert(connection, transaction, parse.LetterId, sequence, row.Source, row.ReceivedUtc.ToString("O", CultureInfo.InvariantCulture), row.ContentSha256,
            row.Original, json, parse.Error?.Code.ToString(), parse.Error?.Message);
        return sequence;
    }, $"to update the parse of '{letterId}'");

    /// <inheritdoc />
    public void Dispose() => _dialect.Dispose();

    /// <summary>A write transaction that excludes other writers; <c>next()</c> hands out the sequences after the last committed one.</summary>
    private Result<T, StoreErrorCode> Write<T>(Func<DbConnection, DbTransaction, Func<long>, T> work, string what)
    {
        try
        {
            using var connection = _dialect.Open();
            using var transaction = _dialect.BeginWrite(connection);
            long? last = null;
            long Next()
            {
                last ??= Convert.ToInt64(Scalar(connection, transaction, "SELECT COALESCE(MAX(seq), 0) FROM letters") ?? 0L, CultureInfo.InvariantCulture);
                last++;
                return last.Value;
            }

            var result = work(connection, transaction, Next);
            transaction.Commit();
            return result;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            return Result<T, StoreErrorCode>.Fail(StoreErrorCode.WriteFailed,
                $"{Description} failed {what}; nothing of it was kept: {e.Message}");
        }
    }

    private Result<T, StoreErrorCode> Query<T>(Func<DbConnection, T> work)
    {
        try
        {
            using var connection = _dialect.Open();
            return work(connection);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException or JsonException)
        {
            return Result<T, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"{Description} cannot be read: {e.Message}");
        }
    }
}
