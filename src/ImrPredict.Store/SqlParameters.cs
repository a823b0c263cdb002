using System.Data.Common;

namespace ImrPredict.Store;

/// <summary>Named command parameters, the same way for SQLite and PostgreSQL: a null value is sent as SQL NULL.</summary>
internal static class SqlParameters
{
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
