using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using ImrPredict.Core.Results;

namespace ImrPredict.Store.Vectors;

/// <summary>The item vectors in the letter store's database (table <c>item_vectors</c>, created with the store's schema).</summary>
internal sealed class SqlItemVectors(SqlDialect dialect) : IItemVectors
{
    /// <inheritdoc />
    public Result<IReadOnlyList<StoredVector>, StoreErrorCode> For(IReadOnlyCollection<string> letterIds, string model)
    {
        try
        {
            using var connection = dialect.Open();
            var found = new List<StoredVector>();
            foreach (var chunk in letterIds.Chunk(500))
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT letter_id, item_index, text_digest, vector FROM item_vectors WHERE model = @model AND letter_id IN ({string.Join(", ", chunk.Select((_, k) => $"@id{k}"))})";
                SqlParameters.Add(command, "@model", model);
                for (var k = 0; k < chunk.Length; k++)
                {
                    SqlParameters.Add(command, $"@id{k}", chunk[k]);
                }

                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    var bytes = (byte[])reader.GetValue(3);
                    found.Add(new StoredVector(reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), model, reader.GetString(2),
                        MemoryMarshal.Cast<byte, float>(bytes).ToArray()));
                }
            }

            return found;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            return Result<IReadOnlyList<StoredVector>, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"the item vectors in {dialect.Description} cannot be read: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Result<int, StoreErrorCode> Put(IReadOnlyList<StoredVector> vectors)
    {
        if (vectors.Count == 0)
        {
            return 0;
        }

        try
        {
            using var connection = dialect.Open();
            using var transaction = connection.BeginTransaction();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO item_vectors (letter_id, item_index, model, text_digest, vector) VALUES (@letter, @item, @model, @digest, @vector)
                ON CONFLICT (letter_id, item_index, model) DO UPDATE SET text_digest = excluded.text_digest, vector = excluded.vector
                """;
            foreach (var name in new[] { "@letter", "@item", "@model", "@digest", "@vector" })
            {
                SqlParameters.Add(command, name, null);
            }

            foreach (var vector in vectors)
            {
                // Little-endian float32, as every machine here stores it: 1,536 bytes for 384 dimensions.
                object[] values = [vector.LetterId, vector.ItemIndex, vector.Model, vector.TextDigest, MemoryMarshal.AsBytes(vector.Vector.AsSpan()).ToArray()];
                for (var k = 0; k < values.Length; k++)
                {
                    command.Parameters[k].Value = values[k];
                }

                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return vectors.Count;
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            return Result<int, StoreErrorCode>.Fail(StoreErrorCode.WriteFailed, $"the item vectors in {dialect.Description} cannot be written: {e.Message}");
        }
    }

    /// <inheritdoc />
    public Result<long, StoreErrorCode> Count(string model)
    {
        try
        {
            using var connection = dialect.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM item_vectors WHERE model = @model";
            SqlParameters.Add(command, "@model", model);
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or UnauthorizedAccessException or TimeoutException)
        {
            return Result<long, StoreErrorCode>.Fail(StoreErrorCode.Unavailable, $"the item vectors in {dialect.Description} cannot be counted: {e.Message}");
        }
    }
}
