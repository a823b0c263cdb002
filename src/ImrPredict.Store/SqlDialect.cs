using System.Data.Common;

namespace ImrPredict.Store;

/// <summary>What differs between the engines: connections, the schema's column types and how writers are serialized.</summary>
internal abstract class SqlDialect
{
    /// <summary>The engine and location for messages, without secrets.</summary>
    public abstract string Description { get; }

    /// <summary>An open connection, configured for durability.</summary>
    public abstract DbConnection Open();

    /// <summary>The statements that create the schema when absent.</summary>
    public abstract IReadOnlyList<string> CreateSchema { get; }

    /// <summary>The statements that create the audit trail's table and indexes when absent.</summary>
    public abstract IReadOnlyList<string> CreateAuditSchema { get; }

    /// <summary>Begins a write transaction that excludes every other writer, so sequences commit in order.</summary>
    public abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>An empty byte string literal (what a tombstone keeps of a letter's bytes).</summary>
    public abstract string EmptyBytes { get; }

    /// <summary>Releases pooled resources.</summary>
    public virtual void Dispose()
    {
    }
}
