using System.Data.Common;
using System.Globalization;

namespace ImrPredict.Store;

/// <summary>The SQL of one row: what the store holds of some ids, the upsert, and the small command helpers every read and write uses.</summary>
public sealed partial class SqlLetterStore
{
    /// <summary>What the store holds of these letter ids (sequence, content hash, deleted), in one query per 500 ids.</summary>
    private static Dictionary<string, (long Sequence, string Sha256, bool Deleted)> ExistingOf(DbConnection connection, DbTransaction transaction, IReadOnlyList<string> letterIds)
    {
        var found = new Dictionary<string, (long Sequence, string Sha256, bool Deleted)>(StringComparer.Ordinal);
        foreach (var chunk in letterIds.Chunk(500))
        {
            using var command = Command(connection, transaction,
                $"SELECT letter_id, seq, content_sha256, deleted FROM letters WHERE letter_id IN ({string.Join(", ", chunk.Select((_, k) => $"@id{k}"))})");
            for (var k = 0; k < chunk.Length; k++)
            {
                SqlParameters.Add(command, $"@id{k}", chunk[k]);
            }

            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture) != 0);
            }
        }

        return found;
    }

    private static DbCommand UpsertCommand(DbConnection connection, DbTransaction transaction)
    {
        var command = Command(connection, transaction, """
            INSERT INTO letters (letter_id, seq, source, received_utc, content_sha256, original, parsed, error_code, error_message, deleted)
            VALUES (@id, @seq, @source, @received, @sha, @original, @parsed, @code, @message, 0)
            ON CONFLICT (letter_id) DO UPDATE SET seq = excluded.seq, source = excluded.source, received_utc = excluded.received_utc,
              content_sha256 = excluded.content_sha256, original = excluded.original, parsed = excluded.parsed,
              error_code = excluded.error_code, error_message = excluded.error_message, deleted = 0
            """);
        foreach (var name in new[] { "@id", "@seq", "@source", "@received", "@sha", "@original", "@parsed", "@code", "@message" })
        {
            SqlParameters.Add(command, name, null);
        }

        return command;
    }

    private static void Bind(DbCommand upsert, string letterId, long sequence, string source, string received, string sha, byte[] original, string? json, string? errorCode,
        string? errorMessage)
    {
        object?[] values = [letterId, sequence, source, received, sha, original, json, errorCode, errorMessage];
        for (var k = 0; k < values.Length; k++)
        {
            upsert.Parameters[k].Value = values[k] ?? DBNull.Value;
        }
    }

    private static void Upsert(DbConnection connection, DbTransaction transaction, string letterId, long sequence, string source, string received, string sha,
        byte[] original, string? json, string? errorCode, string? errorMessage)
    {
        using var command = UpsertCommand(connection, transaction);
        Bind(command, letterId, sequence, source, received, sha, original, json, errorCode, errorMessage);
        command.ExecuteNonQuery();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }


    private static void Execute(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, DbTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }
}
