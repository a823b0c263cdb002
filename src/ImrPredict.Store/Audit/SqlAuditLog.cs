using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ImrPredict.Core.Results;

namespace ImrPredict.Store.Audit;

/// <summary>
/// The audit trail in the letter store's database (the same SQLite file, or the same PostgreSQL database every
/// replica shares): one row per record, ids as JSON arrays. Failures are <see cref="StoreErrorCode"/>s, never exceptions.
/// </summary>
public sealed class SqlAuditLog : IAuditLog
{
    private const string Columns = "seq, time_utc, subject, name, role, scheme, action, outcome, precedent_ids, letter_ids, request_id, client_address";

    private readonly SqlDialect _dialect;

    private SqlAuditLog(SqlDialect dialect) => _dialect = dialect;

    /// <inheritdoc />
    public string Description => $"audit trail in the {_dialect.Description}";

    /// <summary>Opens the audit trail in the store <see cref="StoreLocation"/> names: PostgreSQL when a connection string is given, else SQLite in the data folder.</summary>
    public static Result<IAuditLog, StoreErrorCode> Open(string dataDirectory, string? connectionString)
    {
        SqlDialect dialect;
        try
        {
            dialect = string.IsNullOrWhiteSpace(connectionString)
                ? new SqliteDialect(Path.GetFullPath(Path.Combine(dataDirectory, StoreLocation.SqliteFile)))
                : new PostgresDialect(connectionString);
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Directory.CreateDirectory(Path.GetFullPath(dataDirectory));
            }
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return Result<IAuditLog, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"the audit trail's store cannot be opened: {e.Message}");
        }

        var log = new SqlAuditLog(dialect);
        try
        {
            using var connection = dialect.Open();
            foreach (var statement in dialect.CreateAuditSchema)
            {
                using var command = connection.CreateCommand();
                command.CommandText = statement;
                command.ExecuteNonQuery();
            }
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            dialect.Dispose();
            return Result<IAuditLog, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"the {log.Description} cannot be opened: {e.Message}");
        }

        return log;
    }

    /// <inheritdoc />
    public Result<int, StoreErrorCode> Append(IReadOnlyList<AuditRecord> records)
    {
        if (records.Count == 0)
        {
            return 0;
        }

        try
        {
            using var connection = _dialect.Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO audit_events ({Columns[5..]}) VALUES (@time, @subject, @name, @role, @scheme, @action, @outcome, @precedents, @letters, @request, @client)";
            var parameters = new[] { "@time", "@subject", "@name", "@role", "@scheme", "@action", "@outcome", "@precedents", "@letters", "@request", "@client" }.Select(name =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.DbType = System.Data.DbType.String;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            // One statement, prepared once, executed per record.
            command.Prepare();
            foreach (var record in records)
            {
                parameters[0].Value = Time(record.Time);
                parameters[1].Value = record.Subject;
                parameters[2].Value = (object?)record.Name ?? DBNull.Value;
                parameters[3].Value = record.Role;
                parameters[4].Value = record.Scheme;
                parameters[5].Value = record.Action;
                parameters[6].Value = record.Outcome;
                parameters[7].Value = Ids(record.PrecedentIds);
                parameters[8].Value = Ids(record.LetterIds);
                parameters[9].Value = (object?)record.RequestId ?? DBNull.Value;
                parameters[10].Value = (object?)record.ClientAddress ?? DBNull.Value;
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return records.Count;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            return Result<int, StoreErrorCode>.Fail(StoreErrorCode.WriteFailed, $"the {Description} failed to append {records.Count} records; they are kept in memory and retried: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Result<IReadOnlyList<AuditRecord>, StoreErrorCode> Read(AuditQuery query)
    {
        try
        {
            using var connection = _dialect.Open();
            using var command = connection.CreateCommand();
            var where = new List<string>();
            if (query.Since is { } since)
            {
                where.Add("time_utc >= @since");
                SqlParameters.Add(command, "@since", Time(since));
            }

            if (!string.IsNullOrEmpty(query.Subject))
            {
                where.Add("subject = @subject");
                SqlParameters.Add(command, "@subject", query.Subject);
            }

            if (!string.IsNullOrEmpty(query.LetterId))
            {
                // Ids are JSON strings in the arrays: the quoted id finds the letter, and its items' ids (letterId#index).
                where.Add(@"(letter_ids LIKE @letter ESCAPE '\' OR precedent_ids LIKE @item ESCAPE '\')");
                var escaped = query.LetterId.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
                SqlParameters.Add(command, "@letter", $"%\"{escaped}\"%");
                SqlParameters.Add(command, "@item", $"%\"{escaped}#%");
            }

            command.CommandText = $"SELECT {Columns} FROM audit_events{(where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : string.Empty)} ORDER BY seq DESC LIMIT {Math.Clamp(query.Max, 1, 100_000)}";
            using var reader = command.ExecuteReader();
            var records = new List<AuditRecord>();
            while (reader.Read())
            {
                records.Add(new AuditRecord(
                    reader.GetInt64(0),
                    DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4),
                    reader.GetString(5),
                    reader.GetString(6),
                    reader.GetString(7),
                    JsonSerializer.Deserialize<string[]>(reader.GetString(8)) ?? [],
                    JsonSerializer.Deserialize<string[]>(reader.GetString(9)) ?? [],
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.IsDBNull(11) ? null : reader.GetString(11)));
            }

            return records;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException or JsonException)
        {
            return Result<IReadOnlyList<AuditRecord>, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"the {Description} cannot be read: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Result<int, StoreErrorCode> PurgeBefore(DateTimeOffset cutoff)
    {
        try
        {
            using var connection = _dialect.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM audit_events WHERE time_utc < @cutoff";
            SqlParameters.Add(command, "@cutoff", Time(cutoff));
            return command.ExecuteNonQuery();
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            return Result<int, StoreErrorCode>.Fail(StoreErrorCode.WriteFailed, $"the {Description} failed to delete records past retention: {e.Message}");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _dialect.Dispose();

    private static string Ids(IReadOnlyList<string> ids) => ids.Count == 0 ? "[]" : JsonSerializer.Serialize(ids);

    // A fixed-width UTC form, so text order is time order in both engines.
    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
}
