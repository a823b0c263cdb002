namespace ImrPredict.Store.Tests;

/// <summary>The audit trail in the SQLite store file.</summary>
public sealed class SqliteAuditLogTests() : AuditLogContract(StoreFactory.Sqlite(), store => SqlAuditLog.Open(Path.GetDirectoryName(store.Location)!, null).Value);
