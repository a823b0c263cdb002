using System.Data.Common;
using System.Globalization;
using ImrPredict.Core.Results;

namespace ImrPredict.Store;

/// <summary>The store's reads: changes after a sequence, one letter, pages of letters, counts, the most recent.</summary>
public sealed partial class SqlLetterStore
{
    /// <inheritdoc />
    public Result<IReadOnlyList<StoreChange>, StoreErrorCode> ChangesAfter(long sequence, int max) => Query<IReadOnlyList<StoreChange>>(connection =>
    {
        using var command = Command(connection, null, "SELECT seq, letter_id, parsed, deleted, source FROM letters WHERE seq > @after ORDER BY seq LIMIT @max");
        SqlParameters.Add(command, "@after", sequence);
        SqlParameters.Add(command, "@max", Math.Clamp(max, 1, 100_000));
        using var reader = command.ExecuteReader();
        var changes = new List<StoreChange>();
        while (reader.Read())
        {
            var deleted = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture) != 0;
            var letter = deleted || reader.IsDBNull(2) ? null : StoreJson.Deserialize(reader.GetString(2));
            changes.Add(new StoreChange(reader.GetInt64(0), reader.GetString(1), letter, GeneratedLetters.IsGenerated(reader.GetString(4))));
        }

        return changes;
    });

    /// <inheritdoc />
    public Result<StoredLetter?, StoreErrorCode> Get(string letterId) => Query(connection =>
        Read(connection, null, $"{SelectLetter} WHERE letter_id = @id", command => SqlParameters.Add(command, "@id", letterId)).FirstOrDefault());

    /// <inheritdoc />
    public Result<IReadOnlyList<StoredLetter>, StoreErrorCode> LettersAfter(long sequence, int max) => Query<IReadOnlyList<StoredLetter>>(connection =>
        Read(connection, null, $"{SelectLetter} WHERE seq > @after ORDER BY seq LIMIT @max",
            command =>
            {
                SqlParameters.Add(command, "@after", sequence);
                SqlParameters.Add(command, "@max", Math.Clamp(max, 1, 100_000));
            }));

    /// <inheritdoc />
    public Result<StoreCounts, StoreErrorCode> Counts() => Query(connection =>
    {
        using var command = Command(connection, null, """
            SELECT
              COALESCE(SUM(CASE WHEN deleted = 0 AND parsed IS NOT NULL THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN deleted = 0 AND parsed IS NULL THEN 1 ELSE 0 END), 0),
              COALESCE(SUM(CASE WHEN deleted <> 0 THEN 1 ELSE 0 END), 0),
              COALESCE(MAX(seq), 0)
            FROM letters
            """);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new StoreCounts(
            Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
            Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
            Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture));
    });

    /// <inheritdoc />
    public Result<long, StoreErrorCode> LastSequence() => Query(connection =>
    {
        using var command = Command(connection, null, "SELECT COALESCE(MAX(seq), 0) FROM letters");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    /// <inheritdoc />
    public Result<IReadOnlyList<LetterSummary>, StoreErrorCode> Recent(int max) => Query<IReadOnlyList<LetterSummary>>(connection =>
    {
        using var command = Command(connection, null,
            "SELECT seq, letter_id, source, received_utc, parsed, error_code, error_message, deleted FROM letters ORDER BY seq DESC LIMIT @max");
        SqlParameters.Add(command, "@max", Math.Clamp(max, 1, 1000));
        using var reader = command.ExecuteReader();
        var letters = new List<LetterSummary>();
        while (reader.Read())
        {
            var letter = reader.IsDBNull(4) ? null : StoreJson.Deserialize(reader.GetString(4));
            letters.Add(new LetterSummary(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                letter?.Header.CaseNumber,
                letter?.Items.Count ?? 0,
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture) != 0));
        }

        return letters;
    });

    private static List<StoredLetter> Read(DbConnection connection, DbTransaction? transaction, string sql, Action<DbCommand> parameters)
    {
        using var command = Command(connection, transaction, sql);
        parameters(command);
        using var reader = command.ExecuteReader();
        var letters = new List<StoredLetter>();
        while (reader.Read())
        {
            letters.Add(new StoredLetter(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                DateTimeOffset.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(4),
                (byte[])reader.GetValue(5),
                reader.IsDBNull(6) ? null : StoreJson.Deserialize(reader.GetString(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture) != 0));
        }

        return letters;
    }
}
