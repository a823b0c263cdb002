namespace ImrPredict.Store.Tests;

/// <summary>The audit trail in the PostgreSQL database replicas share.</summary>
public sealed class PostgresAuditLogTests() : AuditLogContract(StoreFactory.Postgres(), store => SqlAuditLog.Open(string.Empty, store.Location).Value);
