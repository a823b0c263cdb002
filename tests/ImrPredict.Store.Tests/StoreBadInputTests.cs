using Microsoft.Data.Sqlite;

namespace ImrPredict.Store.Tests;

/// <summary>A store that cannot be used says why, naming the store or the setting; nothing throws.</summary>
public sealed class StoreBadInputTests
{
    [Fact]
    public void A_store_written_by_a_newer_schema_is_refused_with_a_message()
    {
        using var store = StoreFactory.Sqlite();
        store.Open().Dispose();
        using (var connection = new SqliteConnection($"Data Source={store.Location}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE store_meta SET value = '99' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
        var reopened = SqlLetterStore.OpenSqlite(store.Location);

        Assert.Equal(StoreErrorCode.SchemaTooNew, reopened.Error?.Code);
        Assert.Contains("schema version 99", reopened.Error?.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a server that does not answer", "Host=127.0.0.1;Port=1;Username=imr;Password=secret;Database=imr;Timeout=2")]
    [InlineData("a string that is not a connection string", "this is = not; a connection = string = at all")]
    public void A_PostgreSQL_store_that_cannot_be_opened_is_an_error_naming_the_setting_never_the_password(string what, string connectionString)
    {
        var opened = SqlLetterStore.OpenPostgres(connectionString);

        Assert.True(opened.Error?.Code == StoreErrorCode.Unavailable, what);
        Assert.Contains("ConnectionStrings:Determinations", opened.Error?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", opened.Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_data_folder_that_is_a_file_is_an_error_naming_it()
    {
        var file = Path.GetTempFileName();
        try
        {
            var opened = SqlLetterStore.OpenSqlite(Path.Combine(file, "determinations.db"));

            Assert.Equal(StoreErrorCode.Unavailable, opened.Error?.Code);
            Assert.Contains(file, opened.Error?.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
